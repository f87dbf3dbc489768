import type { Database as Db, Statement } from 'better-sqlite3';
import { Query } from 'mingo';
import { assertCollectionName, stableSort } from '../memory/documents';
import { AnyDocument, BatchHistory, Checkpoint, CommitBatch, documentKey, DocumentVersion, Filter, FindOptions, ReadDocument, ReadStore, SortSpec, VersionsAhead } from '../read-store.port';
import { FieldKinds, planFilter, planSort } from './sqlite-query-plan';
import { ParsedVersions } from './parsed-versions';
import { placeholders } from './sql-rows';
import { StatementCache } from './statement-cache';
import { replacedAt } from '../version-ranges';

/** valid_to of the version that is still current. */
const OPEN = Number.MAX_SAFE_INTEGER;
/** The R-tree keeps 32-bit integers: an open range ends here (positions stay far below it). */
const RANGE_MAX = 2 ** 31 - 1;
/**
 * The R-tree entries of the versions `v` names in `from` (with `k`, their collections' codes): the
 * code and [valid_from, valid_to − 1]; a version replaced at its own position (an empty range) has
 * none. `and` narrows them further.
 */
const rangesOf = (v: string, from: string, and = '') =>
  `INSERT OR REPLACE INTO document_version_ranges (vid, c_lo, c_hi, p_lo, p_hi)
   SELECT ${v}.rowid, k.code, k.code, ${v}.valid_from, min(${v}.valid_to, ${RANGE_MAX + 1}) - 1
   FROM ${from} WHERE ${v}.valid_to > ${v}.valid_from${and}`;
/**
 * Every stored version's entry (add " AND …" to narrow). CROSS JOIN keeps the versions outermost, so
 * a range of their row numbers is read as a range: left to itself SQLite started from the few
 * collections and walked each one's every version.
 */
const RANGES_OF_VERSIONS = rangesOf('v', 'document_versions AS v CROSS JOIN version_collections AS k ON k.collection = v.collection');
/** The R-tree of version ranges: a version's collection code and [valid_from, valid_to − 1]. */
const CREATE_RANGES = 'CREATE VIRTUAL TABLE document_version_ranges USING rtree_i32(vid, c_lo, c_hi, p_lo, p_hi);';
/**
 * Up to this many documents a collection is read whole at a past moment, its parsed versions kept
 * for the next moment (a city's board units and tallies: a few thousand); a larger one (its
 * problems) is filtered and paged in SQL.
 */
const READ_WHOLE_UP_TO = 10_000;
/**
 * A find naming at most this many documents by id reads each one's version by the key, whatever
 * the collection's size: one county's units (a few dozen) then cost as much in a city of any size,
 * where reading the whole collection at P grew with it.
 */
const BY_KEY_UP_TO = 2_000;
const RECOUNT_MS = 10 * 60_000;

type Prepare = (sql: string) => Statement<unknown[], { body: string }>;
/** What every moment read through one connection shares. */
interface VersionReads {
  readonly prepare: Prepare;
  /** Runs its reads on one snapshot of the file (another connection may commit between two statements). */
  readonly snapshot: <T>(read: () => T) => T;
  /** Inside a snapshot: the versions parsed before, while their row numbers still name them. */
  readonly parsed: () => ParsedVersions;
  /** Whether the collection is read whole (see VersionsAt). */
  readonly small: (collection: string) => boolean;
}
interface VersionRow {
  readonly vid: number;
  readonly validFrom: number;
}

/**
 * Every version of the documents of versioned collections, with the range of positions in which
 * it was current: what the document was from the event `valid_from` until the event `valid_to`
 * replaced or deleted it. "As of P" is then the documents with valid_from ≤ P < valid_to: one
 * indexed range per collection, no replay.
 *
 * Finding the versions current at P is a stabbing query over intervals: neither a valid_from nor a
 * valid_to index can answer it without walking every version on one side of P (at city scale
 * hundreds of thousands for a moment in the middle of history). An R-tree over (collection code,
 * [valid_from, valid_to − 1]), filled per commit and kept by triggers on updates and deletes, answers it in time
 * proportional to the versions current then.
 *
 * Coverage: a projection's versions start at the batch that first brought history (position 0 for
 * a projection built with it; otherwise its documents at that checkpoint are taken as the first
 * versions), and a reset of the projection drops them with the documents.
 */
export class DocumentVersions {
  private readonly stmt: {
    coverage: Statement<[string], { from_position: number; collections: string }>;
    cover: Statement<[string, number, string]>;
    uncover: Statement<[string]>;
    seed: Statement<[number, number, string]>;
    lastVid: Statement<[], { vid: number | null }>;
    rangeAfter: Statement<[number]>;
    defer: Statement<[]>;
    undefer: Statement<[]>;
    close: Statement<[number, string, string, number]>;
    insert: Statement<[string, string, number, number, string]>;
    insertMany: Statement<unknown[]>;
    dropCollection: Statement<[string]>;
    code: Statement<[string]>;
    codes: Statement<[], { code: number; collection: string }>;
    counted: Statement<[string, number], { n: number }>;
    generation: Statement<[], { n: number }>;
    nextGeneration: Statement<[]>;
    isAhead: Statement<[string]>;
    markAhead: Statement<[string]>;
    unmarkAhead: Statement<[string]>;
    dropAhead: Statement<[string, number]>;
    reopenAhead: Statement<[number, string, number, number]>;
  };
  private codes: Map<string, number> | null = null;
  private readonly statements: StatementCache<{ body: string }>;
  /** Shared by every moment read through this connection. */
  private readonly parsed = new ParsedVersions();
  private readonly smallCollections = new Map<string, { small: boolean; countedAt: number }>();
  private readonly reads: VersionReads;

  constructor(
    private readonly db: Db,
    private readonly readWholeUpTo = READ_WHOLE_UP_TO,
  ) {
    this.statements = new StatementCache(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS document_versions (
        collection TEXT    NOT NULL,
        id         TEXT    NOT NULL,
        valid_from INTEGER NOT NULL, -- the event that wrote this image
        valid_to   INTEGER NOT NULL, -- the event that replaced or deleted it; ${OPEN} while current
        body       TEXT    NOT NULL,
        PRIMARY KEY (collection, id, valid_from)
      );
      -- "Current at P" is the R-tree's (below); an index on (collection, valid_to, valid_from) that
      -- answered it before cost a B-tree insert per version written and served no query since.
      DROP INDEX IF EXISTS document_versions_at;
      CREATE TABLE IF NOT EXISTS version_coverage (
        projection    TEXT    PRIMARY KEY,
        from_position INTEGER NOT NULL,
        collections   TEXT    NOT NULL
      );
      CREATE TABLE IF NOT EXISTS version_collections (
        code       INTEGER PRIMARY KEY,
        collection TEXT    NOT NULL UNIQUE
      );
      -- Counts the writes that delete versions (a reset, a seed replacing rows): row numbers read
      -- before one may since name other versions, so versions parsed before it are dropped.
      CREATE TABLE IF NOT EXISTS version_generation (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        n    INTEGER NOT NULL
      );
      INSERT OR IGNORE INTO version_generation (only, n) VALUES (1, 0);
      -- The projections with versions written ahead of their checkpoint (writeAhead), until the
      -- commit that brings their checkpoint past them; one left by a process that died meanwhile
      -- tells the next commit to drop them.
      CREATE TABLE IF NOT EXISTS versions_ahead (projection TEXT PRIMARY KEY);
    `);
    migrateRanges(db);
    rangeInsertsUnlessDeferred(db);
    const inTransaction = db.transaction((read: () => unknown) => read());
    this.reads = {
      prepare: this.prepare,
      snapshot: <T>(read: () => T) => inTransaction(read) as T,
      parsed: () => this.parsed.of(this.stmt.generation.get()!.n),
      small: this.small,
    };
    this.stmt = {
      coverage: db.prepare('SELECT from_position, collections FROM version_coverage WHERE projection = ?'),
      cover: db.prepare('INSERT INTO version_coverage (projection, from_position, collections) VALUES (?, ?, ?)'),
      uncover: db.prepare('DELETE FROM version_coverage WHERE projection = ?'),
      seed: db.prepare(
        `INSERT OR REPLACE INTO document_versions (collection, id, valid_from, valid_to, body)
         SELECT collection, id, ?, ?, body FROM documents WHERE collection = ?`,
      ),
      lastVid: db.prepare('SELECT max(rowid) AS vid FROM document_versions'),
      defer: db.prepare('INSERT INTO version_ranges_deferred (only) VALUES (1)'),
      undefer: db.prepare('DELETE FROM version_ranges_deferred'),
      rangeAfter: db.prepare(`${RANGES_OF_VERSIONS} AND v.rowid > ?`),
      // A document's open version, if it has one, is its latest: each version written closes the one
      // before it. Found as the last of the document's versions in the key's order, one entry read
      // (not each of its versions' rows checked for valid_to: a problem noted a hundred times took
      // 0.8 ms to close, as much as the rest of the note's projections).
      close: db.prepare(
        `UPDATE document_versions SET valid_to = ?
         WHERE rowid = (SELECT rowid FROM document_versions WHERE collection = ? AND id = ? ORDER BY valid_from DESC LIMIT 1) AND valid_to = ?`,
      ),
      insert: db.prepare(insertOf(1)),
      insertMany: db.prepare(insertOf(INSERT_ROWS)),
      dropCollection: db.prepare('DELETE FROM document_versions WHERE collection = ?'),
      code: db.prepare('INSERT OR IGNORE INTO version_collections (collection) VALUES (?)'),
      codes: db.prepare('SELECT code, collection FROM version_collections'),
      counted: db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM documents WHERE collection = ? LIMIT ?)'),
      generation: db.prepare('SELECT n FROM version_generation'),
      nextGeneration: db.prepare('UPDATE version_generation SET n = n + 1'),
      isAhead: db.prepare('SELECT 1 FROM versions_ahead WHERE projection = ?'),
      markAhead: db.prepare('INSERT OR IGNORE INTO versions_ahead (projection) VALUES (?)'),
      unmarkAhead: db.prepare('DELETE FROM versions_ahead WHERE projection = ?'),
      // Scans the collection's versions (its part of the key): only after a rebuild died half-way.
      dropAhead: db.prepare('DELETE FROM document_versions WHERE collection = ? AND valid_from > ?'),
      reopenAhead: db.prepare('UPDATE document_versions SET valid_to = ? WHERE collection = ? AND valid_to > ? AND valid_to <> ?'),
    };
  }

  /** Inside the batch's transaction, before its document writes: the versions its events made. */
  record(batch: CommitBatch & { history: BatchHistory }): void {
    const { projection, fromPosition, history } = batch;
    if (this.stmt.isAhead.get(projection)) {
      // Versions written ahead by a rebuild whose commit never came: dropped, and those they closed
      // reopened, so the versions are again those of the checkpoint this batch starts from.
      if (!history.ahead) this.dropAhead(fromPosition, history.collections);
      this.stmt.unmarkAhead.run(projection);
    }
    const coverage = this.stmt.coverage.get(projection);
    const lastVid = this.stmt.lastVid.get()?.vid ?? 0;
    this.stmt.defer.run();
    // Every versioned collection has its code before its first version (the R-tree's triggers look it up).
    for (const c of history.collections) if (this.stmt.code.run(c).changes > 0) this.codes = null;
    if (!coverage) {
      this.stmt.cover.run(projection, fromPosition, JSON.stringify(history.collections));
      // Documents built before versions were kept stand, as they are now, for the checkpoint.
      if (fromPosition > 0) {
        for (const c of history.collections) this.stmt.seed.run(fromPosition, OPEN, c);
        // A seed may replace versions (and their row numbers) that earlier moments parsed.
        this.stmt.nextGeneration.run();
      }
    }
    // Each image is current until the next one of its document in the batch (or open): written once
    // with its range, instead of written open and closed again by the next (an update of the row
    // and of its R-tree entry). Only a document's first image closes the version stored before it.
    const versions = history.versions;
    const until = replacedAt(versions, OPEN);
    // Versions that start with this batch (no coverage before it, from position 0) close none:
    // nothing of these collections is stored yet (a rebuild's first commit: thousands of lookups).
    const closing = coverage !== undefined || fromPosition > 0;
    const closed = new Set<string>();
    const rows = this.rows();
    const pushRow = (v: DocumentVersion, i: number) => {
      const body = bodyOf(v);
      if (body !== null) rows.add(v.collection, v.id, v.position, until[i], body);
    };
    versions.forEach((v, i) => {
      const key = documentKey(v.collection, v.id);
      if (!closed.has(key)) {
        assertCollectionName(v.collection);
        closed.add(key);
        // Already closed by versions written ahead of this batch.
        if (history.closed?.has(key)) return void pushRow(v, i);
        // Before any of its new versions is inserted, which only the rows of other documents may precede.
        if (closing) this.stmt.close.run(v.position, v.collection, v.id, OPEN);
      }
      pushRow(v, i);
    });
    rows.end();
    // The new versions' ranges, in one statement: the R-tree writes back the nodes a statement
    // changed when it ends, so an entry per insert (a trigger) rewrote its path of nodes each time
    // (13,605 versions: 300 ms with the trigger, 70 ms without and 44 ms for their ranges after).
    this.stmt.undefer.run();
    this.stmt.rangeAfter.run(lastVid);
  }

  /**
   * Inside a transaction of its own: a rebuild's versions already replaced, each written once with
   * its range (see ReadStore.writeVersionsAhead), in the order of the key, whose pages they then
   * fill in turn instead of each landing on another. Closing the stored open version of a document
   * comes before any of the new ones is inserted (the close finds a document's latest version).
   */
  writeAhead(ahead: VersionsAhead): void {
    const { projection, collections, versions } = ahead;
    if (versions.length === 0) return;
    this.stmt.markAhead.run(projection);
    for (const c of collections) if (this.stmt.code.run(c).changes > 0) this.codes = null;
    const lastVid = this.stmt.lastVid.get()?.vid ?? 0;
    this.stmt.defer.run();
    const stored: Array<{ v: (typeof versions)[number]; body: string }> = [];
    for (const v of versions) {
      assertCollectionName(v.collection);
      if (v.closes) this.stmt.close.run(v.position, v.collection, v.id, OPEN);
      const body = bodyOf(v);
      if (body !== null) stored.push({ v, body });
    }
    stored.sort((a, b) => byKey(a.v, b.v));
    const rows = this.rows();
    for (const { v, body } of stored) rows.add(v.collection, v.id, v.position, v.validTo, body);
    rows.end();
    this.stmt.undefer.run();
    this.stmt.rangeAfter.run(lastVid);
  }

  /** Inserts versions INSERT_ROWS to a statement, the rest one by one at the end. */
  private rows(): { add(collection: string, id: string, from: number, to: number, body: string): void; end(): void } {
    const rows: unknown[] = [];
    return {
      add: (...row) => {
        rows.push(...row);
        if (rows.length === 5 * INSERT_ROWS) {
          this.stmt.insertMany.run(rows);
          rows.length = 0;
        }
      },
      end: () => {
        for (let i = 0; i < rows.length; i += 5) {
          this.stmt.insert.run(rows[i] as string, rows[i + 1] as string, rows[i + 2] as number, rows[i + 3] as number, rows[i + 4] as string);
        }
      },
    };
  }

  /** Versions beyond `position` dropped and those current at it open again (see record). */
  private dropAhead(position: number, collections: readonly string[]): void {
    for (const c of collections) {
      this.stmt.dropAhead.run(c, position);
      this.stmt.reopenAhead.run(OPEN, c, position, OPEN);
    }
    // Rows were deleted: their row numbers may name other versions later.
    this.stmt.nextGeneration.run();
  }

  /**
   * With the projection's documents and checkpoint (a rebuild starts without history). Deleting a
   * version deletes its R-tree entry, one at a time (about 18 µs each: 9 s for the ledger's
   * 506,000 versions at twice the demo city); when the versions dropped outnumber those that stay,
   * the R-tree is made anew instead and filled with the entries of those that stay.
   */
  reset(projection: string, collections: readonly string[]): void {
    this.stmt.uncover.run(projection);
    this.stmt.unmarkAhead.run(projection);
    const dropped = this.countVersions(collections, true, Infinity);
    const anew = dropped > 0 && this.countVersions(collections, false, dropped) < dropped;
    if (anew) this.db.exec(`DROP TABLE document_version_ranges; ${CREATE_RANGES}`);
    for (const c of collections) this.stmt.dropCollection.run(c);
    if (anew) this.db.exec(RANGES_OF_VERSIONS);
    this.stmt.nextGeneration.run();
  }

  /** Versions in (or outside) these collections, counted up to `upTo`. */
  private countVersions(collections: readonly string[], inside: boolean, upTo: number): number {
    // Collection names are checked against a strict pattern before they reach the store.
    const list = collections.map((c) => `'${c}'`).join(', ') || "''";
    const limit = Number.isFinite(upTo) ? ` LIMIT ${upTo}` : '';
    return (this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM document_versions WHERE collection ${inside ? '' : 'NOT '}IN (${list})${limit})`).get() as { n: number }).n;
  }

  /** A read-only store of the collections as they stood at `position`; null when the versions do not cover it. */
  at(projection: string, position: number, checkpoint: Checkpoint | null, fields: (collection: string) => FieldKinds): ReadStore | null {
    const coverage = this.stmt.coverage.get(projection);
    if (!coverage || !checkpoint || coverage.from_position > position || checkpoint.position < position) return null;
    const collections = JSON.parse(coverage.collections) as string[];
    // Another connection (a projector of its own) may have added collections since they were read.
    if (!this.codes || collections.some((c) => !this.codes!.has(c))) this.codes = new Map(this.stmt.codes.all().map((r) => [r.collection, r.code]));
    return new VersionsAt(this.reads, position, new Set(collections), this.codes, fields);
  }

  /**
   * Whether the collection is read whole at a moment (see VersionsAt). A small one's live
   * documents are counted again now and then, as it may grow past the bound while the process
   * runs (counting reads the documents' pages: a large one, which does not shrink back, is not
   * counted again).
   */
  private readonly small = (collection: string): boolean => {
    const known = this.smallCollections.get(collection);
    if (known && (!known.small || Date.now() - known.countedAt < RECOUNT_MS)) return known.small;
    const small = this.stmt.counted.get(collection, this.readWholeUpTo + 1)!.n <= this.readWholeUpTo;
    this.smallCollections.set(collection, { small, countedAt: Date.now() });
    return small;
  };

  /** Statements are shared by every moment (one is made per request). */
  private readonly prepare: Prepare = (sql) => this.statements.statement(sql);
}

/** A version's JSON text; null for a deletion. */
const bodyOf = (v: DocumentVersion): string | null => v.body ?? (v.doc ? JSON.stringify(v.doc) : null);

/** In the order of document_versions' key: collection, id (as SQLite compares text, by code point), position. */
function byKey(a: DocumentVersion, b: DocumentVersion): number {
  if (a.collection !== b.collection) return a.collection < b.collection ? -1 : 1;
  if (a.id !== b.id) return byCodePoint(a.id, b.id);
  return a.position - b.position;
}

/** Versions inserted per statement (a statement's cursors on the table, its key and its trigger opened once for them). */
const INSERT_ROWS = 100;

const insertOf = (rows: number) =>
  `INSERT INTO document_versions (collection, id, valid_from, valid_to, body) VALUES ${placeholders(rows, 5)}
   ON CONFLICT(collection, id, valid_from) DO UPDATE SET body = excluded.body, valid_to = excluded.valid_to`;

/** In a trigger: the R-tree entry of the version `new` or `old`. */
const rangeOf = (v: 'new' | 'old') => rangesOf(v, 'version_collections AS k', ` AND k.collection = ${v}.collection`);

/**
 * The insert trigger ranges each version as it is inserted, unless the inserting transaction
 * deferred it (record: a row in version_ranges_deferred, deleted before it commits, so no other
 * connection ever sees one) to range its versions in one statement. Every other insert, and a
 * process of an earlier version sharing the file, still gets its ranges from the trigger.
 */
function rangeInsertsUnlessDeferred(db: Db): void {
  const trigger = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'document_versions_ranged'").pluck().get();
  if (trigger?.includes('version_ranges_deferred')) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS version_ranges_deferred (only INTEGER PRIMARY KEY CHECK (only = 1));
      DROP TRIGGER IF EXISTS document_versions_ranged;
      CREATE TRIGGER document_versions_ranged AFTER INSERT ON document_versions
      WHEN NOT EXISTS (SELECT 1 FROM version_ranges_deferred) BEGIN
        ${rangeOf('new')};
      END;
    `);
  })();
}

/**
 * The R-tree of version ranges and the triggers keeping it, created once; a file written before
 * it existed gets it filled from its versions. Ranges are inclusive in an R-tree: [valid_from,
 * valid_to − 1]; a version replaced at its own position (empty range) has none. ON CONFLICT DO
 * UPDATE fires the update trigger, INSERT OR REPLACE a plain insert (its deleted row leaves an
 * entry that no longer joins a version, or is replaced by the same rowid).
 */
function migrateRanges(db: Db): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_version_ranges'").get();
  if (exists) return;
  db.transaction(() => {
    db.exec(`
      ${CREATE_RANGES}
      CREATE TRIGGER document_versions_reranged AFTER UPDATE ON document_versions BEGIN
        DELETE FROM document_version_ranges WHERE vid = old.rowid;
        ${rangeOf('new')};
      END;
      CREATE TRIGGER document_versions_unranged AFTER DELETE ON document_versions BEGIN
        DELETE FROM document_version_ranges WHERE vid = old.rowid;
      END;
      INSERT OR IGNORE INTO version_collections (collection) SELECT DISTINCT collection FROM document_versions;
    `);
    db.exec(RANGES_OF_VERSIONS);
  })();
}

/**
 * The store as of one position. The documents current then are found in the R-tree of version
 * ranges (a stabbing query: it visits the versions current at P, not every version replaced after
 * it).
 *
 * A collection with few documents (a board's units, their tallies) is read whole at P — which
 * versions were current, by row — and its documents come from the versions parsed for earlier
 * moments, only the others read and parsed; the filter, sort and page are applied here. Two
 * nearby moments share almost all their versions, so a moment not asked before costs about a live
 * read. A larger collection has the filter's fields tested in SQL on those rows as in the live
 * store (a problem list of one county reads that county's versions), and sorting and paging in SQL
 * where the filter is exact there. A find naming its documents by id reads each one by the key
 * instead, so its cost follows the ids asked for, not the collection.
 */
class VersionsAt implements ReadStore {
  private readonly prepare: Prepare;

  constructor(
    private readonly reads: VersionReads,
    private readonly position: number,
    private readonly collections: ReadonlySet<string>,
    private readonly codes: ReadonlyMap<string, number>,
    private readonly fields: (collection: string) => FieldKinds,
  ) {
    this.prepare = reads.prepare;
  }

  async get<D extends ReadDocument = AnyDocument>(collection: string, id: string): Promise<D | null> {
    this.assertVersioned(collection);
    // The newest version that started at or before P, by the primary key; current if not yet replaced.
    const row = this.prepare('SELECT body, valid_to FROM document_versions WHERE collection = ? AND id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1').get(
      collection,
      id,
      this.position,
    ) as { body: string; valid_to: number } | undefined;
    return row && row.valid_to > this.position ? (JSON.parse(row.body) as D) : null;
  }

  async find<D extends ReadDocument = AnyDocument>(collection: string, filter?: Filter, options: FindOptions = {}): Promise<D[]> {
    const sort = stableSort(options.sort);
    const orderBy = planSort(sort, this.fields(collection));
    const paging = (sqlExact: boolean) => (sqlExact && orderBy ? { skip: options.skip ?? 0, limit: options.limit } : null);
    const { docs, paged } = this.matching(collection, filter, orderBy, paging);
    if (paged) return docs as unknown as D[];
    const sorted = sortedDocs(docs, sort);
    const from = options.skip ?? 0;
    return sorted.slice(from, options.limit === undefined ? undefined : from + Math.max(0, options.limit)) as unknown as D[];
  }

  async count(collection: string, filter?: Filter, options: { limit?: number } = {}): Promise<number> {
    return Math.min(this.matching(collection, filter, null, () => null).docs.length, options.limit ?? Infinity);
  }

  /**
   * The versions current at the position that match the filter, parsed; `paged` when SQL also
   * ordered and paged them (the filter exact in SQL on a large collection).
   */
  private matching(
    collection: string,
    filter: Filter | undefined,
    orderBy: string | null,
    paging: (exact: boolean) => { skip: number; limit: number | undefined } | null,
  ): { docs: AnyDocument[]; paged: boolean } {
    this.assertVersioned(collection);
    const code = this.codes.get(collection);
    if (code === undefined) return { docs: [], paged: true };
    const ids = idsNamedBy(filter);
    if (ids && ids.length <= BY_KEY_UP_TO) {
      const docs = this.reads.snapshot(() => this.byKey(collection, ids));
      // Their ids match: only the filter's other fields are left to test.
      const { _id, ...rest } = filter!;
      if (Object.keys(rest).length === 0) return { docs, paged: false };
      const query = new Query(rest);
      return { docs: docs.filter((d) => query.test(d)), paged: false };
    }
    const p = Math.min(this.position, RANGE_MAX);
    const range = `FROM document_version_ranges AS r JOIN document_versions AS v ON v.rowid = r.vid
       WHERE r.c_lo <= ? AND r.c_hi >= ? AND r.p_lo <= ? AND r.p_hi >= ? AND v.valid_from <= ? AND v.valid_to > ?`;
    const at = [code, code, p, p, this.position, this.position];
    if (this.reads.small(collection) && this.position <= RANGE_MAX) {
      // The R-tree alone says which versions were current (its entries are exact: 32-bit integers).
      const docs = this.reads.snapshot(() =>
        this.parse(this.prepare('SELECT vid, p_lo AS validFrom FROM document_version_ranges WHERE c_lo <= ? AND c_hi >= ? AND p_lo <= ? AND p_hi >= ?').all(code, code, p, p) as unknown as VersionRow[]),
      );
      if (!filter) return { docs, paged: false };
      const query = new Query(filter);
      return { docs: docs.filter((d) => query.test(d)), paged: false };
    }
    // Array fields are indexed (array_values) for the live documents only: here their elements are tested in the row's JSON.
    const plan = planFilter(collection, filter, this.fields(collection));
    const where = plan.where.length ? ` AND ${plan.where.join(' AND ')}` : '';
    const page = paging(plan.exact);
    const order = page && orderBy ? ` ORDER BY ${orderBy} LIMIT ${page.limit === undefined ? -1 : Math.max(0, page.limit)} OFFSET ${page.skip}` : '';
    const rows = this.prepare(`SELECT v.body AS body ${range}${where}${order}`).all(...at, ...plan.params);
    const docs = rows.map((r) => JSON.parse(r.body) as AnyDocument);
    if (plan.exact || !filter) return { docs, paged: page !== null && orderBy !== null };
    const query = new Query(filter);
    return { docs: docs.filter((d) => query.test(d)), paged: false };
  }

  /**
   * The documents of these ids current at the position: each id's newest version that started at
   * or before it, found by the key in one statement, and parsed unless an earlier moment did.
   */
  private byKey(collection: string, ids: readonly string[]): AnyDocument[] {
    const current = this.prepare(
      `SELECT v.rowid AS vid, v.valid_from AS validFrom FROM json_each(?) AS j JOIN document_versions AS v ON v.rowid = (
         SELECT rowid FROM document_versions WHERE collection = ? AND id = j.value AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1
       ) WHERE v.valid_to > ?`,
    ).all(JSON.stringify(ids), collection, this.position, this.position) as unknown as VersionRow[];
    return this.parse(current);
  }

  /**
   * The versions' documents: those parsed for an earlier moment as they were, the others read whole
   * by row number. An entry whose row is gone (left by a replaced row) names no version.
   */
  private parse(current: readonly VersionRow[]): AnyDocument[] {
    const parsed = this.reads.parsed();
    const docs = current.map((v) => parsed.get(v.vid, v.validFrom));
    const missing = current.filter((_, i) => !docs[i]);
    if (missing.length === 0) return docs as AnyDocument[];
    const bodies = new Map(
      (
        this.prepare('SELECT rowid AS vid, valid_from AS validFrom, body FROM document_versions WHERE rowid IN (SELECT value FROM json_each(?))').all(
          JSON.stringify(missing.map((v) => v.vid)),
        ) as unknown as Array<VersionRow & { body: string }>
      ).map((r) => [r.vid, r]),
    );
    const found: AnyDocument[] = [];
    current.forEach((v, i) => {
      const row = docs[i] ? null : bodies.get(v.vid);
      if (docs[i]) found.push(docs[i]!);
      else if (row && row.validFrom === v.validFrom) found.push(parsed.parse(v.vid, v.validFrom, row.body));
    });
    return found;
  }

  private assertVersioned(collection: string): void {
    assertCollectionName(collection);
    if (!this.collections.has(collection)) throw new Error(`collection ${collection} keeps no versions: it cannot be read as of a position`);
  }

  commit(): Promise<void> {
    return Promise.reject(new Error('a past moment is read-only'));
  }

  async checkpoint(): Promise<Checkpoint | null> {
    return null;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return [];
  }

  reset(): Promise<void> {
    return Promise.reject(new Error('a past moment is read-only'));
  }

  async close(): Promise<void> {}
}

/** The distinct ids a filter's `_id` names (equal to one, or in a list of strings); null when it names none. */
function idsNamedBy(filter: Filter | undefined): string[] | null {
  const id = (filter as Record<string, unknown> | undefined)?._id;
  if (typeof id === 'string') return [id];
  if (!id || typeof id !== 'object' || Object.keys(id).length !== 1) return null;
  const list = (id as { $in?: unknown }).$in;
  return Array.isArray(list) && list.every((x) => typeof x === 'string') ? [...new Set(list as string[])] : null;
}

/** In the sort's order; by id alone (the usual order) without mingo, comparing ids as SQL does (by code point). */
function sortedDocs(docs: readonly AnyDocument[], sort: SortSpec): AnyDocument[] {
  const keys = Object.keys(sort);
  if (keys.length !== 1 || keys[0] !== '_id') return new Query({}).find<AnyDocument>(docs).sort(sort).all();
  const dir = sort._id;
  const ids = docs.map((d) => String(d._id));
  // UTF-16 order is code point order unless a surrogate pair meets a character from U+E000 on.
  const compare = ids.some((id) => BEYOND_PLAIN_ORDER.test(id)) ? byCodePoint : byCodeUnit;
  return docs
    .map((d, i) => i)
    .sort((a, b) => dir * compare(ids[a], ids[b]))
    .map((i) => docs[i]);
}

const BEYOND_PLAIN_ORDER = /[\uD800-\uFFFF]/;

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
