import { LRUCache } from 'lru-cache';
import type { Database as Db, Statement } from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '@platform/event-store';
import { Query } from 'mingo';
import { assertCollectionName, normalizeWrite, stableSort } from '../memory/documents';
import { CheckpointConflictError } from '../read-store.errors';
import {
  AnyDocument,
  Checkpoint,
  CountOptions,
  CommitBatch,
  DocumentWrite,
  FieldShape,
  Filter,
  FindOptions,
  ReadDocument,
  ReadStore,
  VersionsAhead,
} from '../read-store.port';
import { DocumentVersions } from './sqlite-versions';
import { ArrayLookupChoice, FIELD_PATH, jsonExtract, planArrayCount, planFilter, planSort } from './sqlite-query-plan';
import { byRows, placeholders } from './sql-rows';
import { StatementCache } from './statement-cache';

export interface SqliteReadStoreOptions {
  /** Path of the database file (a file of its own, not the event store's), or ':memory:'. */
  readonly file: string;
  readonly clock?: () => Date;
  /**
   * NORMAL by default, unlike the event store. WAL keeps each commit atomic, so a power loss can
   * only drop the last batches — documents and checkpoint together — and the runner replays them
   * from the event store, which is FULL and so never behind the read store. The benchmark's rebuild
   * profile spent more than half its time in commits under FULL (an fsync per batch).
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** Up to how many documents a versioned collection is read whole at a past moment (see DocumentVersions). */
  readonly readWholeAsOfUpTo?: number;
  /**
   * SQLite's page cache for this connection, in MiB (better-sqlite3's build sets 16,000 KiB). A
   * whole-history rebuild works over far more pages than that: the ledger's rebuild of the scale-1
   * city took 175 s (111 s of CPU) with the default and 97 s (96 s of CPU) with 256 MiB.
   */
  readonly pageCacheMiB?: number;
  /**
   * How long a write waits for another connection's (default the event store's BUSY_WAIT_MS). A
   * rebuild whose lanes share the file waits longer: one lane's commit or index build at the end
   * holds the lock for seconds at city scale.
   */
  readonly busyWaitMs?: number;
}

interface CheckpointRow {
  projection: string;
  position: number;
  version: number;
  hash: string | null;
  updated_at: string;
}

/** The file beside the event store's in the data directory. */
export function readModelsFile(dataDir: string): string {
  return join(dataDir, 'read-models.sqlite');
}

/**
 * Embedded read store: documents as JSON rows in SQLite, queried in MongoDB's query language.
 *
 * Queries: the parts of a filter SQLite can evaluate over the JSON (equality, $in and ranges on
 * fields, using the expression indexes projections declare, and the elements of declared arrays
 * kept in array_values) select the rows; mingo then checks the
 * whole filter on each row, unless the SQL was exact. Sorting, paging and counting happen in SQL
 * whenever the filter and sort allow it, so a page of a city-sized collection reads only that page.
 * Nothing is cached in memory: every read sees what is committed, whichever connection wrote it.
 *
 * Atomicity: a batch's document writes and its checkpoint commit in one SQLite transaction (BEGIN
 * IMMEDIATE, WAL), after checking that the stored checkpoint is still the one the
 * batch was computed from. A crash before COMMIT leaves neither; after it, both. So a restart never
 * re-applies a batch: documents always reflect exactly the events up to the checkpoint.
 */
export class SqliteReadStore implements ReadStore {
  readonly db: Db;
  private readonly fields = new Map<string, Map<string, FieldShape>>();
  /**
   * The declared fields as queries compare them: with each field of a compound index a scalar too
   * (only scalars are indexed together), compared in SQL exactly, indexed on its own or not.
   */
  private readonly shapes = new Map<string, Map<string, FieldShape>>();
  private readonly statements: StatementCache<{ id: string; body: string }>;
  /** Per list of a collection's array fields: the statement text of arraysAsStored, built once. */
  private readonly sameArraysSql = new Map<string, string>();
  /** Per collection: the indexes declared for it, and how much it was written since they were analyzed. */
  private readonly indexes = new Map<string, TrackedIndexes>();
  /**
   * Per declared array field's index (from the planner's statistics): its entries, and entries per
   * value; read again once the schema moved on (statistics another connection took, see
   * analyzeCollection).
   */
  private arrayStats: { schema: number; figures: Map<string, { entries: number; perValue: number }>; choices: LRUCache<string, boolean> } | null = null;
  /**
   * The statistics tables as ensureIndexes last read them: read once for the declarations of every
   * collection at a start, and again only after this store took or dropped statistics.
   */
  private storedStats: { analyzed: StatRow[]; sampled: Set<string> } | null = null;
  /** Collections a rebuild refills from nothing: their indexes are built once, at its end (see beginBulkLoad). */
  private readonly bulk = new Set<string>();
  /**
   * Collections a rebuild is refilling (beginBulkLoad to finishBulkLoad): their statistics are taken
   * when a search needs them (see plannedFor) and at its end, instead of after each of its commits
   * that changed them enough.
   */
  private readonly refilling = new Set<string>();
  private readonly clock: () => Date;
  private readonly versions: DocumentVersions;
  private closed = false;
  private readonly stmt: {
    get: Statement<[string, string], { body: string }>;
    upsert: Statement<[string, string, string, number]>;
    upsertMany: Statement<unknown[]>;
    delete: Statement<[string, string]>;
    deleteCollection: Statement<[string]>;
    checkpoint: Statement<[string], CheckpointRow>;
    checkpoints: Statement<[], CheckpointRow>;
    saveCheckpoint: Statement<[string, number, number, string | null, string]>;
    deleteCheckpoint: Statement<[string]>;
    arrayFields: Statement<[string], string>;
    declareArrayField: Statement<[string, string]>;
    backfillArrayField: Statement<[string, string, string]>;
    deleteArrayValues: Statement<[string, string]>;
    insertArrayValues: Statement<[string, string, string, string, string]>;
    deleteCollectionArrayValues: Statement<[string]>;
    undeclareArrayFields: Statement<[string]>;
    anyDocument: Statement<[string]>;
    markLoading: Statement<[string]>;
    markedLoading: Statement<[string]>;
    unmarkLoading: Statement<[string]>;
    countDocuments: Statement<[string], { n: number }>;
    indexExists: Statement<[string]>;
    documentIndexes: Statement<[], { name: string; sql: string }>;
    schemaVersion: Statement<[], number>;
  };

  constructor(options: SqliteReadStoreOptions) {
    let versions: DocumentVersions | undefined;
    // The versions' tables are schema too: made while opening, with its longer wait for another process's write.
    this.db = openDatabase(options.file, (db) => {
      migrateReadStore(db, options.synchronous ?? 'NORMAL');
      versions = new DocumentVersions(db, options.readWholeAsOfUpTo);
    }, { busyWaitMs: options.busyWaitMs });
    this.versions = versions!;
    this.statements = new StatementCache(this.db);
    if (options.pageCacheMiB) this.db.pragma(`cache_size = -${Math.round(options.pageCacheMiB * 1024)}`);
    this.clock = options.clock ?? (() => new Date());
    this.stmt = {
      get: this.db.prepare('SELECT body FROM documents WHERE collection = ? AND id = ?'),
      upsert: this.db.prepare(upsertOf(1)),
      upsertMany: this.db.prepare(upsertOf(UPSERT_ROWS)),
      delete: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      deleteCollection: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
      checkpoint: this.db.prepare('SELECT * FROM projection_checkpoints WHERE projection = ?'),
      checkpoints: this.db.prepare('SELECT * FROM projection_checkpoints ORDER BY projection'),
      saveCheckpoint: this.db.prepare(
        `INSERT INTO projection_checkpoints (projection, position, version, hash, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(projection) DO UPDATE SET position = excluded.position, version = excluded.version,
           hash = excluded.hash, updated_at = excluded.updated_at`,
      ),
      deleteCheckpoint: this.db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?'),
      arrayFields: this.db.prepare<[string], string>('SELECT field FROM array_fields WHERE collection = ?').pluck(),
      declareArrayField: this.db.prepare('INSERT OR IGNORE INTO array_fields (collection, field) VALUES (?, ?)'),
      // Only strings and numbers: booleans come out of json_each as 1/0, and the planner sends them to json_each instead.
      backfillArrayField: this.db.prepare(
        `INSERT OR IGNORE INTO array_values (collection, field, value, id)
         SELECT d.collection, ?, e.value, d.id FROM documents AS d, json_each(d.body, ?) AS e
         WHERE d.collection = ? AND e.type IN ('text', 'integer', 'real')`,
      ),
      deleteArrayValues: this.db.prepare('DELETE FROM array_values WHERE collection = ? AND id = ?'),
      insertArrayValues: this.db.prepare(arrayValuesOf(1)),
      deleteCollectionArrayValues: this.db.prepare('DELETE FROM array_values WHERE collection = ?'),
      undeclareArrayFields: this.db.prepare('DELETE FROM array_fields WHERE collection = ?'),
      anyDocument: this.db.prepare('SELECT 1 FROM documents WHERE collection = ? LIMIT 1'),
      markLoading: this.db.prepare('INSERT OR IGNORE INTO bulk_loads (collection) VALUES (?)'),
      markedLoading: this.db.prepare('SELECT 1 FROM bulk_loads WHERE collection = ?'),
      unmarkLoading: this.db.prepare('DELETE FROM bulk_loads WHERE collection = ?'),
      countDocuments: this.db.prepare('SELECT count(*) AS n FROM documents WHERE collection = ?'),
      indexExists: this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"),
      documentIndexes: this.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND name LIKE 'ix%' AND sql IS NOT NULL"),
      schemaVersion: this.db.prepare<[], number>('PRAGMA schema_version').pluck(),
    };
  }

  /**
   * Declares how fields of a collection are shaped: 'scalar' fields get an expression index and are
   * compared in SQL exactly; 'array' fields have their elements indexed in array_values (backfilled
   * here when first declared, kept by every later write). Undeclared fields still
   * filter in SQL where possible, and mingo has the last word on them.
   */
  ensureIndexes(collection: string, fields: Readonly<Record<string, FieldShape>>): void {
    assertCollectionName(collection);
    this.bulk.delete(collection);
    // A rebuild that died left its mark: what triggers keep for the collection is built now. Read
    // first, since a DELETE takes the write lock even when it finds nothing.
    if (!this.refilling.has(collection) && this.stmt.markedLoading.get(collection)) this.stmt.unmarkLoading.run(collection);
    const known = this.fields.get(collection) ?? new Map<string, FieldShape>();
    const tracked = this.indexes.get(collection) ?? untracked();
    for (const [field, kind] of Object.entries(fields)) {
      const parts = field.split(',');
      if (!parts.every((f) => FIELD_PATH.test(f))) throw new Error(`invalid field path ${field}`);
      if (parts.length > 1 && kind !== 'scalar') throw new Error(`compound index ${field}: only scalar fields are indexed together`);
      known.set(field, kind);
      const name = indexName(collection, field, kind);
      tracked.names.add(name);
      if (kind === 'scalar') {
        // 'a,b' is one index over both: equality on a, then b in order (a page of one status, in list order).
        this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON documents (${parts.map(jsonExtract).join(', ')}) WHERE collection = '${collection}'`);
      } else {
        // One partial index per field, so the planner's statistics tell a selective field (a unit's
        // few documents) from one whose values each hold most of the collection (a campaign).
        this.db
          .transaction(() => {
            if (this.stmt.declareArrayField.run(collection, field).changes > 0) this.stmt.backfillArrayField.run(field, `$.${field}`, collection);
            this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON array_values (value) WHERE collection = '${collection}' AND field = '${field}'`);
          })
          .immediate();
      }
    }
    this.fields.set(collection, known);
    const shapes = new Map(known);
    for (const field of known.keys()) for (const part of field.includes(',') ? field.split(',') : []) if (!shapes.has(part)) shapes.set(part, 'scalar');
    this.shapes.set(collection, shapes);
    this.indexes.set(collection, tracked);
    this.dropUndeclared(collection, tracked.names);
    // Statistics kept from an earlier run are reused: a restart does not re-read big indexes. Not
    // those without STAT4 samples (taken from a sample by an earlier version's "PRAGMA optimize"
    // at close): their rough figures misled the planner, so they are taken again, once.
    const stats = (this.storedStats ??= { analyzed: this.statistics(), sampled: this.sampledIndexes() });
    const analyzed = stats.analyzed.filter((r) => tracked.names.has(r.idx));
    if (analyzed.length < tracked.names.size || analyzed.some((r) => !stats.sampled.has(r.idx))) this.analyzeCollection(collection);
    else tracked.analyzedSize = this.stmt.anyDocument.get(collection) ? mostEntries(analyzed) : 0;
  }

  /**
   * The expression indexes of a collection's documents that none of its declared fields names any
   * more (the audit trail's type, now served by type,position): every write would keep them, and a
   * rebuild build them, for no query.
   */
  private dropUndeclared(collection: string, declared: ReadonlySet<string>): void {
    const partial = `WHERE collection = '${collection}'`;
    for (const { name, sql } of this.stmt.documentIndexes.all()) {
      if (declared.has(name) || !sql.endsWith(partial)) continue;
      this.db.exec(`DROP INDEX IF EXISTS "${name}"`);
      this.storedStats = null;
    }
  }

  async get<D extends ReadDocument = AnyDocument>(collection: string, id: string): Promise<D | null> {
    this.assertOpen();
    assertCollectionName(collection);
    const row = this.stmt.get.get(collection, id);
    return row ? (JSON.parse(row.body) as D) : null;
  }

  async find<D extends ReadDocument = AnyDocument>(collection: string, filter?: Filter, options: FindOptions = {}): Promise<D[]> {
    this.assertOpen();
    assertCollectionName(collection);
    this.plannedFor(collection);
    const fields = this.queryFields(collection);
    const plan = planFilter(collection, filter, fields, this.arrayLookup(collection));
    const sort = stableSort(options.sort);
    const orderBy = planSort(sort, fields);
    const skip = options.skip ?? 0;
    const limit = options.limit ?? Infinity;
    const where = this.whereOf(collection, plan.where);
    const from = this.fromOf(collection, fields, options.hint);
    if (orderBy && plan.exact) {
      const page = Number.isFinite(limit) ? ` LIMIT ${Math.max(0, limit)} OFFSET ${skip}` : skip ? ` LIMIT -1 OFFSET ${skip}` : '';
      return this.statement(`SELECT id, body FROM ${from} WHERE ${where} ORDER BY ${orderBy}${page}`)
        .all(...plan.params)
        .map((r) => JSON.parse(r.body) as D);
    }
    const query = new Query(filter ?? {});
    if (orderBy) {
      // Rows come in order: keep those the whole filter accepts until the page is full.
      const out: D[] = [];
      let skipped = 0;
      for (const r of this.statement(`SELECT id, body FROM ${from} WHERE ${where} ORDER BY ${orderBy}`).iterate(...plan.params)) {
        const doc = JSON.parse(r.body) as AnyDocument;
        if (!query.test(doc)) continue;
        if (skipped < skip) skipped++;
        else out.push(doc as unknown as D);
        if (out.length >= limit) break;
      }
      return out;
    }
    const docs = this.statement(`SELECT id, body FROM documents WHERE ${where}`)
      .all(...plan.params)
      .map((r) => JSON.parse(r.body) as AnyDocument);
    let cursor = query.find<AnyDocument>(docs).sort(sort);
    if (skip) cursor = cursor.skip(skip);
    if (Number.isFinite(limit)) cursor = cursor.limit(limit);
    return cursor.all() as unknown as D[];
  }

  async count(collection: string, filter?: Filter, options: CountOptions = {}): Promise<number> {
    this.assertOpen();
    assertCollectionName(collection);
    this.plannedFor(collection);
    const limit = options.limit ?? Infinity;
    if (limit <= 0) return 0;
    const fields = this.queryFields(collection);
    const lookUp = this.arrayLookup(collection);
    const members = planArrayCount(collection, filter, fields, {
      limit,
      // The field's index, unless a rebuild in another process has dropped it to build at its end.
      lookUp: (field, values) => {
        const index = indexName(collection, field, 'array');
        return lookUp(field, values) && this.stmt.indexExists.get(index) ? index : null;
      },
    });
    if (members) return (this.statement(members.sql).get(...members.params) as unknown as { n: number }).n;
    const plan = planFilter(collection, filter, fields, lookUp);
    const where = this.whereOf(collection, plan.where);
    if (plan.exact) {
      // A bounded count stops at the limit instead of visiting every match.
      const from = this.fromOf(collection, fields, options.hint);
      const rows = Number.isFinite(limit) ? `(SELECT 1 FROM ${from} WHERE ${where} LIMIT ${Math.floor(limit)})` : `${from} WHERE ${where}`;
      return (this.statement(`SELECT count(*) AS n FROM ${rows}`).get(...plan.params) as unknown as { n: number }).n;
    }
    const query = new Query(filter ?? {});
    let n = 0;
    for (const r of this.statement(`SELECT id, body FROM documents WHERE ${where}`).iterate(...plan.params)) {
      if (query.test(JSON.parse(r.body) as AnyDocument)) n++;
      if (n >= limit) break;
    }
    return n;
  }

  /**
   * The declared fields as queries may use them: while a rebuild refills the collection, its array
   * fields' elements are not indexed yet, so they are tested in the JSON instead.
   */
  private queryFields(collection: string): Map<string, FieldShape> {
    const fields = this.shapes.get(collection) ?? new Map<string, FieldShape>();
    return this.bulk.has(collection) ? new Map([...fields].filter(([, kind]) => kind === 'scalar')) : fields;
  }

  /**
   * The documents, read through the hinted field's index when it is a declared scalar (a hint on
   * anything else is ignored) and the index exists: a rebuild in another process may be refilling
   * the collection, its indexes to be built at its end.
   */
  private fromOf(collection: string, fields: ReadonlyMap<string, FieldShape>, hint: string | undefined): string {
    if (!hint || fields.get(hint) !== 'scalar') return 'documents';
    const name = indexName(collection, hint, 'scalar');
    return this.stmt.indexExists.get(name) ? `documents INDEXED BY "${name}"` : 'documents';
  }

  /** The collection name is checked against a strict pattern, so it can stand in the SQL as a literal (partial indexes need one). */
  private whereOf(collection: string, conditions: readonly string[]): string {
    return [`collection = '${collection}'`, ...conditions].join(' AND ');
  }

  private statement(sql: string): Statement<unknown[], { id: string; body: string }> {
    return this.statements.statement(sql);
  }

  async commit(batch: CommitBatch): Promise<void> {
    this.assertOpen();
    this.db.transaction(() => this.storeBatch(batch)).immediate();
    this.committed(batch);
  }

  /**
   * The batches in one transaction, each in a savepoint of its own: one refused (its checkpoint
   * moved) leaves nothing of it and the others stored. The live projections woken by one append
   * commit together: one transaction instead of one per projection, each writing its own copy of
   * the pages they share (the checkpoints', the documents table's upper levels) to the WAL.
   */
  async commitAll(batches: readonly CommitBatch[]): Promise<Array<unknown | null>> {
    this.assertOpen();
    const outcomes: Array<unknown | null> = batches.map(() => null);
    this.db
      .transaction(() => {
        batches.forEach((batch, i) => {
          try {
            // Nested: a savepoint, rolled back alone when the batch throws.
            this.db.transaction(() => this.storeBatch(batch))();
          } catch (error) {
            outcomes[i] = error ?? new Error(`batch of ${batch.projection} refused`);
          }
        });
      })
      .immediate();
    batches.forEach((batch, i) => {
      if (outcomes[i] === null) this.committed(batch);
    });
    return outcomes;
  }

  async writeVersionsAhead(ahead: VersionsAhead): Promise<void> {
    this.assertOpen();
    this.db.transaction(() => this.versions.writeAhead(ahead)).immediate();
  }

  /** Inside a transaction: the batch's versions, documents and checkpoint, after checking its checkpoint is still the stored one. */
  private storeBatch(batch: CommitBatch): void {
    const current = this.stmt.checkpoint.get(batch.projection)?.position ?? 0;
    if (current !== batch.fromPosition) {
      throw new CheckpointConflictError(batch.projection, batch.fromPosition, current);
    }
    // Before the writes: versions kept for the first time start from the documents as they were.
    if (batch.history) this.versions.record({ ...batch, history: batch.history });
    // Serialized inside the transaction: a write that fails half-way rolls back the ones before it.
    this.writeAll(batch.writes, batch.toPosition, batch.writtenOnce ?? []);
    this.stmt.saveCheckpoint.run(batch.projection, batch.toPosition, batch.version, batch.toHash ?? null, this.clock().toISOString());
  }

  /** After a batch's commit: its collections' statistics taken again if they changed enough. */
  private committed(batch: CommitBatch): void {
    const written = new Map<string, number>();
    for (const w of batch.writes) written.set(w.collection, (written.get(w.collection) ?? 0) + 1);
    for (const [collection, n] of written) {
      const tracked = this.indexes.get(collection);
      if (!tracked) continue;
      tracked.written += n;
      if (!this.refilling.has(collection)) this.analyzeIfChanged(collection, true);
    }
  }

  /**
   * Before a search of a collection a rebuild is refilling: its statistics, if it grew enough since
   * they were taken. Without them a search of one stream's few inbox items started from the kind
   * index (every transition item so far) or scanned the collection, and a rebuild of the inbox
   * slowed with the square of its history; collections no search reads wait for the end.
   */
  private plannedFor(collection: string): void {
    if (this.refilling.has(collection)) this.analyzeIfChanged(collection);
  }

  /** Statistics taken again once a fifth of the collection (at least a thousand documents) was written since the last. */
  private analyzeIfChanged(collection: string, live = false): void {
    const tracked = this.indexes.get(collection);
    if (!tracked || tracked.written < Math.max(1000, tracked.analyzedSize / 5)) return;
    if (live && this.rewrittenOnly(collection, tracked)) tracked.written = 0;
    else this.analyzeCollection(collection);
  }

  /**
   * Whether live commits since the last statistics mostly rewrote the documents there were: every
   * progress note rewrites its problem, and a ledger of a few hundred problems had its statistics
   * taken again every thousand notes (a tenth of the projector's time under a stream of notes),
   * though rewrites move the figures little. Within a few minutes of the last statistics, they are
   * taken again only when the collection's size moved by a fifth since.
   */
  private rewrittenOnly(collection: string, tracked: TrackedIndexes): boolean {
    if (tracked.analyzedAt === 0 || this.clock().getTime() - tracked.analyzedAt >= REWRITES_ANALYZED_AFTER_MS) return false;
    const documents = this.stmt.countDocuments.get(collection)!.n;
    return Math.abs(documents - tracked.documents) < Math.max(1, tracked.documents / 5);
  }

  /** Refreshes the planner's statistics of every declared index. */
  analyze(): void {
    for (const collection of this.indexes.keys()) this.analyzeCollection(collection);
  }

  /**
   * Statistics (with STAT4 samples) for one collection's indexes, so the planner sees that most
   * problems are closed but few belong to one unit. Taken when the collection has grown or changed
   * by a fifth since the last time: each index costs milliseconds, so this stays rare and cheap.
   */
  private analyzeCollection(collection: string): void {
    const tracked = this.indexes.get(collection);
    if (!tracked) return;
    // One transaction: each ANALYZE on its own committed (and reloaded every statistic) by itself,
    // which cost more than the analyzing (64 indexes of a rebuilt city prefix: 331 ms, 129 ms in one).
    this.db.transaction(() => {
      // A collection a rebuild refills has only the indexes it keeps until the end (see beginBulkLoad).
      for (const name of tracked.names) if (!this.bulk.has(collection) || this.stmt.indexExists.get(name)) this.db.exec(`ANALYZE "${name}"`);
      const analyzed = this.statistics().filter((r) => tracked.names.has(r.idx));
      tracked.analyzedSize = mostEntries(analyzed);
      tracked.written = 0;
      // A scalar index holds an entry per document: its figure is their count, read without a pass over them.
      const scalar = analyzed.filter((r) => r.idx.startsWith('ix_'));
      tracked.documents = scalar.length > 0 ? mostEntries(scalar) : this.stmt.countDocuments.get(collection)!.n;
      tracked.analyzedAt = this.clock().getTime();
      // The table's own row (documents per collection) would need a pass over every body; its
      // figures follow from the collections' index entries, and the planner weighs indexes by it.
      const sizes = [...this.indexes.values()].map((t) => Math.max(1, t.analyzedSize));
      const total = sizes.reduce((a, b) => a + b, 0);
      this.db.prepare("DELETE FROM sqlite_stat1 WHERE tbl = 'documents' AND idx = 'documents'").run();
      this.db.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('documents', 'documents', ?)").run(`${total} ${Math.max(1, Math.round(total / sizes.length))} 1`);
      this.db.exec('ANALYZE sqlite_schema');
      // Another connection keeps the statistics it loaded until its schema changes: the API's kept
      // those it found early in its projector thread's first catch-up of a new city for as long as
      // it ran (one county's audit page 0.6-1.2 s against 20-60 ms after a restart). A schema change
      // makes each connection load these at its next statement.
      this.db.exec('CREATE VIEW statistics_taken AS SELECT 1; DROP VIEW statistics_taken');
      // Immediate: the write lock taken first, waiting for another writer. Begun as a read (the index
      // looked up), the transaction could not become a write once another connection had committed
      // (SQLITE_BUSY at once, no wait): a rebuild's other lane committing failed the whole rebuild.
    }).immediate();
    this.arrayStats = null;
    this.storedStats = null;
  }

  /** The indexes that have STAT4 samples: every analyzed non-empty index does, unless analyzed from a sample. */
  private sampledIndexes(): Set<string> {
    const kept = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").get();
    return new Set(kept ? this.db.prepare<[], string>('SELECT DISTINCT idx FROM sqlite_stat4').pluck().all() : []);
  }

  private statistics(): StatRow[] {
    const analyzed = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get();
    return analyzed ? (this.db.prepare('SELECT idx, stat FROM sqlite_stat1 WHERE idx IS NOT NULL').all() as StatRow[]) : [];
  }

  /**
   * Look the values' documents up when they are at most an eighth of the field's entries; otherwise
   * check each candidate's elements. Both are exact: this only decides which SQLite can start from.
   * The values' entries are counted (up to that bound, on the field's index): the statistics keep
   * one average per field, and a campaign holding most problems beside many small look-back
   * campaigns averages out as selective (SQLite then started from every problem of the campaign).
   * A choice is kept until the statistics are taken again (a schema change to every connection):
   * counting a city-wide scope's 2,574 units took 4 ms, asked again by every query of an office's
   * page, where the figures it is checked against change only with them.
   */
  private arrayLookup(collection: string): ArrayLookupChoice {
    const schema = this.stmt.schemaVersion.get()!;
    if (this.arrayStats?.schema !== schema) {
      const rows = this.statistics().filter((r) => r.idx.startsWith('ixa_'));
      const figures = new Map(
        rows.map((r) => {
          const [entries, perValue] = String(r.stat ?? '0 0').split(' ').map(Number);
          return [r.idx, { entries, perValue }];
        }),
      );
      this.arrayStats = { schema, figures, choices: new LRUCache({ max: ARRAY_CHOICES_KEPT }) };
    }
    const { figures: stats, choices } = this.arrayStats;
    return (field, values) => {
      const s = stats.get(indexName(collection, field, 'array'));
      if (!s) return true;
      const key = `${collection}\u0000${field}\u0000${JSON.stringify(values)}`;
      const chosen = choices.get(key);
      if (chosen !== undefined) return chosen;
      const bound = Math.floor(s.entries / 8);
      // Literals, so the field's partial index applies (both names are checked against strict patterns).
      const counted = this.statement(
        `SELECT count(*) AS n FROM (SELECT 1 FROM array_values WHERE collection = '${collection}' AND field = '${field}' AND value IN (SELECT value FROM json_each(?)) LIMIT ?)`,
      ).get(JSON.stringify(values), bound + 1) as unknown as { n: number };
      choices.set(key, counted.n <= bound);
      return counted.n <= bound;
    };
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    this.assertOpen();
    const row = this.stmt.checkpoint.get(projection);
    return row ? toCheckpoint(row) : null;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    this.assertOpen();
    return this.stmt.checkpoints.all().map(toCheckpoint);
  }

  async versionsAt(projection: string, position: number): Promise<ReadStore | null> {
    this.assertOpen();
    const row = this.stmt.checkpoint.get(projection);
    return this.versions.at(projection, position, row ? toCheckpoint(row) : null, (c) => versionFields(this.shapes.get(c)));
  }

  async reset(projection: string, collections: readonly string[]): Promise<void> {
    this.assertOpen();
    collections.forEach(assertCollectionName);
    this.db.transaction(() => this.deleteAll(projection, collections)).immediate();
    this.emptied(collections);
  }

  /**
   * reset and beginBulkLoad in one transaction, with the indexes the bulk load builds at its end
   * dropped before the documents are deleted, so that the delete does not remove their entries
   * one by one — each an evaluation of the index's expression over the document's JSON: at twice
   * the demo city the audit trail's 575,312 entries took 12 s to delete with their seven indexes
   * and the elements of their unit arrays, 1.9 s without them. What a rebuild calls.
   */
  async resetForBulkLoad(projection: string, collections: readonly string[], options: { readonly indexedAtEnd?: readonly string[] } = {}): Promise<void> {
    this.assertOpen();
    collections.forEach(assertCollectionName);
    const atEnd = new Set(options.indexedAtEnd ?? []);
    this.db
      .transaction(() => {
        for (const c of collections) this.dropBuiltAtEnd(c, atEnd);
        this.deleteAll(projection, collections);
        this.markBulkLoad(collections, atEnd);
      })
      .immediate();
    this.emptied(collections);
    this.arrayStats = null;
    this.storedStats = null;
  }

  /** Inside a transaction: the collections' documents, versions and array elements, and the projection's checkpoint. */
  private deleteAll(projection: string, collections: readonly string[]): void {
    this.versions.reset(projection, collections);
    for (const c of collections) {
      this.stmt.deleteCollection.run(c);
      this.stmt.deleteCollectionArrayValues.run(c);
    }
    this.stmt.deleteCheckpoint.run(projection);
  }

  /**
   * Emptied: the statistics describe what was there, so they are taken again as the collections
   * refill (after a thousand writes, then at every fifth more), not once the old size is rewritten.
   */
  private emptied(collections: readonly string[]): void {
    for (const c of collections) {
      const tracked = this.indexes.get(c);
      if (tracked) tracked.analyzedSize = tracked.written = tracked.documents = tracked.analyzedAt = 0;
    }
  }

  /**
   * Before a rebuild refills these collections from nothing: their array fields are undeclared
   * (so writes keep no array_values rows) and the fields' indexes dropped, to be filled by
   * finishBulkLoad from the stored documents in one INSERT…SELECT per field (reading only the
   * collection's rows, through the primary key) and indexed by one CREATE INDEX each, instead of
   * rows and index entries per write.
   *
   * The expression indexes on the documents are dropped too for the collections `indexedAtEnd`
   * names, and only for them: SQLite builds a partial index by scanning the whole documents table,
   * every collection's rows, and computing its expression over the collection's, which beats an
   * entry per write only for a collection holding most of the table (the audit trail's entry per
   * event: 20,000 entries with their eight indexes written in 0.9 s, without them in 0.2 s and the
   * indexes built after in 0.4 s); building all sixty declared ones at the end cost more than
   * keeping them.
   *
   * A collection that holds documents is left as it is. Queries meanwhile answer exactly, testing
   * the array fields in the JSON (see queryFields) and the scalars without an index (see fromOf); a
   * process that dies before the end leaves them so, and the next ensureIndexes (a runner's start)
   * declares, fills and builds them again.
   *
   * Every collection refilled is marked in `bulk_loads` until the end, for what other code keeps
   * by triggers on the documents (the search's full-text index): its triggers skip the marked
   * collection's writes and build it whole once the mark is deleted (see migrateReadStore).
   */
  async beginBulkLoad(collections: readonly string[], options: { readonly indexedAtEnd?: readonly string[] } = {}): Promise<void> {
    this.assertOpen();
    collections.forEach(assertCollectionName);
    const atEnd = new Set(options.indexedAtEnd ?? []);
    this.db.transaction(() => this.markBulkLoad(collections, atEnd)).immediate();
    this.arrayStats = null;
    this.storedStats = null;
  }

  /** Inside a transaction: see beginBulkLoad. */
  private markBulkLoad(collections: readonly string[], atEnd: ReadonlySet<string>): void {
    for (const c of collections) {
      this.refilling.add(c);
      this.stmt.markLoading.run(c);
      if (this.builtAtEnd(c, atEnd).length === 0 || this.stmt.anyDocument.get(c)) continue;
      this.dropBuiltAtEnd(c, atEnd);
      this.stmt.undeclareArrayFields.run(c);
      this.bulk.add(c);
    }
  }

  /** The indexes a bulk load of the collection builds at its end: its array fields', and all of them where `atEnd` names it. */
  private builtAtEnd(collection: string, atEnd: ReadonlySet<string>): Array<[string, FieldShape]> {
    return [...(this.fields.get(collection) ?? [])].filter(([, kind]) => kind === 'array' || atEnd.has(collection));
  }

  private dropBuiltAtEnd(collection: string, atEnd: ReadonlySet<string>): void {
    for (const [field, kind] of this.builtAtEnd(collection, atEnd)) this.db.exec(`DROP INDEX IF EXISTS "${indexName(collection, field, kind)}"`);
  }

  async finishBulkLoad(collections: readonly string[]): Promise<void> {
    this.assertOpen();
    for (const c of collections) {
      const fields = this.fields.get(c);
      if (this.bulk.has(c) && fields) this.ensureIndexes(c, Object.fromEntries(fields));
      // Its own transaction: the triggers on the mark may build a whole index from the documents. Read
      // first: a runner asks at every start, and a DELETE takes the write lock even when it finds nothing.
      if (this.stmt.markedLoading.get(c)) this.db.transaction(() => this.stmt.unmarkLoading.run(c)).immediate();
      if (this.refilling.delete(c)) this.analyzeIfChanged(c);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // No "PRAGMA optimize": it would analyze again with a sample (rough figures, no STAT4 samples)
    // and replace the full statistics analyzeCollection keeps; with rough ones the planner chose a
    // kind shared by thousands of items over the source that has three.
    this.db.close();
  }

  /**
   * The writes in order. Upserts of documents without indexed array elements go UPSERT_ROWS to a
   * statement: each execution of an INSERT opens a cursor on every index of the documents table
   * (sixty-odd partial ones), which cost more than the rows themselves did one by one (34,626
   * documents: 430-475 ms of CPU one per statement, 270-310 ms a hundred per statement). Rows of one
   * statement are applied in their order, and a write of any other kind first stores the rows
   * before it, so the outcome is the writes applied one by one.
   */
  private writeAll(writes: readonly DocumentWrite[], position: number, writtenOnce: readonly string[]): void {
    // Read in the transaction: another connection may have declared an array field since.
    const arrayFields = new Map<string, string[]>();
    const rows: unknown[] = [];
    const storeRows = () => {
      for (let i = 0; i < rows.length; i += 4) this.stmt.upsert.run(rows[i] as string, rows[i + 1] as string, rows[i + 2] as string, position);
      rows.length = 0;
    };
    const fresh: Fresh[] = [];
    const storeFresh = () => {
      if (fresh.length > 0) this.insertAll(fresh, position);
      fresh.length = 0;
    };
    for (const w of writes) {
      const n = normalizeWrite(w);
      let fields = arrayFields.get(n.collection);
      if (!fields) arrayFields.set(n.collection, (fields = this.stmt.arrayFields.all(n.collection)));
      if (n.body !== null && fields.length === 0) {
        rows.push(n.collection, n.id, n.body, position);
        if (rows.length === 4 * UPSERT_ROWS) {
          this.stmt.upsertMany.run(rows);
          rows.length = 0;
        }
        continue;
      }
      if (n.body !== null && writtenOnce.includes(n.collection)) {
        fresh.push({ collection: n.collection, id: n.id, body: n.body, fields });
        if (fresh.length === FRESH_ROWS) storeFresh();
        continue;
      }
      storeRows();
      storeFresh();
      this.writeOne(n.collection, n.id, n.body, fields, position);
    }
    storeRows();
    storeFresh();
  }

  /** A write that is not a plain upsert without array elements (see writeAll). */
  private writeOne(collection: string, id: string, body: string | null, fields: readonly string[], position: number): void {
    // Read before the upsert: whether its arrays' elements stay as stored (a note on a problem keeps its units).
    const elementsKept = body !== null && fields.length > 0 && this.arraysAsStored(collection, id, body, fields);
    if (body === null) this.stmt.delete.run(collection, id);
    else this.stmt.upsert.run(collection, id, body, position);
    if (fields.length && !elementsKept) {
      this.stmt.deleteArrayValues.run(collection, id);
      if (body !== null) for (const f of fields) this.stmt.insertArrayValues.run(collection, f, id, body, `$.${f}`);
    }
  }

  /**
   * Documents of collections written once, with array fields (the audit trail's entries and their
   * units): inserted by one statement, and their elements by another, without looking for stored
   * ones. The search's triggers on the documents give every write there a statement journal, and
   * each execution opens a cursor on every partial index of the table (52 in the city's read
   * store), so one statement for the lot costs less than one per document (on a copy of the
   * scale-1 city's read store, 50 entries with their units: 46-52 µs each against 71). One found
   * stored already (a projection that broke its word, or a replay) fails the statement, which
   * SQLite undoes alone; the documents are then written one by one as any other write.
   */
  private insertAll(docs: readonly Fresh[], position: number): void {
    try {
      this.statement(insertOf(docs.length)).run(docs.flatMap((d) => [d.collection, d.id, d.body, position]));
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
      for (const d of docs) this.writeOne(d.collection, d.id, d.body, d.fields, position);
      return;
    }
    const elements = docs.flatMap((d) => d.fields.map((f) => [d.collection, f, d.id, d.body, `$.${f}`]));
    if (elements.length > 0) this.statement(arrayValuesOf(elements.length)).run(elements.flat());
  }

  /**
   * Whether the stored document's arrays are these, element for element: then its array_values
   * rows and their index entries are already what the new body gives. Rewriting them anyway cost a
   * delete and an insert per field and their index pages on every rewrite (a progress note on the
   * scale-1 city wrote three pages for its problem's campaigns and units).
   */
  private arraysAsStored(collection: string, id: string, body: string, fields: readonly string[]): boolean {
    const key = fields.join(',');
    let sql = this.sameArraysSql.get(key);
    if (!sql) {
      // Field names are checked against FIELD_PATH when declared, so they stand in the SQL as literals.
      const same = fields.map((f) => `json_extract(body, '$.${f}') IS json_extract(@body, '$.${f}')`).join(' AND ');
      this.sameArraysSql.set(key, (sql = `SELECT 1 FROM documents WHERE collection = @collection AND id = @id AND ${same}`));
    }
    return this.statement(sql).get({ collection, id, body }) !== undefined;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('read store is closed');
  }
}

/**
 * The field kinds a query on versions may use: declared scalars are compared in SQL on the
 * version's JSON; declared arrays are indexed (array_values) for live documents only, so their
 * elements are tested in the JSON instead (as fields of unknown shape, checked again by mingo).
 */
function versionFields(fields: ReadonlyMap<string, FieldShape> | undefined): Map<string, FieldShape> {
  return new Map([...(fields ?? [])].filter(([, kind]) => kind === 'scalar'));
}

/** Documents upserted per statement when a commit has that many in a row (see writeAll). */
const UPSERT_ROWS = 100;

/** Documents of a collection written once, inserted per statement at most (see insertAll). */
const FRESH_ROWS = 50;

/** A document of a collection written once, with the collection's array fields. */
interface Fresh {
  readonly collection: string;
  readonly id: string;
  readonly body: string;
  readonly fields: readonly string[];
}

/** An insert of `rows` documents (collection, id, body, position each). */
const insertOf = byRows((rows) => `INSERT INTO documents (collection, id, body, position) VALUES ${placeholders(rows, 4)}`);

/**
 * The elements of `rows` documents' array fields (collection, field, id, body, path each): only
 * strings and numbers, as the planner looks them up (booleans come out of json_each as 1/0).
 */
const arrayValuesOf = byRows(
  (rows) => `INSERT OR IGNORE INTO array_values (collection, field, value, id)
   SELECT d.column1, d.column2, e.value, d.column3 FROM (VALUES ${placeholders(rows, 5)}) AS d, json_each(d.column4, d.column5) AS e
   WHERE e.type IN ('text', 'integer', 'real')`,
);

/** An upsert of `rows` documents (collection, id, body, position each); a later row of the same document wins. */
const upsertOf = (rows: number) =>
  `${insertOf(rows)}
   ON CONFLICT(collection, id) DO UPDATE SET body = excluded.body, position = excluded.position`;

/** How many array lookups' choices a store keeps (see arrayLookup): the scopes and filters its readers ask in turn. */
const ARRAY_CHOICES_KEPT = 512;

/** Array indexes are `ixa_`: arrayLookup reads their statistics by that prefix. */
const indexName = (collection: string, field: string, kind: FieldShape) =>
  `${kind === 'scalar' ? 'ix' : 'ixa'}_${collection}__${field.replace(/\./g, '_').replace(/,/g, '__')}`.replace(/-/g, '_');

/** A collection's declared indexes, and what was written since their statistics were taken. */
interface TrackedIndexes {
  readonly names: Set<string>;
  /** Entries of its largest index then. */
  analyzedSize: number;
  /** Documents written since, rewrites included. */
  written: number;
  /** Its documents then, and when (ms; 0 when not by this process). */
  documents: number;
  analyzedAt: number;
}
const untracked = (): TrackedIndexes => ({ names: new Set<string>(), analyzedSize: 0, written: 0, documents: 0, analyzedAt: 0 });
/** See rewrittenOnly. */
const REWRITES_ANALYZED_AFTER_MS = 5 * 60_000;

interface StatRow {
  idx: string;
  stat: string | null;
}

/** The most entries any of these indexes had when last analyzed. */
function mostEntries(rows: readonly StatRow[]): number {
  return rows.reduce((most, r) => Math.max(most, Number(String(r.stat ?? '0').split(' ')[0]) || 0), 0);
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return { projection: row.projection, position: row.position, version: row.version, hash: row.hash ?? null, updatedAt: row.updated_at };
}

/** How much of the read store's file is read through a memory map: mapped pages count in the process's resident memory, so it is bounded well below the memory target (at city scale: 1 GiB mapped, peak RSS 1.7 GiB; 256 MiB, 1,043 MiB). */
const MMAP_BYTES = 128 * 2 ** 20;

/**
 * Page size of a new read store's file. Documents of several hundred bytes fill fewer pages of
 * 8 KiB than of 4 KiB, so a commit writes fewer pages, log frames and write calls (an A/B of
 * rebuilds of every view over 20,000 events: commits 952 against 1,236 ms), and the city's read
 * store is a sixth smaller (1.0 GB against 1.2 GB at scale 1); its queries measured no slower on
 * it (see the bench's findings). A file made with 4 KiB pages keeps them: only a VACUUM outside
 * WAL changes them, a rewrite of the whole file (15-30 s at scale 1, with no other connection)
 * that a start does not do. A new file — the views rebuilt from the events — takes 8 KiB.
 */
const PAGE_BYTES = 8192;

/** WAL, the durability chosen, and the schema (older files gain the checkpoint's hash column). */
function migrateReadStore(db: Db, synchronous: 'FULL' | 'NORMAL'): void {
  // Before anything is written: a new file takes it, an existing one keeps the size it was made
  // with (only a VACUUM outside WAL would change it). See PAGE_BYTES.
  db.pragma(`page_size = ${PAGE_BYTES}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  // Reads through a memory map: a page of the city's list or audit trail visits a thousand rows
  // scattered over the file, and copying each page in through read() cost most of the query
  // (a bounded count of 1001 problems: about 190 ms read page by page, 4-20 ms mapped). Pages are
  // the OS's file cache, shared and dropped under pressure, not the process's own heap.
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  // Statement journals (the original of each page a multi-row write changes, kept to undo that
  // statement alone) and sorts in memory: in files, a rebuild of every view over the scale-1 city
  // wrote 18 GB of them, 60% of all it wrote, for a read store of 1.4 GB.
  db.pragma('temp_store = MEMORY');
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      collection TEXT    NOT NULL,
      id         TEXT    NOT NULL,
      body       TEXT    NOT NULL,
      position   INTEGER NOT NULL, -- checkpoint of the batch that last wrote it
      PRIMARY KEY (collection, id)
    ) WITHOUT ROWID;
    -- The elements of declared array fields, one row each: an index from a value to the
    -- documents whose array holds it (value has no type, so 1 and '1' stay apart).
    CREATE TABLE IF NOT EXISTS array_fields (
      collection TEXT NOT NULL,
      field      TEXT NOT NULL,
      PRIMARY KEY (collection, field)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS array_values (
      collection TEXT NOT NULL,
      id         TEXT NOT NULL,
      field      TEXT NOT NULL,
      value      NOT NULL,
      PRIMARY KEY (collection, id, field, value)
    ) WITHOUT ROWID;
    -- Collections a rebuild is refilling (beginBulkLoad to finishBulkLoad), for every connection:
    -- an index kept by triggers on the documents skips a marked collection's writes and builds
    -- itself whole when the mark is deleted, once instead of entry by entry as the rebuild stores.
    CREATE TABLE IF NOT EXISTS bulk_loads (collection TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS projection_checkpoints (
      projection TEXT    PRIMARY KEY,
      position   INTEGER NOT NULL,
      version    INTEGER NOT NULL,
      updated_at TEXT    NOT NULL
    );
  `);
  // Files written before checkpoints kept the hash of their event get the column; null = unknown.
  const columns = db.prepare<[], string>("SELECT name FROM pragma_table_info('projection_checkpoints')").pluck().all();
  if (!columns.includes('hash')) db.exec('ALTER TABLE projection_checkpoints ADD COLUMN hash TEXT');
}
