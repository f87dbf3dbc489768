import createClient from 'openapi-fetch';
import { refreshSession } from '../auth/refresh';
import { session } from '../auth/session';
import type { paths } from './schema';
import { parseStale, viewStatus } from './view-status';

/** Called when the session cannot be renewed: the app returns to the sign-in page. */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export { refreshSession };

function withAuth(request: Request): Request {
  const token = session.accessToken();
  const r = request.clone();
  if (token) r.headers.set('authorization', `Bearer ${token}`);
  return r;
}

/**
 * fetch with the signed-in user's token: a 401 renews the tokens silently and retries once; when
 * that fails the session ends. Views report X-View-Stale and X-View-Position to the stale banner,
 * and any answer's X-Chain-Broken to the broken-chain banner.
 */
export async function authFetch(input: Request): Promise<Response> {
  const isAuthCall = new URL(input.url, location.href).pathname.startsWith('/api/auth/sign-in');
  if (!session.accessToken() && session.refreshToken() && !isAuthCall) await refreshSession();
  let res = await fetch(withAuth(input));
  if (res.status === 401 && !isAuthCall && session.refreshToken()) {
    if (await refreshSession()) res = await fetch(withAuth(input));
  }
  if (res.status === 401 && !isAuthCall) {
    session.clear();
    onSignedOut();
  }
  const position = res.headers.get('X-View-Position');
  if (position !== null && input.method === 'GET') {
    const lag = parseStale(res.headers.get('X-View-Stale'));
    viewStatus.report({ stale: lag !== null, position, lag });
  }
  const broken = res.headers.get('X-Chain-Broken');
  viewStatus.report({ chainBroken: broken === null ? null : Number(broken) });
  return res;
}

/** The typed client: paths, parameters and documented bodies come from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: location.origin, fetch: authFetch });
