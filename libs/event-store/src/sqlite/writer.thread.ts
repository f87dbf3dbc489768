import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { GroupWriter, QueuedGroup } from './group-writer';
import { openDatabase } from './open-database';
import { applyEventStorePragmas } from './sqlite-schema';
import { errorToWire } from './wire-errors';

type Message = QueuedGroup & { id: number };

// The event store's writer thread (see writer-thread.ts): its own connection, the same pragmas (WAL, synchronous=FULL).
const db = openDatabase((workerData as { file: string }).file, applyEventStorePragmas);
// Its commits never copy the log into the file: the store's checkpoint thread does (see wal-checkpointer.ts).
db.pragma('wal_autocheckpoint = 0');
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
