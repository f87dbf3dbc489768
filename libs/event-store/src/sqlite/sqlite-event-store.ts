import type { Database as Db, Statement } from 'better-sqlite3';
import {
  AppendResult,
  ExpectedRevision,
  NewEvent,
  NO_REVISION,
  StoredEvent,
  StreamWrite,
} from '../event-envelope';
import {
  IdempotencyKeyReusedError,
  InvalidAppendError,
  PartialDuplicateError,
  UnsupportedCapabilityError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import { EMBEDDED_CAPABILITIES, EventStore, EventStoreCapabilities, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { IdempotencyLookup } from '../idempotency/idempotency-lookup.port';
import { DECIMAL_POSITION_TOKENS } from '../position-token';
import { ChainReport, GENESIS_HASH } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';
import { EventRowStatements } from './event-row-statements';
import { openDatabase } from './open-database';
import { applyEventStorePragmas, EVENT_COLUMN_LIST, EventColumns, EventRow, migrateEventStore, rowHash, storedFromColumns } from './sqlite-schema';

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
}

interface PendingWrite {
  readonly writes: readonly StreamWrite[];
  resolve(results: AppendResult[]): void;
  reject(error: unknown): void;
}

interface Tail {
  position: number;
  hash: string;
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
    revision: Statement<[string], { rev: number | null }>;
    tail: Statement<[], { position: number; hash: string }>;
    head: Statement<[], { head: number | null }>;
    byIdempotencyKey: Statement<[string], EventColumns>;
    stream: Statement<[string, number, number], EventColumns>;
  };
  private readonly rows: EventRowStatements;
  /** Read-all statements by their SQL, each as objects (rows byte for byte) or as column arrays (envelopes). */
  private readonly readAllCache = new Map<string, { rows: Statement<unknown[], EventRow>; columns: Statement<unknown[], EventColumns> }>();
  /** The last position of each type appended through this store since `watchedFrom` (see appendedSince). */
  private readonly typeHeads = new Map<string, number>();
  private watchedFrom: number;
  private readonly dataVersion: Statement<[], number>;
  private seenVersion: number;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.db = openDatabase(options.file, (db) => {
      applyEventStorePragmas(db);
      migrateEventStore(db);
    });
    this.capabilities = { ...EMBEDDED_CAPABILITIES, atomicMultiStream: options.atomicMultiStream ?? true, globalHashChain: options.globalHashChain ?? true };
    this.clock = options.clock ?? (() => new Date());
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.stmt = {
      revision: this.db.prepare('SELECT max(stream_revision) AS rev FROM events WHERE stream_id = ?'),
      tail: this.db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
      head: this.db.prepare('SELECT max(position) AS head FROM events'),
      byIdempotencyKey: this.db
        .prepare<[string], EventColumns>(`SELECT ${EVENT_COLUMN_LIST} FROM events WHERE idempotency_key = ? ORDER BY position`)
        .raw(),
      stream: this.db
        .prepare<[string, number, number], EventColumns>(
          `SELECT ${EVENT_COLUMN_LIST} FROM events WHERE stream_id = ? AND stream_revision >= ? AND position <= ? ORDER BY stream_revision`,
        )
        .raw(),
    };
    this.rows = new EventRowStatements(this.db);
    this.dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get()!;
    this.watchedFrom = this.stmt.head.get()?.head ?? 0;
  }

  /**
   * False when certainly no event of these types was stored after `after`, known without a query:
   * this store notes the types it appends, and SQLite's data_version tells whether another
   * connection wrote since (then, and for positions before what it has watched, the answer is true:
   * ask the store). Lets in-memory folds of rare events (users, the organization tree) skip their
   * read on every request while commands of other kinds are appended.
   */
  appendedSince(after: number, types: readonly string[]): boolean {
    const version = this.dataVersion.get()!;
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.typeHeads.clear();
      this.watchedFrom = this.stmt.head.get()?.head ?? 0;
      return true;
    }
    return after < this.watchedFrom || types.some((t) => (this.typeHeads.get(t) ?? 0) > after);
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.appendMany([{ streamId, events, expected }]).then((r) => r[0]);
  }

  /**
   * Writes queued in the same turn of the event loop commit in one transaction (group commit);
   * each keeps its own savepoint, so one write's conflict fails only that write.
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
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    type Outcome = { ok: true; results: AppendResult[]; written: Array<[string, number]> } | { ok: false; error: unknown };
    let outcomes: Outcome[];
    try {
      outcomes = this.db
        .transaction(() => {
          const recordedAt = this.clock().toISOString();
          let tail: Tail = this.stmt.tail.get() ?? { position: 0, hash: GENESIS_HASH };
          return batch.map((pending): Outcome => {
            try {
              const { results, newTail, written } = this.db.transaction(() => this.writeAll(pending.writes, tail, recordedAt))();
              tail = newTail;
              return { ok: true, results, written };
            } catch (error) {
              return { ok: false, error };
            }
          });
        })
        .immediate();
    } catch (error) {
      batch.forEach((p) => p.reject(error));
      return;
    }
    for (const o of outcomes) if (o.ok) for (const [type, position] of o.written) this.typeHeads.set(type, position);
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o.ok) p.resolve(o.results);
      else p.reject(o.error);
    });
    if (outcomes.some((o) => o.ok && o.results.some((r) => !r.deduplicated))) {
      this.listeners.forEach((l) => l());
    }
  }

  private writeAll(writes: readonly StreamWrite[], start: Tail, recordedAt: string) {
    let tail = start;
    const written: Array<[string, number]> = [];
    const results = writes.map((w) => {
      const r = this.writeStream(w, tail, recordedAt);
      tail = r.tail;
      if (!r.result.deduplicated) w.events.forEach((e, i) => written.push([e.type, r.result.positions[i]]));
      return r.result;
    });
    return { results, newTail: tail, written };
  }

  private writeStream(w: StreamWrite, start: Tail, recordedAt: string): { result: AppendResult; tail: Tail } {
    const byId = this.rows.byEventIds(w.events.map((e) => e.eventId));
    const stored = w.events.map((e) => byId.get(e.eventId));
    const found = stored.filter((r): r is EventRow => r !== undefined);
    const current = this.stmt.revision.get(w.streamId)?.rev ?? NO_REVISION;
    if (found.length > 0) {
      // Checked in the writing transaction: a racing command under the same key but with another body loses here.
      const reused = w.events.some((e, i) => stored[i] !== undefined && storedFingerprint(stored[i]) !== (e.commandFingerprint ?? null));
      if (reused) {
        throw new IdempotencyKeyReusedError(w.streamId);
      }
      if (found.length !== w.events.length || found.some((r) => r.stream_id !== w.streamId)) {
        throw new PartialDuplicateError(w.streamId, found.map((r) => r.event_id));
      }
      return {
        tail: start,
        result: {
          streamId: w.streamId,
          nextExpectedRevision: current,
          positions: found.map((r) => r.position),
          eventIds: found.map((r) => r.event_id),
          deduplicated: true,
        },
      };
    }
    checkExpected(w.streamId, w.expected, current);
    let tail = start;
    const rows = w.events.map((e, i): EventRow => {
      const unhashed: Omit<EventRow, 'hash'> = {
        position: tail.position + 1,
        event_id: e.eventId,
        stream_id: w.streamId,
        stream_revision: current + 1 + i,
        type: e.type,
        schema_version: e.schemaVersion ?? 1,
        data: JSON.stringify(e.data ?? null),
        metadata: JSON.stringify({
          actor: e.actor,
          correlationId: e.correlationId,
          causationId: e.causationId ?? null,
          ...(e.commandFingerprint ? { commandFingerprint: e.commandFingerprint } : {}),
        }),
        occurred_at: e.occurredAt,
        recorded_at: recordedAt,
        idempotency_key: e.idempotencyKey ?? null,
        prev_hash: tail.hash,
      };
      const row: EventRow = { ...unhashed, hash: rowHash(unhashed) };
      tail = { position: row.position, hash: row.hash };
      return row;
    });
    this.rows.insert(rows);
    return {
      tail,
      result: {
        streamId: w.streamId,
        nextExpectedRevision: current + w.events.length,
        positions: rows.map((r) => r.position),
        eventIds: w.events.map((e) => e.eventId),
        deduplicated: false,
      },
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const until = options.untilPosition ?? Number.MAX_SAFE_INTEGER;
    const rows = this.stmt.stream.all(streamId, options.fromRevision ?? 0, until);
    return rows.map((r) => storedFromColumns(r, this.upcasters));
  }

  async streamRevision(streamId: string): Promise<number> {
    return this.stmt.revision.get(streamId)?.rev ?? NO_REVISION;
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
    this.listeners.clear();
    this.db.close();
  }
}

function storedFingerprint(r: EventRow): string | null {
  return (JSON.parse(r.metadata) as { commandFingerprint?: string }).commandFingerprint ?? null;
}

export function checkExpected(streamId: string, expected: ExpectedRevision, current: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === NO_REVISION) ||
    (expected === 'stream_exists' && current > NO_REVISION) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current);
}

export function validateWrites(writes: readonly StreamWrite[]): void {
  if (writes.length === 0) throw new InvalidAppendError('nothing to append');
  const ids = new Set<string>();
  const streams = new Set<string>();
  for (const w of writes) {
    if (!w.streamId) throw new InvalidAppendError('stream id must not be empty');
    if (streams.has(w.streamId)) throw new InvalidAppendError(`stream ${w.streamId} appears twice in one write`);
    streams.add(w.streamId);
    if (w.events.length === 0) throw new InvalidAppendError(`stream ${w.streamId}: no events to append`);
    const e = w.expected;
    if (typeof e === 'number' && (!Number.isInteger(e) || e < NO_REVISION)) {
      throw new InvalidAppendError(`stream ${w.streamId}: expected revision must be an integer ≥ -1`);
    }
    for (const ev of w.events) {
      if (!ev.eventId) throw new InvalidAppendError('event id must not be empty');
      if (ids.has(ev.eventId)) throw new InvalidAppendError(`event id ${ev.eventId} appears twice in one append`);
      ids.add(ev.eventId);
      if (!ev.type) throw new InvalidAppendError('event type must not be empty');
      if (Number.isNaN(Date.parse(ev.occurredAt))) {
        throw new InvalidAppendError(`event ${ev.eventId}: occurredAt must be an ISO-8601 time`);
      }
    }
  }
}
