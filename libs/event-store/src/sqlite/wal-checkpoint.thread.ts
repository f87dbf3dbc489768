import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './open-database';
import { applyEventStorePragmas } from './sqlite-schema';

// The event store's checkpoint thread (see wal-checkpointer.ts): its own connection, the same pragmas.
const db = openDatabase((workerData as { file: string }).file, applyEventStorePragmas);

parentPort!.on('message', ({ id }: { id: number }) => {
  try {
    // PASSIVE: copies what no reader still needs, without waiting for readers or taking the write lock.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    parentPort!.postMessage({ id, result });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
