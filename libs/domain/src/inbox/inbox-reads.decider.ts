import { CommandContext } from '../shared/actor';
import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { INBOX_ITEM_ID_PATTERN, InboxEvent } from './inbox.events';

/** How many items one request marks read: a page of the list. */
export const MAX_ITEMS_MARKED = 200;

export type InboxReadsCommand = CommandContext & { userId: string } & (
    | { type: 'MarkInboxItemsRead'; itemIds: string[] }
    | { type: 'MarkInboxReadUpTo'; position: number; headPosition: number }
  );

export interface InboxReadsState {
  readonly upTo: number;
  /** Read one by one (the projection drops those at or before upTo). */
  readonly read: ReadonlySet<string>;
}

const initialState = (): InboxReadsState => ({ upTo: 0, read: new Set() });

/**
 * A user's read marks. Marking read what is read already writes nothing (the same tap twice, two
 * open tabs), so the list and the badge may send it without looking first.
 */
function decide(c: InboxReadsCommand, s: InboxReadsState): InboxEvent[] {
  if (c.actor.userId !== c.userId) refuse('not_own_inbox', '只能标记自己的待办 (only one’s own inbox)');
  switch (c.type) {
    case 'MarkInboxItemsRead': {
      const ids = c.itemIds ?? [];
      if (ids.length === 0) refuse('item_ids_required', '请指明已读的待办 (itemIds is required)');
      if (ids.length > MAX_ITEMS_MARKED) refuse('item_ids_too_many', `一次最多标记 ${MAX_ITEMS_MARKED} 条 (itemIds ≤ ${MAX_ITEMS_MARKED})`, { max: MAX_ITEMS_MARKED });
      const bad = ids.find((id) => typeof id !== 'string' || !INBOX_ITEM_ID_PATTERN.test(id));
      if (bad !== undefined) refuse('item_id_invalid', `待办编号无效：${String(bad)} (itemIds)`, { itemId: bad });
      const fresh = [...new Set(ids)].filter((id) => !s.read.has(id));
      return fresh.length ? [{ type: 'InboxItemsRead', data: { userId: c.userId, itemIds: fresh } }] : [];
    }
    case 'MarkInboxReadUpTo': {
      if (!Number.isInteger(c.position) || c.position < 0) refuse('position_invalid', '位置应为非负整数 (position)');
      if (c.position > c.headPosition) refuse('position_ahead', '位置超出已记录的事件 (position is beyond the log)', { headPosition: c.headPosition });
      return c.position > s.upTo ? [{ type: 'InboxReadUpTo', data: { userId: c.userId, position: c.position } }] : [];
    }
    default:
      return assertNever(c);
  }
}

function evolve(s: InboxReadsState, e: InboxEvent): InboxReadsState {
  switch (e.type) {
    case 'InboxItemsRead':
      return { ...s, read: new Set([...s.read, ...e.data.itemIds]) };
    case 'InboxReadUpTo':
      return { ...s, upTo: e.data.position };
    default:
      return assertNever(e);
  }
}

export const inboxReadsDecider: Decider<InboxReadsCommand, InboxReadsState, InboxEvent> = { decide, evolve, initialState };
