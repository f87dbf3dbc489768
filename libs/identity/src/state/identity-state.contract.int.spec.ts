import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSharedStateMongo } from '../testing/fake-mongo-driver';
import { identityStateContract } from '../testing/identity-state.contract';
import { MongoIdentityState } from './mongo-identity-state';
import { SqliteIdentityState } from './sqlite-identity-state';
import { withMongoServer } from '../testing/mongo-server';

identityStateContract('SQLite (the embedded default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'identity-state-'));
  return { open: async () => new SqliteIdentityState(join(dir, 'identity.sqlite')), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

// The adapter's conditional writes over the driver calls it makes, where no server is at hand.
identityStateContract('MongoDB adapter over the fake driver', () => {
  const fake = new FakeSharedStateMongo();
  return { open: async () => new MongoIdentityState(fake.connection()), cleanup: async () => undefined };
});

withMongoServer('identity-state contract', (url) => {
  identityStateContract('MongoDB (mongoose), one connection per opener', () => {
    const dbName = `identity_contract_${randomUUID().slice(0, 8)}`;
    return {
      open: () => MongoIdentityState.connect({ url, dbName }),
      cleanup: async () => {
        const state = await MongoIdentityState.connect({ url, dbName });
        await state.dropDatabase();
        await state.close();
      },
    };
  });
});
