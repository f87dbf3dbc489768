import type { EventStore, StoredEvent } from '@platform/event-store';
import { AsOf, AsOfResult, computeAsOf } from './as-of';
import { assertValidProjection, Projection } from './projection';
import { CommitGroup } from './commit-group';
import { KeptDocuments } from './kept-documents';
import { evolveInto, PendingDocuments } from './projection-batch';
import { checkpointDivergence, ProjectionDivergence } from './projection-divergence';
import { ProjectionLeaseKeeper, ProjectionLeaseOptions, projectorOwnerId, registerLiveOwner } from './leases/projection-lease-keeper';
import { ProjectionReport } from './leases/projection-leases.port';
import { ProjectionEventSource } from './sources/projection-event-source';
import { wakeableWait } from './wakeable-wait';
import { heldWith, mayKeepPending, mayKeepRebuilding, PendingOwn, pendingWeight } from './write-behind-bound';
import { BatchTooLargeError, CheckpointConflictError, ProjectionEventError } from './read-store.errors';
import { BatchHistory, DocumentWrite, ReadStore } from './read-store.port';

export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

const CATCH_UP_FACTOR = 10;
/**
 * The smallest live batch after which a projection settles (see settleMs): more events than one
 * command appends, so a user's write followed by another is not held back, only a stream of them.
 */
export const SETTLE_FROM_EVENTS = 8;
/**
 * Evolve's `find` scans the pending documents of the collection it searches unless the filter asks
 * a declared field for a value (see PendingDocuments.lookup): past this many, the documents of a
 * collection searched by scanning are stored (and searched in SQL) rather than kept, so a search
 * stays as cheap as in one batch.
 */
const SEARCHED_PENDING_MAX = CATCH_UP_FACTOR * 500;

/** Compatible with NestJS's Logger. */
export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

export interface RetryPolicy {
  /** First delay after a failure (default 250 ms), multiplied by `factor` (2) per consecutive failure, up to `maxMs` (30 s). */
  readonly initialMs?: number;
  readonly maxMs?: number;
  readonly factor?: number;
}

export interface ProjectionRunnerOptions {
  /** Events per batch, committed in one transaction (default 500). */
  readonly batchSize?: number;
  /** How often an idle projection looks for events appended by other processes (default 250 ms). */
  readonly pollMs?: number;
  /**
   * Live, after a batch of at least SETTLE_FROM_EVENTS events (a stream of appends, not one
   * command's), how long a projection waits before reading the next, so that the appends of that
   * time are applied and committed as one batch (default 0: at once). A lone append after a quiet
   * spell is applied at once; under a stream of them a read waiting for its own write waits at
   * most this much longer.
   */
  readonly settleMs?: number;
  /**
   * How often a live projection checks that its checkpoint still matches the event store (not
   * ahead of the head, same hash at the checkpoint); it is also checked on start (default 5 s).
   */
  readonly verifyMs?: number;
  readonly retry?: RetryPolicy;
  /**
   * While a projection is far behind (a first start, a rebuild), its changed documents stay in
   * memory across batches and are stored, with the checkpoint, once this many events were applied
   * or when it catches up, or when the runner's projections together hold this much JSON pending
   * (then those that gain least by keeping store first, see write-behind-bound.ts): a document many events change is stored once per flush instead of once per batch. A crash
   * loses only the work since the last flush (replayed from the checkpoint). Default 50,000 events
   * per projection, 64 MiB for the whole runner; `false` commits every batch. A rebuild, which
   * starts over after a crash, is bounded by the bytes alone, and writes its replaced versions
   * ahead of its commit once `versionsAheadBytes` of them are held (default 16 MiB; see
   * writeVersionsAhead).
   */
  readonly writeBehind?: { readonly events?: number; readonly bytes?: number; readonly versionsAheadBytes?: number } | false;
  /**
   * JSON text of its stored documents each live projection keeps in memory across batches, so the
   * documents it rereads are not looked up in the store again (see KeptDocuments). Default 4 MiB
   * per projection; 0 keeps none.
   */
  readonly keptBytes?: number;
  /**
   * Run a projection only while holding its lease, so several runners (processes) on one read
   * store share the projections instead of fighting over them. Without it, the runner assumes it
   * is alone (a CLI rebuild, a test).
   */
  readonly lease?: ProjectionLeaseOptions;
  /**
   * Where batches are read from (default: the event store): a feed such as the relay's Kafka
   * topic. The event store stays the authority: checkpoints are checked against it, and status
   * and read-your-writes measure lag against its head.
   */
  readonly source?: ProjectionEventSource;
  readonly logger?: RunnerLogger;
  readonly clock?: () => Date;
  /** Called after each committed batch. */
  onCommitted?(projection: string, position: number): void;
  /** Called when a projection's checkpoint is found not to match the event store, before its rebuild. */
  onDiverged?(projection: string, divergence: ProjectionDivergence): void;
  /** Called on each failure, after the status records it (e.g. to publish to an exception bus). */
  onError?(status: ProjectionStatus, error: unknown): void;
}

/**
 * `diverged`: its checkpoint did not match the event store's history; it is being rebuilt from the first event.
 * `standby`: another runner holds its lease; this one takes over when that lease lapses.
 */
export type ProjectionState = 'idle' | 'starting' | 'catching-up' | 'live' | 'rebuilding' | 'diverged' | 'failing' | 'stopped' | 'standby';

export interface ProjectionErrorInfo {
  readonly message: string;
  /** Position of the event that failed, or of the next event to apply when the failure is not an event's. */
  readonly position: number;
  readonly eventType: string | null;
  readonly eventId: string | null;
  readonly at: string;
}

/** The runner's own view of a projection: what its lease reports, with where the projection stands against the head. */
export interface ProjectionStatus extends ProjectionReport {
  readonly name: string;
  readonly version: number;
  readonly state: ProjectionState;
  /** Checkpoint: everything up to here is in the documents. */
  readonly position: number;
  readonly head: number;
  /** Events between the checkpoint and the head: head − position on dense positions; null where they cannot be counted so (KurrentDB) and it is behind. */
  readonly lag: number | null;
  readonly lastError: ProjectionErrorInfo | null;
}

export interface RunnerStatus {
  readonly head: number;
  /** False when any projection is failing, or diverged and not yet rebuilt. */
  readonly healthy: boolean;
  readonly projections: ProjectionStatus[];
}

export interface RebuildProgress {
  readonly name: string;
  readonly position: number;
  /** The head when the rebuild started: it ends there, then the live runner takes over. */
  readonly head: number;
  readonly events: number;
}

export interface RebuildOptions {
  onProgress?(progress: RebuildProgress): void;
  /** Ends the pass between batches (a process stopping): the rebuild fails with the abort's reason. */
  readonly signal?: AbortSignal;
}

export interface RebuildResult {
  readonly name: string;
  readonly position: number;
  readonly events: number;
  /** The whole rebuild's time (projections rebuilt together share it). */
  readonly durationMs: number;
  /** The part of it spent applying and storing this projection's events (not the shared reads). */
  readonly busyMs: number;
}

/** Event stores that announce their own commits (the SQLite one does); others are polled. */
interface AppendSignal {
  onAppended(listener: () => void): () => void;
}

const silentLog = () => undefined;
const defaultLogger: RunnerLogger = {
  log: silentLog,
  warn: (m) => console.warn(m),
  error: (m, stack) => console.error(stack ? `${m}\n${stack}` : m),
};

/**
 * Runs projections over the event store, each from its own checkpoint in the read store: read a
 * batch, evolve, commit documents and checkpoint together, repeat; when caught up, wait for the
 * store's commit signal or the poll interval. A projection that throws is reported in `status()`
 * and retried with exponential backoff from its checkpoint — forever, never silently stopping; the
 * events before the failing one in its batch are committed, so the status points at the culprit.
 */
export class ProjectionRunner {
  private readonly workers = new Map<string, ProjectionWorker>();
  /** The live projections' commits of one turn, stored together. */
  private readonly commits: CommitGroup;
  private readonly rebuilding = new Set<string>();
  private running = false;
  private unlisten: (() => void) | null = null;
  private unregisterOwner: (() => void) | null = null;
  /** Who this runner is in the leases it takes. */
  readonly owner: string;
  private readonly options: Required<Pick<ProjectionRunnerOptions, 'batchSize' | 'pollMs' | 'settleMs' | 'verifyMs' | 'keptBytes'>> & {
    retry: Required<RetryPolicy>;
    writeBehind: { events: number; bytes: number; versionsAheadBytes: number } | null;
    logger: RunnerLogger;
    clock: () => Date;
  };

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    projections: readonly Projection[] = [],
    private readonly hooks: ProjectionRunnerOptions = {},
  ) {
    this.options = {
      batchSize: hooks.batchSize ?? 500,
      pollMs: hooks.pollMs ?? 250,
      settleMs: hooks.settleMs ?? 0,
      verifyMs: hooks.verifyMs ?? 5_000,
      keptBytes: hooks.keptBytes ?? 4 * 2 ** 20,
      retry: { initialMs: 250, maxMs: 30_000, factor: 2, ...hooks.retry },
      writeBehind: hooks.writeBehind === false ? null : { events: 50_000, bytes: 64 * 2 ** 20, versionsAheadBytes: 16 * 2 ** 20, ...hooks.writeBehind },
      logger: hooks.logger ?? defaultLogger,
      clock: hooks.clock ?? (() => new Date()),
    };
    this.owner = hooks.lease?.owner ?? projectorOwnerId();
    this.commits = new CommitGroup(store);
    this.register(...projections);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Adds projections; started at once if the runner runs. Names and collections must be unique. */
  register(...projections: readonly Projection[]): void {
    for (const p of projections) {
      assertValidProjection(p);
      if (this.workers.has(p.name)) throw new Error(`projection ${p.name} is registered twice`);
      for (const w of this.workers.values()) {
        const shared = p.collections.find((c) => w.projection.collections.includes(c));
        if (shared) throw new Error(`collection ${shared} belongs to both ${w.projection.name} and ${p.name}`);
      }
      for (const [collection, fields] of Object.entries(p.indexes ?? {})) {
        const declared = this.store.ensureIndexes?.(collection, fields);
        if (declared instanceof Promise) declared.catch((e: unknown) => this.options.logger.error(`indexes of ${collection}: ${String(e)}`));
      }
      for (const [collection, fields] of Object.entries(p.textIndexes ?? {})) {
        const declared = this.store.ensureTextIndex?.(collection, fields);
        if (declared instanceof Promise) declared.catch((e: unknown) => this.options.logger.error(`text index of ${collection}: ${String(e)}`));
      }
      const keeper = this.hooks.lease ? new ProjectionLeaseKeeper(p.name, { ...this.hooks.lease, owner: this.owner }, this.options.logger) : null;
      const worker = new ProjectionWorker(p, this.events, this.hooks.source ?? this.events, this.store, this.options, this.hooks, keeper, (w) => this.pendingOf(w), this.commits);
      this.workers.set(p.name, worker);
      if (this.running) worker.start();
    }
  }

  /** JSON held in memory, not yet stored, by all of its projections (bounded by writeBehind.bytes). */
  pendingBytes(): number {
    return this.pendingOf().reduce((sum, p) => sum + p.bytes, 0);
  }

  /** What each of its projections holds pending, but `except`. */
  private pendingOf(except?: ProjectionWorker): PendingOwn[] {
    const held: PendingOwn[] = [];
    for (const w of this.workers.values()) if (w !== except) held.push(w.pendingOwn);
    return held;
  }

  projections(): Projection[] {
    return [...this.workers.values()].map((w) => w.projection);
  }

  projection(name: string): Projection {
    return this.worker(name).projection;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unregisterOwner = registerLiveOwner(this.owner);
    const source = this.hooks.source ?? this.events;
    const signal = source as Partial<AppendSignal>;
    if (typeof signal.onAppended === 'function') this.unlisten = signal.onAppended.call(source, () => this.notify());
    for (const w of this.workers.values()) w.start();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unlisten?.();
    this.unlisten = null;
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.unregisterOwner?.();
    this.unregisterOwner = null;
  }

  /** Wakes idle projections: call it when events were appended by a path that does not signal. */
  notify(): void {
    for (const w of this.workers.values()) w.wake();
  }

  async status(): Promise<RunnerStatus> {
    const head = await this.events.headPosition();
    const projections = await Promise.all([...this.workers.values()].map((w) => w.status(head)));
    const healthy = projections.every((p) => !p.retrying && !(p.divergence && p.divergence.rebuiltAt === null));
    return { head, healthy, projections };
  }

  /** Resolves once the named (default: all) projections have applied everything up to `position`. */
  async waitFor(position: number, options: { names?: readonly string[]; timeoutMs?: number } = {}): Promise<void> {
    const workers = (options.names ?? [...this.workers.keys()]).map((n) => this.worker(n));
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (const w of workers) {
      while (w.position < position) {
        if (!w.isActive) throw new Error(`projection ${w.projection.name} is not running`);
        // Its documents are being rebuilt from nothing: waiting would only delay a stale answer.
        if (w.isDiverged) throw new Error(`projection ${w.projection.name} diverged from the event store and is being rebuilt`);
        const left = deadline - Date.now();
        if (left <= 0) {
          const s = await w.status(position);
          throw new Error(
            `projection ${s.name} did not reach position ${position} in time (at ${s.position}` +
              `${s.lastError ? `, last error: ${s.lastError.message}` : ''})`,
          );
        }
        await w.untilCommit(Math.min(left, 200));
      }
    }
  }

  /** Resolves once the projections have applied everything stored when it is called. */
  async caughtUp(options: { names?: readonly string[]; timeoutMs?: number } = {}): Promise<void> {
    await this.waitFor(await this.events.headPosition(), options);
  }

  /**
   * Drops the projection's documents and checkpoint and replays it from position 0 up to the head
   * as it was at the start; then, if the runner runs, the live loop takes over from there. Queries
   * see the documents fill up again while it runs.
   */
  async rebuild(name: string, options: RebuildOptions = {}): Promise<RebuildResult> {
    const [result] = await this.rebuildAll([name], options);
    return result;
  }

  /**
   * Rebuilds the named projections together (see rebuild): one pass over the events, each batch
   * read once for all of them and handed to each one with its own event types, instead of a pass
   * per projection. One that fails is left as its failure left it and the others go on; the first
   * failure is thrown at the end.
   */
  async rebuildAll(names: readonly string[], options: RebuildOptions = {}): Promise<RebuildResult[]> {
    const workers = [...new Set(names)].map((n) => this.worker(n));
    const busy = workers.filter((w) => this.rebuilding.has(w.projection.name)).map((w) => w.projection.name);
    if (busy.length > 0) throw new Error(`projection ${busy.join(', ')} is already being rebuilt`);
    for (const w of workers) this.rebuilding.add(w.projection.name);
    const started = Date.now();
    // Alive while it rebuilds, even when not running: other runners in this process must not take it for a dead predecessor's.
    const unregister = this.running ? null : registerLiveOwner(this.owner);
    try {
      // The leases stay held: no other runner may take a projection while its documents are rebuilt.
      for (const w of workers) await w.stop({ release: false });
      try {
        const replayed = await this.replay(workers, options);
        const indexing = new Map<string, number>();
        for (const w of workers) {
          const t0 = performance.now();
          await w.endRebuild();
          indexing.set(w.projection.name, performance.now() - t0);
        }
        return replayed.map((r) => ({ ...r, busyMs: r.busyMs + (indexing.get(r.name) ?? 0), durationMs: Date.now() - started }));
      } catch (error) {
        // Whatever was built: the indexes left for the end are built over it — once the projection
        // runs live, when the rebuild was stopped (see endRebuild).
        const stopped = options.signal?.aborted === true;
        for (const w of workers) await w.endRebuild({ stopped }).catch((e: unknown) => this.options.logger.error(`projection ${w.projection.name}: ${String(e)}`));
        throw error;
      }
    } finally {
      for (const w of workers) {
        this.rebuilding.delete(w.projection.name);
        if (this.running) w.start();
        else await w.stop();
      }
      unregister?.();
    }
  }

  /** The shared pass of rebuildAll. */
  private async replay(workers: readonly ProjectionWorker[], options: RebuildOptions): Promise<Array<Omit<RebuildResult, 'durationMs'>>> {
    const feed = this.hooks.source ?? this.events;
    const failures: unknown[] = [];
    const active = new Set<ProjectionWorker>();
    for (const w of workers) {
      try {
        await w.beginRebuild();
        active.add(w);
      } catch (error) {
        failures.push(error);
      }
    }
    const head = await feed.headPosition();
    const counts = new Map<ProjectionWorker, { events: number; busyMs: number }>(workers.map((w) => [w, { events: 0, busyMs: 0 }]));
    const progress = (w: ProjectionWorker) => options.onProgress?.({ name: w.projection.name, position: w.appliedUpTo, head, events: counts.get(w)!.events });
    active.forEach(progress);
    const timed = async (w: ProjectionWorker, work: () => Promise<number>): Promise<void> => {
      const t0 = performance.now();
      try {
        const n = await work();
        const c = counts.get(w)!;
        c.events += Math.max(0, n);
        c.busyMs += performance.now() - t0;
        progress(w);
      } catch (error) {
        w.failRebuild(error);
        active.delete(w);
        failures.push(error);
      }
    };
    const types = readTypes([...active].map((w) => w.projection.handles));
    // One batch at a time, not the catch-up's ten: write-behind already stores each document once per
    // flush, and a batch every projection goes through before the next is read kept its envelopes
    // alive past young collections, copied and promoted (a rebuild of every view over 20,000 events:
    // 290-330 ms of GC pauses reading 500 at a time, 360-410 ms reading 5,000).
    const limit = this.options.batchSize;
    let from = 0;
    while (from < head && active.size > 0) {
      options.signal?.throwIfAborted();
      const batch = await feed.readAll({ after: from, until: head, types, limit });
      const to = batch.length === limit ? batch[batch.length - 1].position : head;
      const hash = await hashAt(feed, to, batch);
      for (const w of [...active]) {
        // One whose store refused a large commit fell back to its checkpoint: it catches up on its own below.
        if (w.appliedUpTo === from) await timed(w, () => w.applyShared(batch, to, hash, head));
      }
      from = to;
      await turnOfTheEventLoop();
    }
    for (const w of [...active]) {
      while (active.has(w) && w.appliedUpTo < head) {
        options.signal?.throwIfAborted();
        await timed(w, () => w.stepTo(head));
        await turnOfTheEventLoop();
      }
    }
    const results = [...active].map((w) => {
      w.finishRebuild(head, counts.get(w)!.events);
      return { name: w.projection.name, position: w.position, ...counts.get(w)! };
    });
    if (failures.length > 0) throw failures[0];
    return results;
  }

  /**
   * Takes the named projections' leases ahead of their rebuild, all of them or none: refused when
   * another runner holds any of them, naming each such projection, with the ones taken given up
   * again. rebuildAll alone takes each lease as it begins that projection, and goes on with the
   * others when one is refused; a command that rebuilds several views asks for them all first, so
   * that a refusal leaves every view as it was. Held for their lifetime (ProjectionLeaseOptions),
   * which the rebuild then renews.
   */
  async holdLeases(names: readonly string[]): Promise<void> {
    const workers = [...new Set(names)].map((n) => this.worker(n));
    const taken: ProjectionWorker[] = [];
    const refused: string[] = [];
    for (const w of workers) {
      if (await w.holdLease()) taken.push(w);
      else refused.push(w.projection.name);
    }
    if (refused.length === 0) return;
    for (const w of taken) await w.releaseLease();
    throw runByAnother(refused);
  }

  /** Gives up the leases holdLeases took, for a rebuild that is not going to happen after all. */
  async releaseLeases(names: readonly string[]): Promise<void> {
    for (const n of new Set(names)) await this.worker(n).releaseLease();
  }

  /** The projection's documents as of a past position or time, in a throw-away in-memory store. */
  asOf(name: string, at: AsOf): Promise<AsOfResult> {
    return computeAsOf(this.events, this.worker(name).projection, at, { batchSize: this.options.batchSize });
  }

  private worker(name: string): ProjectionWorker {
    const w = this.workers.get(name);
    if (!w) throw new Error(`no projection named ${name}`);
    return w;
  }
}

/** A rebuild refused: the projections another runner holds. */
function runByAnother(names: readonly string[]): Error {
  const many = names.length > 1;
  return new Error(`projection ${names.join(', ')} ${many ? 'are' : 'is'} run by another projector: rebuild ${many ? 'them' : 'it'} there, or stop that one first`);
}

interface Sleeper {
  readonly onSignal: boolean;
  resolve(): void;
}

/** Documents applied but not yet stored, and the event they are up to. */
interface PendingCommit {
  readonly docs: PendingDocuments;
  readonly position: number;
  readonly hash: string | null;
  readonly batches: number;
}

class ProjectionWorker {
  /** The stored checkpoint: everything up to here is in the read store. */
  position = 0;
  /** Applied beyond the checkpoint, in memory, while far behind (see ProjectionRunnerOptions.writeBehind). */
  private pending: PendingCommit | null = null;
  private writeBehind: { events: number; bytes: number; versionsAheadBytes: number } | null;
  /**
   * Reset by a rebuild and nothing stored since: its collections are empty in the store (only it
   * writes them), so evolve's reads of documents not pending need not ask the store.
   */
  private emptySinceReset = false;
  private divergence: ProjectionDivergence | null = null;
  private lastVerified = 0;
  private head = 0;
  private state: ProjectionState = 'idle';
  private initialized = false;
  private running = false;
  private loop: Promise<void> | null = null;
  private signalled = true;
  private sleeper: Sleeper | null = null;
  private limit: number;
  private lastError: ProjectionErrorInfo | null = null;
  private errorCount = 0;
  private consecutiveErrors = 0;
  private nextRetryAt: string | null = null;
  private lastCommitAt: string | null = null;
  private readonly commitWaiters = new Set<() => void>();
  private readonly handled: ReadonlySet<string>;
  /** Its stored documents as the live loop committed or read them; emptied whenever the checkpoint is read again. */
  private readonly kept: KeptDocuments;

  constructor(
    readonly projection: Projection,
    private readonly events: EventStore,
    /** What batches are read from: the event store, or a feed of it. */
    private readonly feed: ProjectionEventSource,
    private readonly store: ReadStore,
    private readonly options: ProjectionRunner['options'],
    private readonly hooks: ProjectionRunnerOptions,
    private readonly lease: ProjectionLeaseKeeper | null = null,
    private readonly othersPending: (of: ProjectionWorker) => readonly PendingOwn[] = () => [],
    private readonly commits: CommitGroup = new CommitGroup(store),
  ) {
    this.limit = options.batchSize;
    this.writeBehind = options.writeBehind;
    this.handled = new Set(projection.handles);
    this.kept = new KeptDocuments(options.keptBytes);
  }

  /** What it holds pending and what its events wrote into it (see mayKeepRebuilding). */
  get pendingOwn(): PendingOwn {
    return { bytes: this.pending?.docs.bytes ?? 0, written: this.pending?.docs.written ?? 0 };
  }

  /** Whether its pending documents may stay pending under the runner-wide bound (see write-behind-bound.ts). */
  private mayKeep(bound: number): boolean {
    const own = this.pendingOwn;
    const others = this.othersPending(this);
    if (this.state === 'rebuilding') return mayKeepRebuilding(own, others, bound);
    return mayKeepPending(pendingWeight(own.bytes, own.written), heldWith(own, others), bound);
  }

  /** Where the next batch starts: the checkpoint, or beyond it what is applied in memory. */
  private get applied(): number {
    return this.pending?.position ?? this.position;
  }

  get isActive(): boolean {
    return this.running || this.state === 'rebuilding';
  }

  get isDiverged(): boolean {
    return this.divergence !== null && this.divergence.rebuiltAt === null;
  }

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.state = 'starting';
    this.loop = this.run();
  }

  async stop(options: { release?: boolean } = {}): Promise<void> {
    this.running = false;
    this.sleeper?.resolve();
    await this.loop;
    this.loop = null;
    // What was applied in memory is stored now, rather than applied again by the next start.
    await this.flush().catch((e: unknown) => this.options.logger.warn(`projection ${this.projection.name}: storing its pending documents: ${String(e)}`));
    // Stopped, it no longer holds its lease: another runner may write its documents meanwhile.
    this.kept.clear();
    if (this.state !== 'idle') this.state = 'stopped';
    if (options.release === false) return;
    // Given up at once, so another projector need not wait for it to expire.
    await this.lease?.release().catch((e: unknown) => this.options.logger.warn(`projection ${this.projection.name}: releasing its lease: ${String(e)}`));
  }

  /** Takes or renews its lease (true without leases): see ProjectionRunner.holdLeases. */
  async holdLease(): Promise<boolean> {
    return !this.lease || this.lease.hold(this.report());
  }

  async releaseLease(): Promise<void> {
    await this.lease?.release();
  }

  wake(): void {
    this.signalled = true;
    if (this.sleeper?.onSignal) this.sleeper.resolve();
  }

  untilCommit(timeoutMs: number): Promise<void> {
    return wakeableWait(this.commitWaiters, timeoutMs);
  }

  async status(head: number): Promise<ProjectionStatus> {
    this.head = Math.max(this.head, head);
    let position = this.position;
    if (!this.initialized && this.state !== 'rebuilding') {
      position = (await this.store.checkpoint(this.projection.name).catch(() => null))?.position ?? 0;
    }
    const { state, ...report } = this.report();
    // In the order /health has always shown them: who, where against the head, then the report.
    return { name: this.projection.name, version: this.projection.version, state, position, head: this.head, lag: this.lagAt(position), ...report };
  }

  private lagAt(position: number): number | null {
    if (position >= this.head) return 0;
    return this.events.capabilities.densePositions ? this.head - position : null;
  }

  /** Where the next event to apply is: the checkpoint, or beyond it what is applied in memory. */
  get appliedUpTo(): number {
    return this.applied;
  }

  /** The start of a rebuild: its documents and checkpoint dropped, under its lease. */
  async beginRebuild(): Promise<void> {
    this.state = 'rebuilding';
    this.initialized = false;
    try {
      await this.holdForRebuild();
      // From nothing: the collections' indexes are built once, at the end (endRebuild).
      const { name, collections, indexedAtEnd = [] } = this.projection;
      if (this.store.resetForBulkLoad) await this.store.resetForBulkLoad(name, collections, { indexedAtEnd });
      else await this.store.reset(name, collections);
      this.position = 0;
      this.pending = null;
      this.kept.clear();
      this.emptySinceReset = true;
      this.initialized = true;
    } catch (error) {
      this.failRebuild(error);
      throw error;
    }
  }

  /** A batch read for the projections rebuilt together: this one's events of it, up to `toPosition` (whose event has `hash`). */
  async applyShared(batch: readonly StoredEvent[], toPosition: number, hash: string | null, head: number): Promise<number> {
    await this.holdForRebuild();
    this.head = head;
    const handles = this.handled;
    const mine = batch.filter((e) => handles.has(e.type));
    return this.apply(mine, toPosition, head, async () => hash);
  }

  /** One batch of its own towards `until` (a rebuild's projection that fell behind the shared pass). */
  async stepTo(until: number): Promise<number> {
    await this.holdForRebuild();
    return this.step(until);
  }

  finishRebuild(head: number, events: number): void {
    this.recovered();
    if (this.isDiverged) this.rebuiltAfterDivergence();
    this.options.logger.log(`projection ${this.projection.name} rebuilt up to position ${head} (${events} events)`);
  }

  failRebuild(error: unknown): void {
    this.initialized = false;
    this.emptySinceReset = false;
    this.fail(error);
  }

  /**
   * After a rebuild, done or not: the indexes left for the end are built. A stopped one (its
   * process stopping) ends as a killed one does: the indexes are left to be built when the
   * projection next runs live, in this process or the next (see init), and what it held pending is
   * dropped, not stored on the way out. Built on the way out, the indexes of a first start's fill
   * stopped part way through the scale-1 city kept the projector thread past the 10 s it is given
   * to stop; stored, up to the write-behind bound of pending documents kept the platform's stop
   * waiting, and gave the projection a checkpoint, so the next start caught it up live where it
   * would fill it again in one pass.
   */
  async endRebuild(options: { readonly stopped?: boolean } = {}): Promise<void> {
    this.state = 'stopped';
    if (options.stopped) {
      // Live, it starts over from the stored checkpoint (init), which builds the indexes first.
      this.initialized = false;
      this.pending = null;
    } else await this.store.finishBulkLoad?.(this.projection.collections);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (this.lease && !(await this.lease.hold(this.report()))) {
          this.state = 'standby';
          // Whoever holds it now moves the checkpoint: re-read it when the lease comes back.
          this.initialized = false;
          await this.sleep(this.lease.standbyMs(), false);
          continue;
        }
        if (!this.initialized) await this.init();
        this.signalled = false;
        const applied = await this.step(Number.MAX_SAFE_INTEGER);
        this.recovered();
        if (this.divergence) this.trackRebuild(applied);
        if (applied < 0) {
          if (this.position > this.head || Date.now() - this.lastVerified >= this.options.verifyMs) await this.verify();
          if (!this.initialized || this.isDiverged) continue;
          this.state = 'live';
          // Reported before the wait: /health in every process reads the state from the lease, and a
          // projection with nothing to apply at start showed 'starting' until the wait ended.
          if (this.lease) await this.lease.hold(this.report());
          await this.sleep(this.options.pollMs, true);
        } else {
          this.state = this.isDiverged ? 'diverged' : this.position < this.head ? 'catching-up' : 'live';
          if (this.state === 'live' && applied >= SETTLE_FROM_EVENTS && this.options.settleMs > 0) await this.sleep(this.options.settleMs, false);
          else await turnOfTheEventLoop();
        }
      } catch (error) {
        // Re-read the checkpoint before the next attempt: the store is the authority.
        this.initialized = false;
        if (error instanceof CheckpointConflictError) {
          // Not a failure: another runner moved the checkpoint, so it owns the projection now (or a rebuild reset it).
          this.options.logger.warn(`projection ${this.projection.name}: ${error.message}: someone else owns it, re-reading its checkpoint and lease`);
          this.lease?.recheck();
          await this.sleep(this.options.pollMs, false);
          continue;
        }
        const delay = this.fail(error);
        await this.backoff(delay);
      }
    }
  }

  /** Waits out a retry delay, renewing the lease meanwhile (with the failure in its report) so the projection stays ours. */
  private async backoff(delay: number): Promise<void> {
    if (!this.lease) return this.sleep(delay, false);
    const until = Date.now() + delay;
    do {
      await this.lease.hold(this.report()).catch(() => false);
      await this.sleep(Math.min(Math.max(0, until - Date.now()), this.lease.renewEveryMs()), false);
    } while (this.running && Date.now() < until);
  }

  /** A rebuild runs only under the projection's lease (renewed as it goes), so no other runner applies batches meanwhile. */
  private async holdForRebuild(): Promise<void> {
    if (this.lease && !(await this.lease.hold(this.report()))) {
      throw runByAnother([this.projection.name]);
    }
  }

  /** What the lease carries for /health in every process. */
  private report(): ProjectionReport & Pick<ProjectionStatus, 'state' | 'lastError'> {
    return {
      state: this.state,
      lastError: this.lastError,
      errorCount: this.errorCount,
      consecutiveErrors: this.consecutiveErrors,
      retrying: this.consecutiveErrors > 0,
      nextRetryAt: this.nextRetryAt,
      lastCommitAt: this.lastCommitAt,
      divergence: this.divergence,
    };
  }

  private async init(): Promise<void> {
    const p = this.projection;
    // What a rebuild stopped or killed before its end left for it (it holds the lease: no rebuild of it runs elsewhere).
    await this.store.finishBulkLoad?.(p.collections);
    // The store is the authority: whatever was applied in memory is dropped and applied again from its checkpoint.
    this.pending = null;
    this.kept.clear();
    this.emptySinceReset = false;
    const checkpoint = await this.store.checkpoint(p.name);
    if (checkpoint && checkpoint.version !== p.version) {
      this.options.logger.warn(
        `projection ${p.name}: documents were built by version ${checkpoint.version}, now ${p.version}: rebuilding`,
      );
      await this.store.reset(p.name, p.collections);
      this.position = 0;
    } else {
      this.position = checkpoint?.position ?? 0;
      if (await this.diverges(this.position, checkpoint?.hash ?? null)) return;
    }
    this.limit = this.options.batchSize;
    this.initialized = true;
  }

  /**
   * The periodic check of a live projection: its stored checkpoint against the event store. The
   * store's checkpoint is the authority (another process may have moved it).
   */
  private async verify(): Promise<void> {
    this.lastVerified = Date.now();
    const checkpoint = await this.store.checkpoint(this.projection.name);
    if (checkpoint && checkpoint.position !== this.position) {
      this.initialized = false;
      return;
    }
    await this.diverges(checkpoint?.position ?? 0, checkpoint?.hash ?? null);
  }

  /**
   * When the checkpoint does not match the event store, says so loudly, drops the documents and
   * starts the rebuild from the first event (the run loop carries it out); true then.
   */
  private async diverges(position: number, hash: string | null): Promise<boolean> {
    this.lastVerified = Date.now();
    const found = await checkpointDivergence(this.events, position, hash);
    if (!found) return false;
    const p = this.projection;
    const detectedAt = this.options.clock().toISOString();
    this.options.logger.error(
      `PROJECTION DIVERGED: ${p.name}: ${found.reason} (the event store was restored or lost its tail?). ` +
        `Its documents no longer match the events: rebuilding it from the first event; its views answer stale until done.`,
    );
    await this.store.reset(p.name, p.collections);
    this.pending = null;
    this.kept.clear();
    this.divergence = {
      reason: found.reason,
      detectedAt,
      checkpoint: position,
      checkpointHash: hash,
      head: found.head,
      rebuild: { position: 0, target: found.head, events: 0 },
      rebuiltAt: null,
    };
    this.state = 'diverged';
    this.position = 0;
    this.limit = this.options.batchSize;
    this.initialized = true;
    this.hooks.onDiverged?.(p.name, this.divergence);
    return true;
  }

  /** Progress of the rebuild after a divergence, and its end once the target is reached. */
  private trackRebuild(applied: number): void {
    const d = this.divergence;
    if (!d || d.rebuiltAt !== null) return;
    const events = d.rebuild.events + Math.max(0, applied);
    this.divergence = { ...d, rebuild: { ...d.rebuild, position: Math.min(this.position, d.rebuild.target), events } };
    if (this.position >= d.rebuild.target) this.rebuiltAfterDivergence();
  }

  private rebuiltAfterDivergence(): void {
    const d = this.divergence;
    if (!d) return;
    this.divergence = { ...d, rebuild: { ...d.rebuild, position: d.rebuild.target }, rebuiltAt: this.options.clock().toISOString() };
    this.options.logger.log(`projection ${this.projection.name} rebuilt after its divergence, up to position ${d.rebuild.target}`);
  }

  /**
   * Applies the next batch up to `until` (capped at the head). Returns the number of events
   * applied, or -1 when there was nothing to do. The checkpoint moves to the head once every
   * matching event below it is applied, so a projection reading few event types shows no lag.
   * While more remain, the batch's documents may stay pending in memory (write-behind); they are
   * committed with the checkpoint when a bound is reached or the target is.
   */
  private async step(until: number): Promise<number> {
    const p = this.projection;
    this.head = await this.feed.headPosition();
    const target = Math.min(until, this.head);
    const from = this.applied;
    if (from >= target) {
      if (!this.pending) return -1;
      await this.flush();
      return 0;
    }
    // Far behind (a first start, a rebuild), larger batches let each document be read and written
    // once per batch instead of once per few events; live, batches stay small and commit promptly.
    const catchUp = this.limit === this.options.batchSize && target - from > CATCH_UP_FACTOR * this.limit;
    const limit = catchUp ? CATCH_UP_FACTOR * this.limit : this.limit;
    const batch: StoredEvent[] = await this.feed.readAll({ after: from, until: target, types: p.handles, limit });
    const toPosition = batch.length === limit ? batch[batch.length - 1].position : target;
    return this.apply(batch, toPosition, target, () => hashAt(this.feed, toPosition, batch));
  }

  /**
   * Applies a batch (the projection's events from its applied position up to `toPosition`) and
   * keeps the documents pending or stores them (see step). Returns the events applied; 0 when the
   * store refused the commit as too large and the batch is to be read again, smaller.
   */
  private async apply(batch: readonly StoredEvent[], toPosition: number, target: number, hash: () => Promise<string | null>): Promise<number> {
    const p = this.projection;
    const docs = this.pending?.docs ?? new PendingDocuments(p);
    const batches = (this.pending?.batches ?? 0) + 1;
    const evolved = await evolveInto(docs, batch, this.emptySinceReset ? NOTHING_STORED : this.store, this.keeps ? this.kept : undefined);
    if (evolved.error) {
      // The events before the culprit are stored, so the status points at it.
      if (evolved.applied > 0) {
        const last = batch[evolved.applied - 1];
        this.pending = { docs, position: last.position, hash: last.hash, batches };
      }
      await this.flush();
      throw evolved.error;
    }
    this.pending = { docs, position: toPosition, hash: await hash(), batches };
    const bound = this.writeBehind;
    if (bound !== null && toPosition < target) await this.writeVersionsAhead(docs, bound.versionsAheadBytes);
    const keep =
      bound !== null &&
      toPosition < target &&
      // The events' bound limits what a crash makes a start replay; a rebuild starts over anyway, so
      // only memory bounds what it keeps (see writeVersionsAhead).
      (docs.events < bound.events || this.state === 'rebuilding') &&
      this.mayKeep(bound.bytes) &&
      docs.searchedPending() <= SEARCHED_PENDING_MAX;
    if (keep) return batch.length;
    try {
      await this.flush();
    } catch (error) {
      if (error instanceof BatchTooLargeError && batches > 1) {
        // The store refuses what was kept over several batches: from now on each batch is committed on its own.
        this.writeBehind = null;
        return 0;
      }
      if (error instanceof BatchTooLargeError && batch.length > 1) {
        this.limit = Math.max(1, Math.floor(batch.length / 2));
        return 0;
      }
      throw error;
    }
    this.limit = this.options.batchSize;
    return batch.length;
  }

  /**
   * A rebuild writes the versions its documents' later images replaced ahead of its commit, once
   * enough of them are held: so only its documents' latest images count against the write-behind
   * bound, and it commits when they fill it or at the end. Kept until the commit (as live), its
   * versions — every image of a problem or tally — filled the bound every 33,000-46,000 events of
   * the ledger at every city scale, and each commit rewrote every document those events touched:
   * more of them, in larger B-trees, the larger the city (commit CPU per event grew 2.7 times from
   * scale 0.5 to 2).
   */
  private async writeVersionsAhead(docs: PendingDocuments, atBytes: number): Promise<void> {
    if (!this.writesAhead || docs.newVersionBytes < atBytes) return;
    await this.store.writeVersionsAhead!({ projection: this.projection.name, collections: docs.versioned, versions: docs.takeReplaced(!this.emptySinceReset) });
  }

  /** Rebuilding on a store that takes versions ahead of the commit. */
  private get writesAhead(): boolean {
    return this.state === 'rebuilding' && this.store.writeVersionsAhead !== undefined && (this.projection.versioned?.length ?? 0) > 0;
  }

  /**
   * Stores the pending documents with the checkpoint they are up to. They are taken out first: if
   * the commit fails, the next step starts again from the stored checkpoint.
   */
  private async flush(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    await this.commit(pending.docs.writes(), pending.position, pending.hash, pending.docs.history());
    if (this.keeps) this.keep(pending.docs);
  }

  /** Applying events as they come (or catching up to them), not rebuilding. */
  private get live(): boolean {
    return this.state !== 'rebuilding';
  }

  /**
   * Live, its stored documents are kept across batches; not in a rebuild, whose documents stay
   * pending across its batches anyway and would only fill the memory.
   */
  private get keeps(): boolean {
    return this.live && this.options.keptBytes > 0;
  }

  /**
   * The documents just committed, as stored now: those evolve read and those it wrote in the
   * collections it looks documents up in (not, say, the audit trail's entries, each written once
   * and never read again).
   */
  private keep(docs: PendingDocuments): void {
    for (const [collection, read] of docs.read) {
      for (const [id, body] of read) this.kept.set(collection, id, body);
      for (const [id, doc] of docs.overlay.get(collection) ?? []) this.kept.set(collection, id, docs.text(doc));
    }
  }

  private async commit(writes: DocumentWrite[], toPosition: number, toHash: string | null, history?: BatchHistory): Promise<void> {
    const p = this.projection;
    const batch = {
      projection: p.name,
      version: p.version,
      fromPosition: this.position,
      toPosition,
      toHash,
      writes,
      ...(history ? { history } : {}),
      ...(p.writtenOnce?.length ? { writtenOnce: p.writtenOnce } : {}),
    };
    // Live, with the batches of the other projections woken by the same append; a rebuild's on its own.
    await (this.live ? this.commits.commit(batch) : this.store.commit(batch));
    this.emptySinceReset = false;
    this.position = toPosition;
    this.lastCommitAt = this.options.clock().toISOString();
    // Past the event that failed: recovered before anyone waiting on this commit looks at the status.
    if (this.lastError && toPosition >= this.lastError.position && this.consecutiveErrors > 0) {
      this.recovered();
      if (this.state === 'failing') this.state = toPosition < this.head ? 'catching-up' : 'live';
    }
    this.hooks.onCommitted?.(p.name, toPosition);
    for (const w of [...this.commitWaiters]) w();
  }

  private recovered(): void {
    if (this.consecutiveErrors === 0) return;
    this.options.logger.log(`projection ${this.projection.name} recovered at position ${this.position}`);
    this.consecutiveErrors = 0;
    this.nextRetryAt = null;
  }

  /** Records the failure in the status and returns the backoff delay before the next attempt. */
  private fail(error: unknown): number {
    const { initialMs, maxMs, factor } = this.options.retry;
    this.errorCount++;
    this.consecutiveErrors++;
    const delay = Math.min(maxMs, initialMs * factor ** (this.consecutiveErrors - 1));
    const now = this.options.clock();
    const eventError = error instanceof ProjectionEventError ? error : null;
    this.lastError = {
      message: error instanceof Error ? error.message : String(error),
      position: eventError?.position ?? this.position + 1,
      eventType: eventError?.eventType ?? null,
      eventId: eventError?.eventId ?? null,
      at: now.toISOString(),
    };
    this.nextRetryAt = new Date(now.getTime() + delay).toISOString();
    if (this.state !== 'rebuilding') this.state = 'failing';
    const cause = eventError?.cause ?? error;
    this.options.logger.error(
      `projection ${this.projection.name} failed (${this.consecutiveErrors} in a row), retrying in ${delay} ms: ${this.lastError.message}`,
      cause instanceof Error ? cause.stack : undefined,
    );
    if (this.hooks.onError) {
      void this.status(this.head).then((s) => this.hooks.onError?.(s, error), () => undefined);
    }
    return delay;
  }

  /** Waits `ms`; an append signal cuts an idle wait short (not a backoff), stop() cuts both. */
  private sleep(ms: number, onSignal: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (onSignal && this.signalled) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => sleeper.resolve(), ms);
      const sleeper: Sleeper = {
        onSignal,
        resolve: () => {
          clearTimeout(timer);
          if (this.sleeper === sleeper) this.sleeper = null;
          resolve();
        },
      };
      this.sleeper = sleeper;
    });
  }
}

/**
 * What a projection's collections hold between a rebuild's reset and its first commit: nothing.
 * Its documents then are all pending, and a read of any other finds none without a query (in the
 * bench's 20,000-event rebuild of every view, about 100 ms of lookups that all came back empty).
 */
const NOTHING_STORED: Pick<ReadStore, 'get' | 'find'> = {
  get: async () => null,
  find: async () => [],
};

/**
 * Between two batches. A batch is synchronous work behind already-settled promises: without a turn
 * of the event loop between batches, a long catch-up (a first start on a large history) kept every
 * HTTP request, /health included, waiting until it ended, and a rebuild or a first start's fill
 * heard no stop until it ended (the projector thread's stop message, at two thirds of the scale-1
 * city's fill, was still unread when the platform ended the thread 10 s later).
 */
function turnOfTheEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * The event types a shared pass reads: every type one of the projections handles, or none (every
 * event) when one projection handles all of them — the audit trail, in a rebuild of every view —
 * so every row read by type would be read anyway, and a type filter only makes SQLite read through
 * the type index and sort by position (20,000 events read in 350-500 ms by type, 220-250 ms by
 * position). Each projection is handed only its own types either way.
 */
function readTypes(handles: ReadonlyArray<readonly string[]>): string[] | undefined {
  const all = [...new Set(handles.flat())];
  return handles.some((h) => h.length === all.length) ? undefined : all;
}

/** The hash of the event at `position`: from the batch when it is there, else read (a projection skips other types). */
async function hashAt(feed: ProjectionEventSource, position: number, batch: readonly StoredEvent[]): Promise<string | null> {
  const last = batch[batch.length - 1];
  if (last?.position === position) return last.hash;
  const [event] = await feed.readAll({ after: position - 1, until: position, limit: 1 });
  return event?.hash ?? null;
}
