import { parentPort, workerData } from 'node:worker_threads';
import { StreamWrite } from '../event-envelope';
import { GroupWriter } from './group-writer';
import { openDatabase } from './open-database';
import { applyEventStorePragmas } from './sqlite-schema';
import { errorToWire } from './wire-errors';

// The event store's writer thread (see writer-thread.ts): its own connection, the same pragmas (WAL, synchronous=FULL).
const db = openDatabase((workerData as { file: string }).file, applyEventStorePragmas);
const writer = new GroupWriter(db);

parentPort!.on('message', ({ id, batch, recordedAt }: { id: number; batch: (readonly StreamWrite[])[]; recordedAt: string }) => {
  try {
    const outcomes = writer.write(batch, recordedAt).map((o) =>
      // Only what the store's thread needs of the rows: each appended event's type and position.
      o.ok ? { ok: true, results: o.results, rows: o.rows.map((r) => ({ type: r.type, position: r.position })) } : { ok: false, error: errorToWire(o.error) },
    );
    parentPort!.postMessage({ id, outcomes, startedAfter: writer.startedAfter });
  } catch (error) {
    parentPort!.postMessage({ id, failed: errorToWire(error) });
  }
});
