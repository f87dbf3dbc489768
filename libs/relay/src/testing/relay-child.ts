import { SqliteEventStore } from '@platform/event-store';
import { join } from 'node:path';
import { EventRelay } from '../event-relay';
import { SqliteRelayCheckpoints } from '../sqlite-relay-checkpoints';
import { JsonlProducer } from './jsonl-producer';

/** A relay process for the crash test: DATA_DIR's events to OUT_FILE, until it is killed. */
const dataDir = process.env.DATA_DIR!;
const relay = new EventRelay({
  name: 'crash-test',
  events: new SqliteEventStore({ file: join(dataDir, 'events.sqlite') }),
  producer: new JsonlProducer(process.env.OUT_FILE!, Number(process.env.SEND_DELAY_MS ?? 0)),
  checkpoints: new SqliteRelayCheckpoints(join(dataDir, 'relay.sqlite')),
  batchSize: Number(process.env.BATCH_SIZE ?? 10),
  pollMs: 5,
  retryMs: 50,
});
relay.start();
process.stdout.write('started\n');
