import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeNotaryMongo } from '../testing/fake-notary-mongo';
import { notaryStoreContract } from '../testing/notary-store.contract';
import { MongoNotaryStore } from './mongo-notary-store';
import { SqliteNotaryStore } from './sqlite-notary-store';

notaryStoreContract('SQLite, two connections to one file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notary-store-'));
  return {
    open: async () => ({ a: new SqliteNotaryStore(join(dir, 'notary.sqlite')), b: new SqliteNotaryStore(join(dir, 'notary.sqlite')) }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

// The platform's notary writes on a thread of its own: the same file, the same checks in the write transaction.
notaryStoreContract("SQLite, writes on the notary's writer thread, two connections to one file", () => {
  const dir = mkdtempSync(join(tmpdir(), 'notary-store-thread-'));
  const file = join(dir, 'notary.sqlite');
  return {
    open: async () => ({ a: new SqliteNotaryStore(file, { writer: 'thread' }), b: new SqliteNotaryStore(file, { writer: 'thread' }) }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

// The adapter's conditional, ordered inserts over the driver calls it makes, where no server is at hand.
notaryStoreContract('MongoDB adapter over the fake driver', () => {
  const fake = new FakeNotaryMongo();
  return { open: async () => ({ a: new MongoNotaryStore(fake.connection()), b: new MongoNotaryStore(fake.connection()) }), cleanup: async () => undefined };
});

const url = process.env.MONGO_URL;
if (url) {
  notaryStoreContract('MongoDB (driver through mongoose), two connections', () => {
    const dbName = `notary_contract_${randomUUID().slice(0, 8)}`;
    return {
      open: async () => ({ a: await MongoNotaryStore.connect({ url, dbName }), b: await MongoNotaryStore.connect({ url, dbName }) }),
      cleanup: async () => {
        const { createConnection } = await import('mongoose');
        const c = await createConnection(url, { dbName }).asPromise();
        await c.dropDatabase();
        await c.close();
      },
    };
  });
} else {
  describe('notary store contract: MongoDB', () => {
    it('needs MONGO_URL to run', () => {
      console.log('MongoDB notary-store contract skipped: MONGO_URL is not set');
    });
  });
}
