import { CommitGroup, GROUPED_WRITES_MAX } from './commit-group';
import { CheckpointConflictError } from './read-store.errors';
import { CommitBatch, upsert } from './read-store.port';
import { SqliteReadStore } from './sqlite/sqlite-read-store';

const batch = (projection: string, documents: number, fromPosition = 0): CommitBatch => ({
  projection,
  version: 1,
  fromPosition,
  toPosition: fromPosition + 10,
  writes: Array.from({ length: documents }, (_, i) => upsert(projection, { _id: `d${i}`, n: i })),
});

describe('commits of one turn', () => {
  let store: SqliteReadStore;
  let group: CommitGroup;
  let calls: string[][];
  beforeEach(() => {
    store = new SqliteReadStore({ file: ':memory:' });
    group = new CommitGroup(store);
    calls = [];
    const commit = store.commit.bind(store);
    const commitAll = store.commitAll.bind(store);
    store.commit = (b) => (calls.push([b.projection]), commit(b));
    store.commitAll = (bs) => (calls.push(bs.map((b) => b.projection)), commitAll(bs));
  });
  afterEach(() => store.close());

  it('go to the store in one transaction, each answered as its own commit', async () => {
    await Promise.all([group.commit(batch('a', 3)), group.commit(batch('b', 2)), group.commit(batch('c', 1))]);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect((await store.checkpoints()).map((c) => [c.projection, c.position])).toEqual([['a', 10], ['b', 10], ['c', 10]]);
  });

  it('leave out a batch of more writes than a live one holds: it commits in a transaction of its own', async () => {
    const large = batch('large', GROUPED_WRITES_MAX + 1);
    // Versions count as writes too.
    const versioned: CommitBatch = { ...batch('versioned', 1), history: { collections: ['versioned'], versions: large.writes.map((w, i) => ({ position: i + 1, collection: 'versioned', id: `d${i}`, body: '{}' })) } };
    await Promise.all([group.commit(batch('a', 3)), group.commit(large), group.commit(versioned), group.commit(batch('b', 2))]);
    expect(calls).toEqual([['large'], ['versioned'], ['a', 'b']]);
    expect(await store.count('large', {})).toBe(GROUPED_WRITES_MAX + 1);
    expect((await store.checkpoints()).map((c) => c.projection)).toEqual(['a', 'b', 'large', 'versioned']);
  });

  it('answer a refused batch left out alone with its error, and the others stored', async () => {
    const refused = batch('large', GROUPED_WRITES_MAX + 1, 5);
    const outcomes = await Promise.allSettled([group.commit(refused), group.commit(batch('a', 1)), group.commit(batch('b', 1))]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: expect.any(CheckpointConflictError) });
    expect(outcomes.slice(1).map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await store.count('large', {})).toBe(0);
    expect((await store.checkpoints()).map((c) => c.projection)).toEqual(['a', 'b']);
  });
});
