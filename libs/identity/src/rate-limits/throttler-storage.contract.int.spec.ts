import { ThrottlerStorageService } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mongoose';
import { FakeSharedStateMongo } from '../testing/fake-mongo-driver';
import { throttlerStorageContract } from '../testing/throttler-storage.contract';
import { MongoThrottlerStorage } from './mongo-throttler-storage';
import { withMongoServer } from '../testing/mongo-server';

throttlerStorageContract('in-process (the embedded default)', () => {
  let storage: ThrottlerStorageService | undefined;
  return {
    open: async () => (storage = new ThrottlerStorageService()),
    cleanup: async () => storage?.onApplicationShutdown(),
  };
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
