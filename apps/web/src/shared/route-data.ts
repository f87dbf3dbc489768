import type { LoaderFunctionArgs } from 'react-router';
import { boardQuery, campaignsQuery, organizationsQuery, problemsQuery, timelineQuery, trackerQuery } from '../api/queries';
import { queryClient } from '../api/query-client';
import type { SessionUser } from '../auth/session';
import { session } from '../auth/session';
import { storedAsOf, storedCampaignId } from './app-state';
import { boardFilters, boardRowsPage, problemFilters, scopeRoot } from './page-filters';

/**
 * What a page shows follows from its address and the signed-in reader alone, so the route's loader
 * can ask for the page's data while the page's code is still loading (no request waterfall: the
 * page finds the answers in the cache, or its request already on the way). The pages derive their
 * queries from the same functions (page-filters.ts), so the cache keys match.
 */

/** Starts a request into the cache without waiting for it; a failure is the page's to show when it asks. */
function prefetch(options: { readonly queryKey: readonly unknown[] }): void {
  void queryClient.prefetchQuery(options as Parameters<typeof queryClient.prefetchQuery>[0]);
}

/** The reader, the campaign and the moment every view shows, when someone is signed in. */
function context(): { user: SessionUser; campaignId: string | null; asOf: string | null } | null {
  const user = session.user();
  return user ? { user, campaignId: storedCampaignId(), asOf: storedAsOf() } : null;
}

const paramsOf = (request: Request) => new URL(request.url).searchParams;

/**
 * The signed-in layout: the campaign list (header). Not the organization tree: at city scale it is
 * about half a megabyte that the tracker and a problem's page never read, and asking for it on
 * every page had the server build it and the browser parse it beside the data being waited for.
 */
export function layoutLoader(): null {
  if (!context()) return null;
  prefetch(campaignsQuery());
  return null;
}

/** Pages that name units from the organization tree (the home pages, a unit's page) ask for it with their code. */
export function treeLoader(): null {
  if (context()) prefetch(organizationsQuery());
  return null;
}

export function boardLoader({ request }: LoaderFunctionArgs): null {
  const c = context();
  if (!c?.campaignId) return null;
  const params = paramsOf(request);
  // The breadcrumbs name the root's ancestors from the tree.
  prefetch(organizationsQuery());
  // No root named: the reader's whole scope, as the page asks for it.
  prefetch(boardQuery(c.campaignId, c.asOf, boardFilters(params, params.get('root') ?? scopeRoot(c.user)), boardRowsPage(params)));
  return null;
}

export function trackerLoader({ request }: LoaderFunctionArgs): null {
  const c = context();
  if (!c?.campaignId) return null;
  const params = paramsOf(request);
  const root = params.get('root') ?? scopeRoot(c.user);
  prefetch(trackerQuery(c.campaignId, c.asOf, root));
  prefetch(problemsQuery(c.campaignId, c.asOf, problemFilters(params, root)));
  return null;
}

export function problemLoader({ params }: LoaderFunctionArgs): null {
  const c = context();
  if (c && params.problemId) prefetch(timelineQuery(params.problemId, c.asOf));
  return null;
}
