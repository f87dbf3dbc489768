import { ThrottlerStorageService } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mongoose';
import { FakeSharedStateMongo } from '../testing/fake-mongo-driver';
import { throttlerStorageContract } from '../testing/throttler-storage.contract';
import { MongoThrottlerStorage } from './mongo-throttler-storage';

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

const url = process.env.MONGO_URL;
if (url) {
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

  it('two replicas on one database share their counters', async () => {
    const connection = await createConnection(url, { dbName: `throttler_replicas_${randomUUID().slice(0, 8)}` }).asPromise();
    try {
      const [a, b] = [new MongoThrottlerStorage(connection), new MongoThrottlerStorage(connection)];
      await a.increment('writes:user:r', 60_000, 2, 60_000, 'writes');
      await b.increment('writes:user:r', 60_000, 2, 60_000, 'writes');
      expect((await a.increment('writes:user:r', 60_000, 2, 60_000, 'writes')).isBlocked).toBe(true);
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });
} else {
  describe('throttler storage contract: MongoDB (mongoose)', () => {
    it('needs MONGO_URL to run', () => {
      console.log('MongoDB throttler-storage contract skipped: MONGO_URL is not set');
    });
  });
}
