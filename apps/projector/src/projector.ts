import { collectAfterCatchUp } from '@platform/common';
import { EventStore, SqliteEventStore } from '@platform/event-store';
import {
  catchUpWithProgress,
  CatchUpResult,
  fillNewProjections,
  fillProgressBar,
  FeedConsumer,
  FeedLogger,
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
import { feedSource, ProjectorFeed } from './projector-feed';

export interface ProjectorOptions {
  readonly dataDir: string;
  readonly leaseMs: number;
  /** Events a history must hold for new projections to be filled in one pass (see fillNewProjections). */
  readonly fillFromEvents?: number;
  /** Live under a stream of appends, the wait after a batch before the next (see ProjectionRunnerOptions.settleMs; default 0). */
  readonly settleMs?: number;
  /** Its name in the leases (default host:pid:random). */
  readonly owner?: string;
  readonly logger: RunnerLogger;
  /** Where the catch-up bar goes (default stderr); false: none (a platform hosting it as a thread draws its own). */
  readonly progress?: NodeJS.WritableStream | false;
  /** The event store to read (EVENT_STORE, opened by the caller, closed at stop); default DATA_DIR's events.sqlite. */
  readonly events?: EventStore;
  /** The read store to write (READ_STORE); default DATA_DIR's read-models.sqlite. */
  readonly readStore?: ReadStore;
  /**
   * PROJECTION_SOURCE=kafka: the consumer of the relay's projection feed, read instead of the
   * event store (which still serves history below what the feed holds, and checks checkpoints).
   */
  readonly feed?: FeedConsumer;
  /** Where the feed's lines go, with each event's correlation id (pino's shape). */
  readonly feedLogger?: FeedLogger;
  /** Called after each committed batch (a platform hosting it wakes its waiting requests). */
  onCommitted?(projection: string, position: number): void;
  /** Where the fill of new projections stands (see fillNewProjections): the slowest's position, of the head it fills to. */
  onFilling?(position: number, head: number): void;
  /** The fill ended, its indexes built: the projections go live now (called only where a fill ran). */
  onFilled?(head: number): void;
}

export interface Projector {
  /** Who it is in the leases. */
  readonly owner: string;
  /** Resolves when the projections it could take caught up with the head as it was at start (with a bar while far behind), after a long catch-up once what it held is collected. */
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
  const events = options.events ?? new SqliteEventStore({ file: join(options.dataDir, 'events.sqlite') });
  const store = options.readStore ?? new SqliteReadStore({ file: readModelsFile(options.dataDir) });
  const feed: ProjectorFeed | null = options.feed ? feedSource(options.feed, events, store, VIEW_PROJECTIONS, options.feedLogger) : null;
  const runner = new ProjectionRunner(events, store, VIEW_PROJECTIONS, {
    logger: options.logger,
    lease: { leases: projectionLeasesFor(store), ttlMs: options.leaseMs, owner: options.owner },
    settleMs: options.settleMs,
    source: feed?.source,
    onCommitted: (name, position) => {
      feed?.committed(name, position);
      options.onCommitted?.(name, position);
    },
    onError: feed?.failed,
  });
  feed?.start(runner, options.leaseMs);
  // A projection that never stored anything, or an older version of which built its documents, is
  // filled in one pass before the runner goes live (not from a feed, which the live runner reads
  // from where the history ends).
  const stopping = new AbortController();
  const filled = feed ? Promise.resolve(0) : fillWithProgress(runner, events, store, options, stopping.signal);
  const started = filled.then(() => {
    if (!stopping.signal.aborted) runner.start();
  });
  return {
    owner: runner.owner,
    caughtUp: async () => {
      await started;
      // Only the projections it holds: the others are another projector's to catch up.
      const mine = (await runner.status()).projections.filter((p) => p.state !== 'standby').map((p) => p.name);
      const bar = options.progress === false ? { barFrom: Infinity } : { stream: options.progress };
      const result = await catchUpWithProgress(events, store, mine, bar);
      // V8 would keep a long catch-up's pages until its next full collection, which a projector
      // applying a few events at a time may not reach for hours.
      collectAfterCatchUp(Math.max(await filled, result.behind ?? 0));
      return result;
    },
    status: () => runner.status(),
    notify: () => runner.notify(),
    stop: async () => {
      stopping.abort(new Error('the projector is stopping'));
      await started;
      await runner.stop();
      await feed?.stop();
      await store.close();
      await events.close();
    },
  };
}

/**
 * The fill of new projections, with its bar where the projector draws one and its position told to
 * whoever hosts it; the events it went through (0 when none was filled).
 */
async function fillWithProgress(runner: ProjectionRunner, events: EventStore, store: ReadStore, options: ProjectorOptions, signal: AbortSignal): Promise<number> {
  const bar = options.progress === false ? null : fillProgressBar({ stream: options.progress });
  let head: number | null = null;
  try {
    await fillNewProjections(runner, events, store, {
      minEvents: options.fillFromEvents,
      logger: options.logger,
      signal,
      onProgress: (position, to) => {
        head = to;
        bar?.update(position, to);
        options.onFilling?.(position, to);
      },
    });
  } finally {
    bar?.stop();
    if (head !== null) options.onFilled?.(head);
  }
  return head ?? 0;
}
