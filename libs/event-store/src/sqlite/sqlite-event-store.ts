import type { Database as Db, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { AppendResult, ExpectedRevision, NewEvent, StoredEvent, StreamWrite } from '../event-envelope';
import { UnsupportedCapabilityError, WrongExpectedRevisionError } from '../event-store.errors';
import { validateWrites } from '../append-checks';
import { EMBEDDED_CAPABILITIES, EventStore, EventStoreCapabilities, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { IdempotencyLookup } from '../idempotency/idempotency-lookup.port';
import { DECIMAL_POSITION_TOKENS } from '../position-token';
import { ChainReport, GENESIS_HASH } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';
import { EventRowStatements } from './event-row-statements';
import { openDatabase } from './open-database';
import { OtherWriters } from './other-writers';
import { WriteOutcome } from './group-commit';
import { GroupWriter } from './group-writer';
import { WalCheckpointer } from './wal-checkpointer';
import { WriterThread } from './writer-thread';
import { applyEventStorePragmas, ChainRow, EVENT_COLUMN_LIST, EventColumns, EventRow, migrateEventStore, rowHash, storedFromColumns } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ':memory:'. */
  readonly file: string;
  readonly clock?: () => Date;
  readonly upcasters?: UpcasterRegistry;
  /**
   * False: behave as a store without atomic multi-stream appends (a clustered one), refusing
   * appendMany over several streams, so that what must run there is proven here.
   */
  readonly atomicMultiStream?: boolean;
  /**
   * False: promise no global chain, as a clustered store, so that the platform's checks step aside
   * for the global notary as they do there (the rows still carry the chain; nothing relies on it).
   */
  readonly globalHashChain?: boolean;
  /**
   * 'inline' (default here): group commits run on this connection, on the caller's event loop, as
   * tools and tests that append from one loop use it. 'thread': on a writer thread with its own
   * connection (see WriterThread), so the transactions and their fsyncs do not hold this loop.
   * 'thread' is the servers' default (see openEventStore and EVENT_STORE_WRITER). 'auto': on the writer thread,
   * except while appends come one at a time (a lone append after a lone one, the thread having
   * nothing in flight), which commit here — a single client's write then waits for no hand-over
   * between threads, and nothing else was waiting for the loop meanwhile; once appends queue up,
   * they go to the thread as with 'thread'.
   */
  readonly writer?: 'inline' | 'thread' | 'auto';
}

/** How many streams' last revisions are kept (the most recently written). */
const STREAM_HEADS_KEPT = 50_000;

interface PendingWrite {
  readonly writes: readonly StreamWrite[];
  resolve(results: AppendResult[]): void;
  reject(error: unknown): void;
}

/** The embedded store answers the idempotency lookup too: the key is a column beside each event. */
export class SqliteEventStore implements EventStore, IdempotencyLookup {
  readonly capabilities: EventStoreCapabilities;
  readonly positions = DECIMAL_POSITION_TOKENS;
  readonly db: Db;
  private readonly clock: () => Date;
  private readonly upcasters: UpcasterRegistry;
  private readonly listeners = new Set<() => void>();
  private queue: PendingWrite[] = [];
  private flushScheduled = false;
  private closed = false;
  private appendGate: ((writes: readonly StreamWrite[]) => Error | null) | null = null;
  private readonly stmt: {
    head: Statement<[], { head: number | null }>;
    byIdempotencyKey: Statement<[string], EventColumns>;
    stream: Statement<[string, number, number], EventColumns>;
    chainRows: Statement<[number, number], ChainRow>;
  };
  private readonly rows: EventRowStatements;
  /** The group commits: on this connection, on the writer thread's, or each where it is cheaper ('auto'). */
  private readonly groupWriter: GroupWriter | null;
  private readonly writerThread: WriterThread | null;
  /** With the writer thread: the write-ahead log copied into the file off the writer's commits. */
  private readonly checkpointer: WalCheckpointer | null;
  /** The groups sent to the writer thread and not answered yet (it commits those that queue up together). */
  private readonly inFlight = new Set<Promise<void>>();
  /** How many appends the last group held ('auto' commits on this connection while they come one at a time). */
  private lastGroupSize = 0;
  /** Read-all statements by their SQL, each as objects (rows byte for byte) or as column arrays (envelopes). */
  private readonly readAllCache = new Map<string, { rows: Statement<unknown[], EventRow>; columns: Statement<unknown[], EventColumns> }>();
  /** The last position of each type appended through this store since `watchedFrom` (see appendedSince). */
  private readonly typeHeads = new Map<string, number>();
  /** Each stream's last revision as appended through this store since `watchedFrom`, the most recently written kept (see lastRevisionKnown). */
  private readonly streamHeads = new LRUCache<string, number>({ max: STREAM_HEADS_KEPT });
  private watchedFrom: number;
  /** With the writer thread: the position up to which every event's type is known here (the head when watched from, or this store's last group). */
  private knownHead: number;
  private readonly otherWriters: OtherWriters;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.db = openDatabase(options.file, (db) => {
      applyEventStorePragmas(db);
      migrateEventStore(db);
    });
    this.capabilities = { ...EMBEDDED_CAPABILITIES, atomicMultiStream: options.atomicMultiStream ?? true, globalHashChain: options.globalHashChain ?? true };
    this.clock = options.clock ?? (() => new Date());
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.stmt = {
      head: this.db.prepare('SELECT max(position) AS head FROM events'),
      byIdempotencyKey: this.db
        .prepare<[string], EventColumns>(`SELECT ${EVENT_COLUMN_LIST} FROM events WHERE idempotency_key = ? ORDER BY position`)
        .raw(),
      stream: this.db
        .prepare<[string, number, number], EventColumns>(
          `SELECT ${EVENT_COLUMN_LIST} FROM events WHERE stream_id = ? AND stream_revision >= ? AND position <= ? ORDER BY stream_revision`,
        )
        .raw(),
      chainRows: this.db.prepare('SELECT position, event_id, stream_id, stream_revision, hash, prev_hash FROM events WHERE position > ? ORDER BY position LIMIT ?'),
    };
    this.rows = new EventRowStatements(this.db);
    const onThread = (options.writer === 'thread' || options.writer === 'auto') && options.file !== ':memory:';
    this.groupWriter = onThread && options.writer === 'thread' ? null : new GroupWriter(this.db);
    this.writerThread = onThread ? new WriterThread(options.file) : null;
    this.checkpointer = onThread ? new WalCheckpointer(options.file) : null;
    this.otherWriters = new OtherWriters(this.db);
    this.watchedFrom = this.knownHead = this.stmt.head.get()?.head ?? 0;
  }

  /**
   * False when certainly no event of these types was stored after `after`, known without a query:
   * this store notes the types it appends, and SQLite's data_version tells whether another
   * connection wrote since (see OtherWriters; then, and for positions before what it has watched,
   * the answer is true: ask the store). Lets in-memory folds of rare events (users, the
   * organization tree) skip their read on every request while commands of other kinds are appended.
   */
  appendedSince(after: number, types: readonly string[]): boolean {
    if (this.otherWroteSince()) {
      this.forgetWatched();
      return true;
    }
    return after < this.watchedFrom || types.some((t) => (this.typeHeads.get(t) ?? 0) > after);
  }

  /**
   * The stream's last revision when known without a query: this store appended to it last, and no
   * other connection wrote since (as for appendedSince); otherwise null (ask the store). Lets a
   * command on a stream this process just wrote decide on its kept state without reading it again.
   */
  lastRevisionKnown(streamId: string): number | null {
    if (this.otherWroteSince()) {
      this.forgetWatched();
      return null;
    }
    return this.streamHeads.peek(streamId) ?? null;
  }

  /**
   * Whether another connection may have appended since this was last asked. While groups are in
   * flight on the writer thread, the data_version moves with the thread's own commits, and telling
   * them apart from another writer's is left to the groups' answers, which check by position (see
   * ownCommitSeen): otherwise every commit of the thread would forget what is watched under load.
   * Another writer's append meanwhile is found at the next answer; a command deciding on a state it
   * missed fails its revision check at the append and reads again.
   */
  private otherWroteSince(): boolean {
    return this.otherWriters.wroteSince() && this.inFlight.size === 0;
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.appendMany([{ streamId, events, expected }]).then((r) => r[0]);
  }

  /**
   * Writes queued in the same turn of the event loop commit in one transaction (group commit);
   * each is checked on its own against the history and the writes before it in the group (see
   * GroupCommit), so one write's conflict fails only that write.
   */
  appendMany(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    if (!this.capabilities.atomicMultiStream && new Set(writes.map((w) => w.streamId)).size > 1) {
      return Promise.reject(new UnsupportedCapabilityError('atomicMultiStream', 'this store writes one stream per append'));
    }
    const refused = this.appendGate?.(writes);
    if (refused) return Promise.reject(refused);
    try {
      validateWrites(writes);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult[]>((resolve, reject) => {
      this.queue.push({ writes, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const writes = batch.map((p) => p.writes);
    const recordedAt = this.clock().toISOString();
    // 'auto': only a trickle of lone appends commits here — under load a lone one between groups would hold the loop for its fsync.
    const trickle = batch.length === 1 && this.lastGroupSize === 1 && this.inFlight.size === 0;
    this.lastGroupSize = batch.length;
    const here = this.groupWriter && (!this.writerThread || trickle) ? this.groupWriter : null;
    if (!here) {
      const sent = this.commitOnThread(this.writerThread!, batch, writes, recordedAt).finally(() => this.inFlight.delete(sent));
      this.inFlight.add(sent);
      return;
    }
    let outcomes: WriteOutcome[];
    let watched = true;
    try {
      if (this.writerThread) {
        // Beside the thread, this commit is watched for other writers as the thread's are.
        const [written] = here.writeGroups([{ batch: writes, recordedAt }]);
        outcomes = written.outcomes;
        watched = !outcomes.some((o) => o.ok && o.rows.length > 0) || this.ownCommitSeen(outcomes, written.startedAfter);
      } else outcomes = here.write(writes, recordedAt);
    } catch (error) {
      batch.forEach((p) => p.reject(error));
      return;
    }
    this.settle(batch, outcomes, watched);
  }

  private async commitOnThread(thread: WriterThread, batch: PendingWrite[], writes: ReadonlyArray<readonly StreamWrite[]>, recordedAt: string): Promise<void> {
    try {
      const { outcomes, startedAfter } = await thread.write(writes, recordedAt);
      this.checkpointer?.appendedEvents(outcomes.reduce((n, o) => n + (o.ok ? o.rows.length : 0), 0));
      const watched = !outcomes.some((o) => o.ok && o.rows.length > 0) || this.ownCommitSeen(outcomes, startedAfter);
      this.settle(batch, outcomes, watched);
    } catch (error) {
      batch.forEach((p) => p.reject(error));
    }
  }

  /**
   * The writer thread's commit moved this connection's data_version as any other connection's
   * would: it is taken as seen, and what others wrote is found by position instead — before the
   * group (the thread found a tail past the head this store knows every type up to) or since (the
   * head lies past the last group's last row; a commit after the data_version was read moves it
   * again). While later groups are in flight the head is theirs too: their answers come in order,
   * and the last one looks. False when another writer was found (what was watched is forgotten).
   */
  private ownCommitSeen(outcomes: readonly WriteOutcome[], startedAfter: number): boolean {
    this.otherWriters.takeAsSeen();
    let end = 0;
    for (const o of outcomes) if (o.ok) for (const row of o.rows) end = Math.max(end, row.position);
    const lastInFlight = this.inFlight.size <= 1;
    if (startedAfter !== this.knownHead || (lastInFlight && (this.stmt.head.get()?.head ?? 0) > end)) {
      this.forgetWatched();
      return false;
    }
    this.knownHead = end;
    return true;
  }

  /** `watched`: no other writer was found around this commit, so its streams' revisions are the last ones. */
  private settle(batch: readonly PendingWrite[], outcomes: readonly WriteOutcome[], watched = true): void {
    for (const o of outcomes) if (o.ok) for (const row of o.rows) this.typeHeads.set(row.type, row.position);
    for (const o of outcomes) {
      if (o.ok && watched) for (const r of o.results) if (!r.deduplicated) this.noteStreamHead(r.streamId, r.nextExpectedRevision);
      // A conflict: another write got there first, and its revision is found by reading.
      if (!o.ok && o.error instanceof WrongExpectedRevisionError) this.streamHeads.delete(o.error.streamId);
    }
    this.otherWriters.wrote();
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o.ok) p.resolve(o.results);
      else p.reject(o.error);
    });
    if (outcomes.some((o) => o.ok && o.rows.length > 0)) {
      this.listeners.forEach((l) => l());
    }
  }

  private noteStreamHead(streamId: string, revision: number): void {
    this.streamHeads.set(streamId, revision);
  }

  /** Another connection wrote: which types and streams it appended is not known until watched again from the head. */
  private forgetWatched(): void {
    this.typeHeads.clear();
    this.streamHeads.clear();
    this.watchedFrom = this.knownHead = this.stmt.head.get()?.head ?? 0;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const until = options.untilPosition ?? Number.MAX_SAFE_INTEGER;
    const rows = this.stmt.stream.all(streamId, options.fromRevision ?? 0, until);
    return rows.map((r) => storedFromColumns(r, this.upcasters));
  }

  async streamRevision(streamId: string): Promise<number> {
    return this.rows.revision(streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const { statements, params } = this.readAllStatements(options);
    return statements.columns.all(...params).map((r) => storedFromColumns(r, this.upcasters));
  }

  /** Rows as stored, without upcasting: for callers that must see history byte for byte. */
  readAllRows(options: ReadAllOptions = {}): EventRow[] {
    const { statements, params } = this.readAllStatements(options);
    return statements.rows.all(...params);
  }

  /**
   * Where each event stands in the chain, without its data and metadata: the notary reads every
   * event appended, on the thread that answers requests, and links them by these alone.
   */
  readChainRows(after: number, limit: number): ChainRow[] {
    return this.stmt.chainRows.all(after, limit);
  }

  private readAllStatements(options: ReadAllOptions) {
    const where = ['position > ?'];
    const params: unknown[] = [options.after ?? 0];
    if (options.until !== undefined) {
      where.push('position <= ?');
      params.push(options.until);
    }
    if (options.types && options.types.length > 0) {
      where.push(`type IN (${options.types.map(() => '?').join(',')})`);
      params.push(...options.types);
    }
    if (options.streamPrefix) {
      where.push('stream_id >= ? AND stream_id < ?');
      params.push(options.streamPrefix, options.streamPrefix + '\uffff');
    }
    const sql = `SELECT ${EVENT_COLUMN_LIST} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`;
    params.push(options.limit ?? 1000);
    let statements = this.readAllCache.get(sql);
    if (!statements) {
      statements = { rows: this.db.prepare<unknown[], EventRow>(sql), columns: this.db.prepare<unknown[], EventColumns>(sql).raw() };
      this.readAllCache.set(sql, statements);
    }
    return { statements, params };
  }

  async headPosition(): Promise<number> {
    return this.stmt.head.get()?.head ?? 0;
  }

  /** Dense positions: the count is the difference. */
  async countEvents(after: number, until: number): Promise<number> {
    return Math.max(0, until - after);
  }

  async findByIdempotencyKey(key: string): Promise<StoredEvent[]> {
    return this.stmt.byIdempotencyKey.all(key).map((r) => storedFromColumns(r, this.upcasters));
  }

  /** A check every append passes first; the error it returns refuses the write (e.g. while the chain is broken). */
  setAppendGate(gate: ((writes: readonly StreamWrite[]) => Error | null) | null): void {
    this.appendGate = gate;
  }

  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async verifyChain(options: { until?: number } = {}): Promise<ChainReport> {
    const rows = this.db
      .prepare<[number], EventRow>('SELECT * FROM events WHERE position <= ? ORDER BY position')
      .iterate(options.until ?? Number.MAX_SAFE_INTEGER);
    let prev = GENESIS_HASH;
    let expectedPosition = 1;
    let checked = 0;
    const broken = (position: number, reason: string): ChainReport => ({
      ok: false,
      checked,
      headPosition: position,
      firstBrokenPosition: position,
      reason,
    });
    for (const r of rows) {
      if (r.position !== expectedPosition) return broken(expectedPosition, `position ${expectedPosition} is missing`);
      if (r.prev_hash !== prev) return broken(r.position, 'previous hash does not match the chain');
      if (rowHash(r) !== r.hash) return broken(r.position, 'stored content does not match its hash');
      prev = r.hash;
      expectedPosition++;
      checked++;
    }
    return { ok: true, checked, headPosition: expectedPosition - 1, firstBrokenPosition: null, reason: null };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.writerThread?.close();
    await this.checkpointer?.close();
    this.listeners.clear();
    this.otherWriters.close();
    this.db.close();
  }
}

