import { Inject, Injectable } from '@nestjs/common';
import { ActorScope } from '@platform/common';
import { Actor } from '@platform/domain';
import { OrganizationDirectory } from '@platform/organizations';
import { Filter, READ_STORE, ReadStore } from '@platform/read-models';
import { INBOX_ITEMS, INBOX_READS, InboxItemDoc, InboxReadsDoc, ViewMoments } from '@platform/views';

export const INBOX_PROJECTION = 'inbox';

/** Beyond this the list says "more than" instead of counting: an inbox that long is read by filter, not page by page. */
export const INBOX_COUNT_LIMIT = 1000;

/** At most INBOX_COUNT_LIMIT; `unreadMoreThan` is that limit when more wait, else null. */
export interface UnreadCount {
  readonly unread: number;
  readonly unreadMoreThan: number | null;
}

export interface InboxItemView extends Omit<InboxItemDoc, '_id' | 'keys' | 'roles' | 'source'> {
  readonly itemId: string;
  readonly read: boolean;
}

/**
 * A user's inbox, resolved when asked: the keys of their scope (each root, the subtrees above it,
 * themselves) meet the items' keys, for their role. Counting is two indexed counts, never a scan.
 */
@Injectable()
export class InboxReader {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly directory: OrganizationDirectory,
    private readonly moments: ViewMoments,
  ) {}

  /** Waits (bounded) for the inbox to hold what was just written; false when it did not in time. */
  catchUp(): Promise<boolean> {
    return this.moments.catchUp([INBOX_PROJECTION]);
  }

  async position(): Promise<number> {
    return (await this.store.checkpoint(INBOX_PROJECTION))?.position ?? 0;
  }

  async audience(actor: Actor, scope: ActorScope): Promise<Filter> {
    const own = [`user:${actor.userId}`];
    if (scope.all) return { roles: actor.role, keys: { $in: ['any', ...own] } };
    const tree = await this.directory.current();
    const above = scope.roots.flatMap((r) => [r, ...tree.ancestorIds(r)]);
    const keys = [...new Set(['all', ...own, ...scope.roots.map((r) => `at:${r}`), ...above.map((a) => `below:${a}`)])];
    return { roles: actor.role, keys: { $in: keys } };
  }

  async reads(userId: string): Promise<InboxReadsDoc> {
    return (await this.store.get<InboxReadsDoc>(INBOX_READS, userId)) ?? { _id: userId, upTo: 0, read: {} };
  }

  /** Waiting and unread, counted up to INBOX_COUNT_LIMIT (see countUnread). */
  unread(audience: Filter, reads: InboxReadsDoc): Promise<UnreadCount> {
    return countUnread(this.store, audience, reads);
  }

  async page(audience: Filter, reads: InboxReadsDoc, options: { unreadOnly: boolean; skip: number; limit: number; after?: number }) {
    const filter: Filter = {
      ...audience,
      ...(options.unreadOnly ? { resolved: false, position: { $gt: Math.max(reads.upTo, options.after ?? 0) }, _id: { $nin: Object.keys(reads.read) } } : {}),
      ...(!options.unreadOnly && options.after !== undefined ? { position: { $gt: options.after } } : {}),
    };
    const [total, docs] = await Promise.all([
      this.store.count(INBOX_ITEMS, filter, { limit: INBOX_COUNT_LIMIT + 1 }),
      this.store.find<InboxItemDoc>(INBOX_ITEMS, filter, { sort: { position: -1, _id: 1 }, skip: options.skip, limit: options.limit }),
    ]);
    return { total: Math.min(total, INBOX_COUNT_LIMIT), totalMoreThan: total > INBOX_COUNT_LIMIT ? INBOX_COUNT_LIMIT : null, items: docs.map((d) => view(d, reads)) };
  }
}

/**
 * Waiting and unread: dealt-with items (a transition decided by someone) no longer wait. Counted
 * up to INBOX_COUNT_LIMIT, beyond which the answer says "more than": an office's inbox holds most
 * of a city's warnings, and counting them all on every poll cost more than the rest of the page.
 */
export async function countUnread(store: ReadStore, audience: Filter, reads: InboxReadsDoc): Promise<UnreadCount> {
  const waiting = { ...audience, resolved: false, position: { $gt: reads.upTo } };
  const ids = Object.keys(reads.read);
  // The items read one by one are among the waiting ones counted: the bound leaves room for them.
  const bound = INBOX_COUNT_LIMIT + ids.length + 1;
  const [all, read] = await Promise.all([
    store.count(INBOX_ITEMS, waiting, { limit: bound }),
    ids.length ? store.count(INBOX_ITEMS, { ...waiting, _id: { $in: ids } }) : 0,
  ]);
  const unread = all - read;
  return unread > INBOX_COUNT_LIMIT ? { unread: INBOX_COUNT_LIMIT, unreadMoreThan: INBOX_COUNT_LIMIT } : { unread, unreadMoreThan: null };
}

export function view({ _id, keys: _k, roles: _r, source: _s, ...doc }: InboxItemDoc, reads: InboxReadsDoc): InboxItemView {
  return { itemId: _id, ...doc, read: doc.position <= reads.upTo || _id in reads.read };
}
