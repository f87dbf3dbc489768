import { join } from 'node:path';
import { FakeSharedStateMongo } from '../testing/fake-mongo-driver';
import { identityStateContract } from '../testing/identity-state.contract';
import { onEmbeddedAndMongo } from '../testing/mongo-server';
import { MongoIdentityState } from './mongo-identity-state';
import { SqliteIdentityState } from './sqlite-identity-state';

onEmbeddedAndMongo('identity-state', identityStateContract, {
  embedded: (dir) => new SqliteIdentityState(join(dir, 'identity.sqlite')),
  fakeDriver: () => new FakeSharedStateMongo(),
  overConnection: (connection) => new MongoIdentityState(connection),
  connect: (url, dbName) => MongoIdentityState.connect({ url, dbName }),
});
