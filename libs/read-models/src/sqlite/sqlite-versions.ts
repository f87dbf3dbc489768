import type { Database as Db, Statement } from 'better-sqlite3';
import { Query } from 'mingo';
import { assertCollectionName, stableSort } from '../memory/documents';
import { AnyDocument, BatchHistory, Checkpoint, CommitBatch, Filter, FindOptions, ReadDocument, ReadStore } from '../read-store.port';
import { FieldKinds, planFilter, planSort } from './sqlite-query-plan';

/** valid_to of the version that is still current. */
const OPEN = Number.MAX_SAFE_INTEGER;
/** The R-tree keeps 32-bit integers: an open range ends here (positions stay far below it). */
const RANGE_MAX = 2 ** 31 - 1;

type Prepare = (sql: string) => Statement<unknown[], { body: string }>;

/**
 * Every version of the documents of versioned collections, with the range of positions in which
 * it was current: what the document was from the event `valid_from` until the event `valid_to`
 * replaced or deleted it. "As of P" is then the documents with valid_from ≤ P < valid_to: one
 * indexed range per collection, no replay.
 *
 * Finding the versions current at P is a stabbing query over intervals: neither a valid_from nor a
 * valid_to index can answer it without walking every version on one side of P (at city scale
 * hundreds of thousands for a moment in the middle of history). An R-tree over (collection code,
 * [valid_from, valid_to − 1]), kept by triggers on document_versions, answers it in time
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
    close: Statement<[number, string, string, number]>;
    insert: Statement<[string, string, number, number, string]>;
    dropCollection: Statement<[string]>;
    code: Statement<[string]>;
    codes: Statement<[], { code: number; collection: string }>;
  };
  private codes: Map<string, number> | null = null;
  private readonly statements = new Map<string, Statement<unknown[], { body: string }>>();

  constructor(private readonly db: Db) {
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
    `);
    migrateRanges(db);
    this.stmt = {
      coverage: db.prepare('SELECT from_position, collections FROM version_coverage WHERE projection = ?'),
      cover: db.prepare('INSERT INTO version_coverage (projection, from_position, collections) VALUES (?, ?, ?)'),
      uncover: db.prepare('DELETE FROM version_coverage WHERE projection = ?'),
      seed: db.prepare(
        `INSERT OR REPLACE INTO document_versions (collection, id, valid_from, valid_to, body)
         SELECT collection, id, ?, ?, body FROM documents WHERE collection = ?`,
      ),
      // `+valid_to`: look the document up by its key, not among every open version of the collection.
      close: db.prepare(`UPDATE document_versions SET valid_to = ? WHERE collection = ? AND id = ? AND +valid_to = ?`),
      insert: db.prepare(
        `INSERT INTO document_versions (collection, id, valid_from, valid_to, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(collection, id, valid_from) DO UPDATE SET body = excluded.body, valid_to = excluded.valid_to`,
      ),
      dropCollection: db.prepare('DELETE FROM document_versions WHERE collection = ?'),
      code: db.prepare('INSERT OR IGNORE INTO version_collections (collection) VALUES (?)'),
      codes: db.prepare('SELECT code, collection FROM version_collections'),
    };
  }

  /** Inside the batch's transaction, before its document writes: the versions its events made. */
  record(batch: CommitBatch & { history: BatchHistory }): void {
    const { projection, fromPosition, history } = batch;
    const coverage = this.stmt.coverage.get(projection);
    // Every versioned collection has its code before its first version (the R-tree's triggers look it up).
    for (const c of history.collections) if (this.stmt.code.run(c).changes > 0) this.codes = null;
    if (!coverage) {
      this.stmt.cover.run(projection, fromPosition, JSON.stringify(history.collections));
      // Documents built before versions were kept stand, as they are now, for the checkpoint.
      if (fromPosition > 0) for (const c of history.collections) this.stmt.seed.run(fromPosition, OPEN, c);
    }
    // Each image is current until the next one of its document in the batch (or open): written once
    // with its range, instead of written open and closed again by the next (an update of the row
    // and of its R-tree entry). Only a document's first image closes the version stored before it.
    const versions = history.versions;
    const until = new Array<number>(versions.length);
    const next = new Map<string, number>();
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i];
      const key = `${v.collection}\u0000${v.id}`;
      until[i] = next.get(key) ?? OPEN;
      next.set(key, v.position);
    }
    const closed = new Set<string>();
    versions.forEach((v, i) => {
      const key = `${v.collection}\u0000${v.id}`;
      if (!closed.has(key)) {
        assertCollectionName(v.collection);
        closed.add(key);
        this.stmt.close.run(v.position, v.collection, v.id, OPEN);
      }
      if (v.doc) this.stmt.insert.run(v.collection, v.id, v.position, until[i], v.body ?? JSON.stringify(v.doc));
    });
  }

  /** With the projection's documents and checkpoint (a rebuild starts without history). */
  reset(projection: string, collections: readonly string[]): void {
    this.stmt.uncover.run(projection);
    for (const c of collections) this.stmt.dropCollection.run(c);
  }

  /** A read-only store of the collections as they stood at `position`; null when the versions do not cover it. */
  at(projection: string, position: number, checkpoint: Checkpoint | null, fields: (collection: string) => FieldKinds): ReadStore | null {
    const coverage = this.stmt.coverage.get(projection);
    if (!coverage || !checkpoint || coverage.from_position > position || checkpoint.position < position) return null;
    const collections = JSON.parse(coverage.collections) as string[];
    // Another connection (a projector of its own) may have added collections since they were read.
    if (!this.codes || collections.some((c) => !this.codes!.has(c))) this.codes = new Map(this.stmt.codes.all().map((r) => [r.collection, r.code]));
    return new VersionsAt(this.prepare, position, new Set(collections), this.codes, fields);
  }

  /** Statements are shared by every moment (one is made per request). */
  private readonly prepare: Prepare = (sql) => {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  };
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
  const range = (v: string) =>
    `INSERT OR REPLACE INTO document_version_ranges (vid, c_lo, c_hi, p_lo, p_hi)
       SELECT ${v}.rowid, k.code, k.code, ${v}.valid_from, min(${v}.valid_to, ${RANGE_MAX + 1}) - 1
       FROM version_collections AS k WHERE k.collection = ${v}.collection AND ${v}.valid_to > ${v}.valid_from`;
  db.transaction(() => {
    db.exec(`
      CREATE VIRTUAL TABLE document_version_ranges USING rtree_i32(vid, c_lo, c_hi, p_lo, p_hi);
      CREATE TRIGGER document_versions_ranged AFTER INSERT ON document_versions BEGIN
        ${range('new')};
      END;
      CREATE TRIGGER document_versions_reranged AFTER UPDATE ON document_versions BEGIN
        DELETE FROM document_version_ranges WHERE vid = old.rowid;
        ${range('new')};
      END;
      CREATE TRIGGER document_versions_unranged AFTER DELETE ON document_versions BEGIN
        DELETE FROM document_version_ranges WHERE vid = old.rowid;
      END;
      INSERT OR IGNORE INTO version_collections (collection) SELECT DISTINCT collection FROM document_versions;
    `);
    db.exec(`
      INSERT INTO document_version_ranges (vid, c_lo, c_hi, p_lo, p_hi)
        SELECT v.rowid, k.code, k.code, v.valid_from, min(v.valid_to, ${RANGE_MAX + 1}) - 1
        FROM document_versions AS v JOIN version_collections AS k ON k.collection = v.collection
        WHERE v.valid_to > v.valid_from
    `);
  })();
}

/**
 * The store as of one position. The documents current then are found in the R-tree of version
 * ranges (a stabbing query: it visits the versions current at P, not every version replaced after
 * it), and the filter's fields are tested in SQL on those rows as in the live store, so a board of
 * one county reads that county's versions. Only the rows SQL cannot decide exactly are parsed and
 * tested by mingo; sorting and paging stay in mingo over the (few) matches.
 */
class VersionsAt implements ReadStore {
  constructor(
    private readonly prepare: Prepare,
    private readonly position: number,
    private readonly collections: ReadonlySet<string>,
    private readonly codes: ReadonlyMap<string, number>,
    private readonly fields: (collection: string) => FieldKinds,
  ) {}

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
    const { docs, exact } = this.matching(collection, filter, orderBy, paging);
    if (exact && orderBy) return docs as unknown as D[];
    let cursor = new Query({}).find<AnyDocument>(docs).sort(sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.all() as unknown as D[];
  }

  async count(collection: string, filter?: Filter, options: { limit?: number } = {}): Promise<number> {
    return Math.min(this.matching(collection, filter, null, () => null).docs.length, options.limit ?? Infinity);
  }

  /**
   * The versions current at the position that match the filter, parsed. When SQL decides the
   * filter exactly and can sort, it also orders and pages them (as the live store does), so the
   * view does not sort a city's documents in JS.
   */
  private matching(
    collection: string,
    filter: Filter | undefined,
    orderBy: string | null,
    paging: (exact: boolean) => { skip: number; limit: number | undefined } | null,
  ): { docs: AnyDocument[]; exact: boolean } {
    this.assertVersioned(collection);
    const code = this.codes.get(collection);
    if (code === undefined) return { docs: [], exact: true };
    // Array fields are indexed (array_values) for the live documents only: here their elements are tested in the row's JSON.
    const plan = planFilter(collection, filter, this.fields(collection));
    const where = plan.where.length ? ` AND ${plan.where.join(' AND ')}` : '';
    const page = paging(plan.exact);
    const order = page && orderBy ? ` ORDER BY ${orderBy} LIMIT ${page.limit === undefined ? -1 : Math.max(0, page.limit)} OFFSET ${page.skip}` : '';
    const p = Math.min(this.position, RANGE_MAX);
    const rows = this.prepare(
      `SELECT body FROM document_version_ranges AS r JOIN document_versions ON document_versions.rowid = r.vid
       WHERE r.c_lo <= ? AND r.c_hi >= ? AND r.p_lo <= ? AND r.p_hi >= ?
         AND valid_from <= ? AND valid_to > ?${where}${order}`,
    ).all(code, code, p, p, this.position, this.position, ...plan.params);
    const docs = rows.map((r) => JSON.parse(r.body) as AnyDocument);
    if (plan.exact || !filter) return { docs, exact: true };
    const query = new Query(filter);
    return { docs: docs.filter((d) => query.test(d)), exact: false };
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
