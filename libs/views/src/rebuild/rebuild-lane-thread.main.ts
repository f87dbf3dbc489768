import { parentPort, workerData } from 'node:worker_threads';
import { openRebuildLane } from './rebuild-lane';
import type { FromLaneThread, LaneThreadData, ToLaneThread } from './rebuild-lane-thread';

/**
 * A rebuild lane in a worker thread (see startLaneThread): ready once its runner is made and holds
 * its views' leases, then rebuilds when every lane is ready, or gives the leases up when one was not.
 */
async function main(): Promise<void> {
  const { dataDir, names, pendingMiB } = workerData as LaneThreadData;
  const post = (message: FromLaneThread) => parentPort!.postMessage(message);
  const lane = openRebuildLane(dataDir, pendingMiB);
  try {
    await lane.runner.holdLeases(names);
    // Listened for only now: a lane that failed before this has nothing keeping its thread alive.
    const told = new Promise<ToLaneThread>((resolve) => parentPort!.once('message', resolve));
    post({ type: 'ready' });
    if ((await told).type === 'stop') {
      await lane.runner.releaseLeases(names);
      post({ type: 'stopped' });
      return;
    }
    const results = await lane.runner.rebuildAll(names, { onProgress: (progress) => post({ type: 'progress', progress }) });
    post({ type: 'done', results });
  } finally {
    await lane.close();
  }
}

main().catch((error: unknown) => parentPort!.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromLaneThread));
