import { join } from 'node:path';
import { onEmbeddedAndMongo } from '@platform/identity/testing/mongo-server';
import { FakeMongo } from '@platform/read-models/testing/fake-mongo-connection';
import { MongoRelayCheckpoints } from './mongo-relay-checkpoints';
import { SqliteRelayCheckpoints } from './sqlite-relay-checkpoints';
import { relayCheckpointsContract } from './testing/relay-checkpoints.contract';

onEmbeddedAndMongo('relay-checkpoints', relayCheckpointsContract, {
  embedded: (dir) => new SqliteRelayCheckpoints(join(dir, 'relay.sqlite')),
  fakeDriver: () => new FakeMongo(),
  overConnection: (connection) => new MongoRelayCheckpoints(connection),
  connect: (url, dbName) => MongoRelayCheckpoints.connect({ url, dbName }),
});
