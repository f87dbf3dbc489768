import { parentPort, workerData } from 'node:worker_threads';
import { openNotaryFile } from './sqlite-notary-file';
import type { NotaryWrite } from './notary-writer-thread';

// The notary's writer thread (see notary-writer-thread.ts): its own connection to the file, the same pragmas (WAL, synchronous=FULL).
const file = openNotaryFile((workerData as { file: string }).file);

parentPort!.on('message', (m: NotaryWrite & { id: number }) => {
  try {
    const appended = m.kind === 'append' ? file.append(m.links) : (file.addCheckpoint(m.checkpoint), true);
    parentPort!.postMessage({ id: m.id, appended });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});
