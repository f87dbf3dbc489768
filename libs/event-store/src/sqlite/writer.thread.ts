import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { GroupWriter, QueuedGroup } from './group-writer';
import { openDatabase } from './open-database';
import { applyEventStorePragmas } from './sqlite-schema';
import { errorToWire } from './wire-errors';

type Message = QueuedGroup & { id: number };

/** Events appended between two checkpoints of this connection's own (under notes on the city about 5.7 frames each: some 28,000 frames, 115 MB of log). */
const BACKSTOP_EVENTS = 5_000;
/** The log's frames past which SQLite checkpoints inside a commit, should the events be large. */
const BACKSTOP_FRAMES = 50_000;

// The event store's writer thread (see writer-thread.ts): its own connection, the same pragmas (WAL, synchronous=FULL).
const data = workerData as { file: string; backstopEvents?: number };
const db = openDatabase(data.file, applyEventStorePragmas);
// Its commits leave copying the log into the file to the store's checkpoint thread (see wal-checkpointer.ts), but for a
// backstop: a PASSIVE checkpoint of another connection never finishes while groups keep committing, and the log restarts
// from its beginning only after one that did, so under steady writes it would grow without end. So this connection
// checkpoints too, with no group of its own in between: it copies only what the checkpoint thread has not (little),
// and its next commit starts the log afresh. It does so once the group it follows is answered, not inside that group's
// commit (SQLite's automatic checkpoint runs in the COMMIT that crosses its threshold), since the copy ends with an
// fsync of the database file: under notes at 64 clients on the city that was about one commit a second, a third of
// them taking 28-61 ms against 4.6 ms for the other commits at the median, every note in flight waiting on it.
// SQLite's own checkpoint stays as the bound in frames (events with large payloads write more pages each).
db.pragma(`wal_autocheckpoint = ${BACKSTOP_FRAMES}`);
const backstopEvents = data.backstopEvents ?? BACKSTOP_EVENTS;
let appendedSinceBackstop = 0;
const writer = new GroupWriter(db);
const port = parentPort!;

/** Copies the log into the file when enough was appended since the last time; a failure is left to the next one. */
function backstop(appended: number): void {
  appendedSinceBackstop += appended;
  if (appendedSinceBackstop < backstopEvents) return;
  appendedSinceBackstop = 0;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLite's log only grows meanwhile; the frame bound above still holds it.
  }
}

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
    backstop(written.reduce((n, w) => n + w.outcomes.reduce((m, o) => m + (o.ok ? o.rows.length : 0), 0), 0));
  } catch (error) {
    for (const g of groups) port.postMessage({ id: g.id, failed: errorToWire(error) });
  }
});
