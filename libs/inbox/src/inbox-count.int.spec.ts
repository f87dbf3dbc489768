import { InMemoryReadStore, ReadStore, SqliteReadStore, upsert } from '@platform/read-models';
import { INBOX_ITEMS, InboxItemDoc, inboxProjection } from '@platform/views';
import { countUnread, INBOX_COUNT_LIMIT } from './inbox-reader';

const item = (position: number, over: Partial<InboxItemDoc> = {}): InboxItemDoc => ({
  _id: `warning.${position}`,
  kind: 'warning',
  position,
  at: '2026-05-01T08:00:00.000Z',
  keys: ['any', 'at:branch-1'],
  roles: ['operator', 'office'],
  source: `problem-p-${position}`,
  title: '黄色预警',
  detail: null,
  unitId: 'branch-1',
  unitName: '芙蓉社区党支部',
  link: { kind: 'problem', id: `p-${position}`, campaignId: 'c-1' },
  level: 'yellow',
  resolved: false,
  ...over,
});

const office = { roles: 'office', keys: { $in: ['any', 'user:office-1'] } };

/**
 * The unread count stops at INBOX_COUNT_LIMIT and says "more than" beyond it; below it, it is
 * exact: items read one by one, read up to a position, dealt with, or meant for someone else do
 * not count.
 */
describe('unread count', () => {
  it.each([
    ['SQLite', () => new SqliteReadStore({ file: ':memory:' })],
    ['in-memory', () => new InMemoryReadStore()],
  ])('is exact up to the limit and says "more than" beyond it (%s)', async (_, open) => {
    const store: ReadStore = open();
    try {
      const indexes = inboxProjection.indexes?.[INBOX_ITEMS];
      if (indexes) await store.ensureIndexes?.(INBOX_ITEMS, indexes);
      const write = (docs: InboxItemDoc[], to: number) => store.commit({ projection: 'inbox', version: 1, fromPosition: 0, toPosition: to, writes: docs.map((d) => upsert(INBOX_ITEMS, d)) });
      const n = INBOX_COUNT_LIMIT + 2;
      await write(
        [
          ...Array.from({ length: n }, (_, i) => item(i + 1)),
          item(n + 1, { resolved: true }),
          item(n + 2, { roles: ['leader'] }),
          item(n + 3, { keys: ['user:someone-else'] }),
        ],
        n + 3,
      );
      const none = { _id: 'office-1', upTo: 0, read: {} };
      expect(await countUnread(store, office, none)).toEqual({ unread: INBOX_COUNT_LIMIT, unreadMoreThan: INBOX_COUNT_LIMIT });
      // Two read one by one, one read up to: exactly the limit is left.
      expect(await countUnread(store, office, { _id: 'office-1', upTo: 0, read: { 'warning.5': 5, 'warning.9': 9 } })).toEqual({ unread: n - 2, unreadMoreThan: null });
      expect(await countUnread(store, office, { _id: 'office-1', upTo: 1, read: { 'warning.5': 5 } })).toEqual({ unread: n - 2, unreadMoreThan: null });
      expect(await countUnread(store, office, { _id: 'office-1', upTo: n - 10, read: { 'warning.1': 1, [`warning.${n}`]: n } })).toEqual({ unread: 9, unreadMoreThan: null });
      expect(await countUnread(store, { roles: 'leader', keys: { $in: ['any'] } }, none)).toEqual({ unread: 1, unreadMoreThan: null });
    } finally {
      await store.close();
    }
  });
});
