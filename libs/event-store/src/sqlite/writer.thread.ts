import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { GroupWriter, QueuedGroup } from './group-writer';
import { openDatabase } from './open-database';
import { applyEventStorePragmas } from './sqlite-schema';
import { errorToWire } from './wire-errors';

type Message = QueuedGroup & { id: number };

// The event store's writer thread (see writer-thread.ts): its own connection, the same pragmas (WAL, synchronous=FULL).
const db = openDatabase((workerData as { file: string }).file, applyEventStorePragmas);
// Its commits leave copying the log into the file to the store's checkpoint thread (see wal-checkpointer.ts), but for a
// backstop: a PASSIVE checkpoint of another connection never finishes while groups keep committing, and the log restarts
// from its beginning only after one that did, so under steady writes it would grow without end. Past 10,000 frames this
// connection checkpoints after its commit, with no group of its own in between: it copies only what the thread has not
// (little), and its next commit starts the log afresh.
db.pragma('wal_autocheckpoint = 10000');
const writer = new GroupWriter(db);
const port = parentPort!;

port.on('message', (first: Message) => {
  // The groups sent while the last transaction ran commit together: one fsync for all of them.
  const groups = [first];
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) groups.push(next.message as Message);
  try {
    const written = writer.writeGroups(groups);
    groups.forEach((g, i) =>
      port.postMessage({
        id: g.id,
        startedAfter: written[i].startedAfter,
        // Only what the store's thread needs of the rows: each appended event's type and position.
        outcomes: written[i].outcomes.map((o) => (o.ok ? { ok: true, results: o.results, rows: o.rows.map((r) => ({ type: r.type, position: r.position })) } : { ok: false, error: errorToWire(o.error) })),
      }),
    );
  } catch (error) {
    for (const g of groups) port.postMessage({ id: g.id, failed: errorToWire(error) });
  }
});
