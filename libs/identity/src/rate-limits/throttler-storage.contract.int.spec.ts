import { randomUUID } from 'node:crypto';
import { createConnection } from 'mongoose';
import { FakeSharedStateMongo } from '../testing/fake-mongo-driver';
import { throttlerStorageContract } from '../testing/throttler-storage.contract';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { MongoThrottlerStorage } from './mongo-throttler-storage';
import { withMongoServer } from '../testing/mongo-server';

throttlerStorageContract('in-process counters (the embedded default)', () => ({ open: async () => new MemoryThrottlerStorage(), cleanup: async () => undefined }));

describe('in-process counters', () => {
  it('drop the keys whose window and block are over at the next sweep, and keep the others', async () => {
    let now = 1_000_000;
    const storage = new MemoryThrottlerStorage(() => now, 1_000);
    await storage.increment('writes:user:quiet', 500, 5, 500, 'writes');
    for (let i = 0; i < 3; i++) await storage.increment('sign-in:ip:blocked', 500, 2, 5_000, 'sign-in');
    now += 1_500;
    await storage.increment('writes:user:busy', 60_000, 5, 60_000, 'writes');
    // The quiet key's window is over: it went; the blocked one is still refused.
    expect(storage.size).toBe(2);
    expect((await storage.increment('sign-in:ip:blocked', 500, 2, 5_000, 'sign-in')).isBlocked).toBe(true);
    expect((await storage.increment('writes:user:quiet', 500, 5, 500, 'writes')).totalHits).toBe(1);
  });
});

// The adapter's conditional writes over the driver calls it makes, where no server is at hand.
throttlerStorageContract('MongoDB adapter over the fake driver', () => {
  const fake = new FakeSharedStateMongo();
  return { open: async () => new MongoThrottlerStorage(fake.connection()), cleanup: async () => undefined };
});

withMongoServer('throttler-storage contract', (url) => {
  throttlerStorageContract('MongoDB (mongoose)', () => {
    const connection = createConnection(url, { dbName: `throttler_contract_${randomUUID().slice(0, 8)}`, serverSelectionTimeoutMS: 10_000 });
    return {
      open: async () => new MongoThrottlerStorage(await connection.asPromise()),
      cleanup: async () => {
        await connection.dropDatabase();
        await connection.close();
      },
    };
  });

  it('two replicas, each with its own connection, share their counters', async () => {
    const dbName = `throttler_replicas_${randomUUID().slice(0, 8)}`;
    const connections = await Promise.all([0, 1].map(() => createConnection(url, { dbName }).asPromise()));
    try {
      const [a, b] = connections.map((c) => new MongoThrottlerStorage(c));
      await a.increment('writes:user:r', 60_000, 2, 60_000, 'writes');
      await b.increment('writes:user:r', 60_000, 2, 60_000, 'writes');
      expect((await a.increment('writes:user:r', 60_000, 2, 60_000, 'writes')).isBlocked).toBe(true);
    } finally {
      await connections[0].dropDatabase();
      for (const c of connections) await c.close();
    }
  });
});
