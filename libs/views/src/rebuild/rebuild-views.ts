import { SqliteEventStore } from '@platform/event-store';
import { projectionLeasesFor, ProjectionRunner, readModelsFile, rebuildWithProgress, RebuildResult, SqliteReadStore } from '@platform/read-models';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { VIEW_PROJECTIONS } from '../view-projections';

const REBUILD_PAGE_CACHE_MIB = 256;

/**
 * Rebuilds the named view projections (all when none are named) from position 0 on the data
 * directory's embedded stores, together in one pass over the events, with a progress bar per projection. Run it with the application
 * (or projector) that runs them stopped: it takes each projection's lease, and is refused while
 * another process holds it.
 */
export async function rebuildViews(dataDir: string, names: readonly string[], progress?: NodeJS.WritableStream): Promise<RebuildResult[]> {
  const eventsFile = join(dataDir, 'events.sqlite');
  // Opening a missing file would create an empty store and "rebuild" every view to nothing.
  if (!existsSync(eventsFile)) throw new Error(`no event store at ${eventsFile} (set DATA_DIR)`);
  const events = new SqliteEventStore({ file: eventsFile });
  // A batch job of its own: a page cache the size of a rebuild's commits instead of the default 16 MB.
  const store = new SqliteReadStore({ file: readModelsFile(dataDir), pageCacheMiB: REBUILD_PAGE_CACHE_MIB });
  try {
    const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };
    // Under the projections' leases: refused while a platform or projector runs them, instead of both writing.
    const runner = new ProjectionRunner(events, store, VIEW_PROJECTIONS, { logger: quiet, lease: { leases: projectionLeasesFor(store) } });
    return await rebuildWithProgress(runner, names, { stream: progress });
  } finally {
    await store.close();
    await events.close();
  }
}
