import { randomUUID } from 'node:crypto';
import { createConnection } from 'mongoose';
import { failureWindowContract } from '../testing/failure-window.contract';
import { FakeSharedStateMongo } from '../testing/fake-mongo-driver';
import { FailureWindow } from './failure-window';
import { MongoFailureWindow } from './mongo-failure-window';
import { withMongoServer } from '../testing/mongo-server';

failureWindowContract('in-process (the embedded default)', () => ({
  open: async (limit, windowMs, now) => new FailureWindow(limit, windowMs, now),
  cleanup: async () => undefined,
}));

// The adapter's atomic push over the driver calls it makes, where no server is at hand.
failureWindowContract('MongoDB adapter over the fake driver', () => {
  const fake = new FakeSharedStateMongo();
  return { open: async (limit, windowMs, now) => new MongoFailureWindow(fake.connection(), 'account', limit, windowMs, now), cleanup: async () => undefined };
});

withMongoServer('failure-window contract', (url) => {
  failureWindowContract('MongoDB (mongoose)', () => {
    const connection = createConnection(url, { dbName: `failures_contract_${randomUUID().slice(0, 8)}`, serverSelectionTimeoutMS: 10_000 });
    return {
      open: async (limit, windowMs, now) => new MongoFailureWindow(await connection.asPromise(), 'account', limit, windowMs, now),
      cleanup: async () => {
        await connection.dropDatabase();
        await connection.close();
      },
    };
  });
});
