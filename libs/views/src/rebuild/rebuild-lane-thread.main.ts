import { parentPort, workerData } from 'node:worker_threads';
import { openRebuildLane } from './rebuild-lane';
import type { FromLaneThread, LaneThreadData } from './rebuild-lane-thread';

/** A rebuild lane in a worker thread (see startLaneThread): ready once its runner is made, then rebuilds. */
async function main(): Promise<void> {
  const { dataDir, names, pendingMiB } = workerData as LaneThreadData;
  const post = (message: FromLaneThread) => parentPort!.postMessage(message);
  const lane = openRebuildLane(dataDir, pendingMiB);
  try {
    post({ type: 'ready' });
    const results = await lane.runner.rebuildAll(names, { onProgress: (progress) => post({ type: 'progress', progress }) });
    post({ type: 'done', results });
  } finally {
    await lane.close();
  }
}

main().catch((error: unknown) => parentPort!.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromLaneThread));
