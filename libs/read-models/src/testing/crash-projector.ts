/**
 * Child process of the crash test: runs projections over an event store file into a read-store
 * file and prints each committed checkpoint, until the parent SIGKILLs it at a random moment.
 * With `rebuild` as fourth argument it rebuilds group-tally from the first event, over and over.
 */
import { SqliteEventStore } from '@platform/event-store';
import { ProjectionRunner } from '../projection-runner';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import { groupTallyProjection, streamActivityProjection } from './sample-projections';

const [eventsFile, readFile, batchSize, mode] = process.argv.slice(2);
const events = new SqliteEventStore({ file: eventsFile });
const store = new SqliteReadStore({ file: readFile });
const runner = new ProjectionRunner(events, store, [groupTallyProjection(), streamActivityProjection], {
  batchSize: Number(batchSize ?? 5),
  pollMs: 20,
  // Small bounds, so kills land between write-behind flushes spanning several batches.
  writeBehind: { events: 40 },
  onCommitted: (name, position) => process.stdout.write(`committed ${name} ${position}\n`),
});
async function rebuildForever(): Promise<void> {
  for (;;) await runner.rebuild('group-tally');
}

if (mode === 'rebuild') void rebuildForever();
else runner.start();
