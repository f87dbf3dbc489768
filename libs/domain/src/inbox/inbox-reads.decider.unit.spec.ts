import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { InboxReadsCommand, inboxReadsDecider, MAX_ITEMS_MARKED } from './inbox-reads.decider';
import { InboxEvent } from './inbox.events';

const spec = specify(inboxReadsDecider);
const me: Actor = { userId: 'op-1', role: 'operator', unitId: 'branch-1' };
const someoneElse: Actor = { userId: 'op-2', role: 'operator', unitId: 'branch-1' };
const at = '2026-03-01T08:00:00.000Z';
const markItems = (itemIds: string[], actor: Actor = me): InboxReadsCommand => ({ type: 'MarkInboxItemsRead', actor, at, userId: 'op-1', itemIds });
const markUpTo = (position: number, headPosition = 100, actor: Actor = me): InboxReadsCommand => ({ type: 'MarkInboxReadUpTo', actor, at, userId: 'op-1', position, headPosition });
const read = (itemIds: string[]): InboxEvent => ({ type: 'InboxItemsRead', data: { userId: 'op-1', itemIds } });
const upTo = (position: number): InboxEvent => ({ type: 'InboxReadUpTo', data: { userId: 'op-1', position } });

describe('inbox read marks: per user, only forward', () => {
  it('marks items read, and writes only what was unread', () => {
    spec.given([]).when(markItems(['instruction.i-1.branch-1', 'notice.n-1'])).then([read(['instruction.i-1.branch-1', 'notice.n-1'])]);
    spec.given([read(['notice.n-1'])]).when(markItems(['notice.n-1', 'warning.42'])).then([read(['warning.42'])]);
    spec.given([read(['notice.n-1'])]).when(markItems(['notice.n-1'])).then([]);
  });

  it('marks everything up to a position read, never backwards', () => {
    spec.given([]).when(markUpTo(40)).then([upTo(40)]);
    spec.given([upTo(40)]).when(markUpTo(55)).then([upTo(55)]);
    spec.given([upTo(40)]).when(markUpTo(30)).then([]);
  });

  it.each([
    ['not_own_inbox', [], markItems(['notice.n-1'], someoneElse)],
    ['not_own_inbox', [], markUpTo(10, 100, someoneElse)],
    ['item_ids_required', [], markItems([])],
    ['item_ids_too_many', [], markItems(Array.from({ length: MAX_ITEMS_MARKED + 1 }, (_, i) => `warning.${i}`))],
    ['item_id_invalid', [], markItems(['../etc'])],
    ['position_invalid', [], markUpTo(-1)],
    ['position_invalid', [], markUpTo(1.5)],
    ['position_ahead', [], markUpTo(101, 100)],
  ] as const)('refuses %s', (code, given, when) => spec.given(given as unknown as InboxEvent[]).when(when).thenRefused(code));
});
