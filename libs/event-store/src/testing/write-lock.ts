import { Worker } from 'node:worker_threads';

/**
 * Another connection to `file`, on a thread of its own (so that a synchronous wait on this one does
 * not keep it from letting go), holding the file's write lock for `ms`, as a busy process's long
 * transaction does. Resolves once the lock is held; `released` resolves once it is let go.
 */
export async function writeLockHeld(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const db = new (require(workerData.sqlite))(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('held');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, workerData.ms);`,
    { eval: true, workerData: { sqlite: require.resolve('better-sqlite3'), file, ms } },
  );
  const message = (what: string) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (m) => m === what && resolve());
      worker.on('error', reject);
    });
  await message('held');
  return { released: message('released').then(async () => void (await worker.terminate())) };
}
