import { RelayCheckpointsChoice } from '@platform/common';
import { join } from 'node:path';
import { MongoRelayCheckpoints } from './mongo-relay-checkpoints';
import { RelayCheckpoints } from './relay-ports';
import { SqliteRelayCheckpoints } from './sqlite-relay-checkpoints';

/** The relay's checkpoint store RELAY_CHECKPOINTS chose: DATA_DIR/relay.sqlite, or MongoDB. */
export async function openRelayCheckpoints(choice: RelayCheckpointsChoice, dataDir: string): Promise<RelayCheckpoints> {
  return choice.kind === 'mongodb'
    ? MongoRelayCheckpoints.connect({ url: choice.url, dbName: choice.dbName })
    : new SqliteRelayCheckpoints(join(dataDir, 'relay.sqlite'));
}
