import { integerSetting } from '@platform/common';
import { SqliteEventStore } from '@platform/event-store';
import { projectionLeasesFor, ProjectionRunner, readModelsFile, rebuildWithProgress, RebuildResult, SqliteReadStore } from '@platform/read-models';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { VIEW_PROJECTIONS } from '../view-projections';

/**
 * What a rebuild keeps pending by default (REBUILD_PENDING_MIB), twice a server's 64 MiB: at twice
 * the demo city the ledger's problems and their states are about 100 million characters of JSON,
 * and under 64 MiB it stored them mid-way seven times, each commit rewriting what it held into
 * ever larger tables and later events reading it back (175 s against 132 s for every view, peak
 * RSS 1.09 against 1.33 GiB). A server's first start keeps the runner's default: its projector
 * thread's heap is bounded (PROJECTOR_HEAP_MIB).
 */
export const DEFAULT_REBUILD_PENDING_MIB = 128;

export function loadRebuildPendingMiB(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'REBUILD_PENDING_MIB', DEFAULT_REBUILD_PENDING_MIB, 1);
}

/**
 * A batch job of its own: a page cache above the default 16 MB for the commits it makes. Larger
 * helped while it committed mid-way often (256 MiB); with the larger pending bound it made no
 * difference, only memory (132.5 s against 131.5 s at twice the city, 1.33 against 1.50 GiB).
 */
const REBUILD_PAGE_CACHE_MIB = 64;

/**
 * Rebuilds the named view projections (all when none are named) from position 0 on the data
 * directory's embedded stores, together in one pass over the events, with a progress bar per projection. Run it with the application
 * (or projector) that runs them stopped: it takes each projection's lease, and is refused while
 * another process holds it.
 */
export async function rebuildViews(
  dataDir: string,
  names: readonly string[],
  progress?: NodeJS.WritableStream,
  pendingMiB = loadRebuildPendingMiB(),
): Promise<RebuildResult[]> {
  const eventsFile = join(dataDir, 'events.sqlite');
  // Opening a missing file would create an empty store and "rebuild" every view to nothing.
  if (!existsSync(eventsFile)) throw new Error(`no event store at ${eventsFile} (set DATA_DIR)`);
  const events = new SqliteEventStore({ file: eventsFile });
  const store = new SqliteReadStore({ file: readModelsFile(dataDir), pageCacheMiB: REBUILD_PAGE_CACHE_MIB });
  try {
    const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };
    // Under the projections' leases: refused while a platform or projector runs them, instead of both writing.
    const runner = new ProjectionRunner(events, store, VIEW_PROJECTIONS, {
      logger: quiet,
      lease: { leases: projectionLeasesFor(store) },
      writeBehind: { bytes: pendingMiB * 2 ** 20 },
    });
    return await rebuildWithProgress(runner, names, { stream: progress });
  } finally {
    await store.close();
    await events.close();
  }
}
