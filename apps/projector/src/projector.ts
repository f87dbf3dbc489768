import { SqliteEventStore } from '@platform/event-store';
import {
  catchUpWithProgress,
  CatchUpResult,
  projectionLeasesFor,
  ProjectionRunner,
  readModelsFile,
  ReadStore,
  RunnerLogger,
  RunnerStatus,
  SqliteReadStore,
} from '@platform/read-models';
import { VIEW_PROJECTIONS } from '@platform/views';
import { join } from 'node:path';

export interface ProjectorOptions {
  readonly dataDir: string;
  readonly leaseMs: number;
  /** Its name in the leases (default host:pid:random). */
  readonly owner?: string;
  readonly logger: RunnerLogger;
  /** Where the catch-up bar goes (default stderr). */
  readonly progress?: NodeJS.WritableStream;
  /** The read store to write (READ_STORE); default DATA_DIR's read-models.sqlite. */
  readonly readStore?: ReadStore;
  /** Called after each committed batch (a platform hosting it wakes its waiting requests). */
  onCommitted?(projection: string, position: number): void;
}

export interface Projector {
  /** Who it is in the leases. */
  readonly owner: string;
  /** Resolves when the projections it could take caught up with the head as it was at start (with a bar while far behind). */
  caughtUp(): Promise<CatchUpResult>;
  /** The projections as this projector runs them (lag, state; standby where another holds the lease). */
  status(): Promise<RunnerStatus>;
  /** Events were appended by another process or thread: idle projections look now instead of at their next poll. */
  notify(): void;
  stop(): Promise<void>;
}

/**
 * The view projections over DATA_DIR's event store, written into its read store: each one only
 * while this projector holds its lease, so any number of projectors (and platforms running them
 * in-process) share the work without two ever running one projection.
 */
export function startProjector(options: ProjectorOptions): Projector {
  const events = new SqliteEventStore({ file: join(options.dataDir, 'events.sqlite') });
  const store = options.readStore ?? new SqliteReadStore({ file: readModelsFile(options.dataDir) });
  const runner = new ProjectionRunner(events, store, VIEW_PROJECTIONS, {
    logger: options.logger,
    lease: { leases: projectionLeasesFor(store), ttlMs: options.leaseMs, owner: options.owner },
    onCommitted: options.onCommitted,
  });
  runner.start();
  return {
    owner: runner.owner,
    caughtUp: async () => {
      // Only the projections it holds: the others are another projector's to catch up.
      const mine = (await runner.status()).projections.filter((p) => p.state !== 'standby').map((p) => p.name);
      return catchUpWithProgress(events, store, mine, { stream: options.progress });
    },
    status: () => runner.status(),
    notify: () => runner.notify(),
    stop: async () => {
      await runner.stop();
      await store.close();
      await events.close();
    },
  };
}
