import { CheckpointConflictError } from '../read-store.errors';
import { DocumentWrite, remove, upsert } from '../read-store.port';
import { FakeMongo } from '../testing/fake-mongo-connection';
import { readStoreContract } from '../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';

// The adapter's logic against a fake driver; the real server runs the same contract when MONGO_URL is set.
readStoreContract('MongoDB adapter over a fake driver', () => {
  const mongo = new FakeMongo();
  return {
    open: async () => new MongoReadStore(mongo.connection()),
    reopen: async () => new MongoReadStore(mongo.connection()),
    cleanup: async () => undefined,
  };
});

describe('MongoDB read store redo journal', () => {
  const batch = (from: number, to: number, writes: DocumentWrite[] = [upsert('docs', { _id: `d${to}`, n: to })]) => ({
    projection: 'p',
    version: 1,
    fromPosition: from,
    toPosition: to,
    writes,
  });

  it('finishes a batch that crashed while being applied, exactly once', async () => {
    const mongo = new FakeMongo();
    const store = new MongoReadStore(mongo.connection());
    await store.commit(batch(0, 1));
    mongo.failNext('bulkWrite');
    await expect(store.commit(batch(1, 2, [upsert('docs', { _id: 'd2' }), remove('docs', 'd1')]))).rejects.toThrow(/crash/);
    expect(mongo.data.get('docs')?.has('d1')).toBe(true);

    const restarted = new MongoReadStore(mongo.connection());
    expect(await restarted.checkpoint('p')).toMatchObject({ position: 2, version: 1 });
    expect(await restarted.find('docs')).toEqual([{ _id: 'd2' }]);
    // The runner, seeing checkpoint 2, goes on from there; a retry of the old batch is refused.
    await expect(restarted.commit(batch(1, 2))).rejects.toBeInstanceOf(CheckpointConflictError);
    await restarted.commit(batch(2, 3));
    expect(await restarted.count('docs')).toBe(2);
  });

  it('finishes a batch whose documents were written but whose checkpoint was not', async () => {
    const mongo = new FakeMongo();
    const store = new MongoReadStore(mongo.connection());
    mongo.failNext('finish');
    await expect(store.commit(batch(0, 1))).rejects.toThrow(/crash/);
    expect(await new MongoReadStore(mongo.connection()).checkpoint('p')).toMatchObject({ position: 1 });
  });

  it('finishes a reset that crashed half-way, so no checkpoint outlives its documents', async () => {
    const mongo = new FakeMongo();
    const store = new MongoReadStore(mongo.connection());
    await store.commit(batch(0, 5, [upsert('a', { _id: 'x' }), upsert('b', { _id: 'y' })]));
    mongo.failNext('deleteMany');
    await expect(store.reset('p', ['a', 'b'])).rejects.toThrow(/crash/);
    const restarted = new MongoReadStore(mongo.connection());
    expect(await restarted.checkpoint('p')).toBeNull();
    expect((await restarted.count('a')) + (await restarted.count('b'))).toBe(0);
  });
});
