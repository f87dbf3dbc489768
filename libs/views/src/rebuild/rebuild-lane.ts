import { SqliteEventStore } from '@platform/event-store';
import { projectionLeasesFor, ProjectionRunner, readModelsFile, SqliteReadStore } from '@platform/read-models';
import { join } from 'node:path';
import { VIEW_PROJECTIONS } from '../view-projections';

/**
 * A batch job of its own: a page cache above the default 16 MB for the commits it makes. Larger
 * helped while it committed mid-way often (256 MiB); with the larger pending bound it made no
 * difference, only memory (132.5 s against 131.5 s at twice the city, 1.33 against 1.50 GiB).
 */
const REBUILD_PAGE_CACHE_MIB = 64;

/**
 * How long a lane's write waits for the other's: the ledger's last commit at twice the demo city
 * took 9.8 s, and the audit trail's indexes built at its end hold the lock about as long.
 */
const LANE_BUSY_WAIT_MS = 10 * 60_000;

/** The data directory's event store, as a rebuild reads it. */
export function rebuildEvents(dataDir: string): SqliteEventStore {
  return new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
}

/** One thread's share of a rebuild: its own connections to the data directory's stores and its own runner. */
export interface RebuildLane {
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

/**
 * Opens a lane (on `events` when the caller opened them already; the lane closes them). Its runner
 * declares every view's indexes as it is made, as a start does, so a lane must be open before any
 * lane's rebuild begins: made after, it would build again the indexes a rebuild under way dropped
 * to build at its end.
 */
export function openRebuildLane(dataDir: string, pendingMiB: number, events = rebuildEvents(dataDir)): RebuildLane {
  const store = new SqliteReadStore({ file: readModelsFile(dataDir), pageCacheMiB: REBUILD_PAGE_CACHE_MIB, busyWaitMs: LANE_BUSY_WAIT_MS });
  const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };
  // Under the projections' leases: refused while a platform or projector runs them, instead of both writing.
  const runner = new ProjectionRunner(events, store, VIEW_PROJECTIONS, {
    logger: quiet,
    lease: { leases: projectionLeasesFor(store) },
    writeBehind: { bytes: pendingMiB * 2 ** 20 },
  });
  return {
    runner,
    async close() {
      await store.close();
      await events.close();
    },
  };
}
