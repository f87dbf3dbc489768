import { Worker } from 'node:worker_threads';

/**
 * Another connection to `file`, on a thread of its own, making and dropping indexes on the JSON in
 * column a of `table` without pause, as a projector's first start makes its views' indexes while
 * the other services open the same file. Resolves once the changes have begun; `stop` ends them and
 * resolves with how many were made.
 */
export async function schemaChurning(file: string, table: string): Promise<{ stop: () => Promise<number> }> {
  // [0]: set to 1 to stop; [1]: the changes made. Shared, so the loop needs no turn of an event loop to hear it.
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const db = new (require(workerData.sqlite))(workerData.file, { timeout: 10000 });
     const shared = workerData.shared;
     const indexes = Array.from({ length: 20 }, (_, i) => 'churn_' + i);
     while (Atomics.load(shared, 0) === 0) {
       indexes.forEach((name, i) => db.exec('CREATE INDEX IF NOT EXISTS ' + name + ' ON ' + workerData.table + " (json_extract(a, '$.f" + i + "'))"));
       for (const name of indexes) db.exec('DROP INDEX ' + name);
       if (Atomics.add(shared, 1, 40) === 0) parentPort.postMessage('churning');
     }
     db.close();`,
    { eval: true, workerData: { sqlite: require.resolve('better-sqlite3'), file, table, shared } },
  );
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      Atomics.store(shared, 0, 1);
      await new Promise((resolve) => worker.once('exit', resolve));
      return Atomics.load(shared, 1);
    },
  };
}
