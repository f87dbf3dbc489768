import type { Database as Db, Statement } from 'better-sqlite3';
import { Query } from 'mingo';
import { assertCollectionName, stableSort } from '../memory/documents';
import { AnyDocument, BatchHistory, Checkpoint, CommitBatch, Filter, FindOptions, ReadDocument, ReadStore } from '../read-store.port';

/** valid_to of the version that is still current. */
const OPEN = Number.MAX_SAFE_INTEGER;

/**
 * Every version of the documents of versioned collections, with the range of positions in which
 * it was current: what the document was from the event `valid_from` until the event `valid_to`
 * replaced or deleted it. "As of P" is then the documents with valid_from ≤ P < valid_to: one
 * indexed range per collection, no replay.
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
  };

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
      -- "current at P": valid_to > P AND valid_from <= P, decided inside the index.
      CREATE INDEX IF NOT EXISTS document_versions_at ON document_versions (collection, valid_to, valid_from);
      CREATE TABLE IF NOT EXISTS version_coverage (
        projection    TEXT    PRIMARY KEY,
        from_position INTEGER NOT NULL,
        collections   TEXT    NOT NULL
      );
    `);
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
    };
  }

  /** Inside the batch's transaction, before its document writes: the versions its events made. */
  record(batch: CommitBatch & { history: BatchHistory }): void {
    const { projection, fromPosition, history } = batch;
    const coverage = this.stmt.coverage.get(projection);
    if (!coverage) {
      this.stmt.cover.run(projection, fromPosition, JSON.stringify(history.collections));
      // Documents built before versions were kept stand, as they are now, for the checkpoint.
      if (fromPosition > 0) for (const c of history.collections) this.stmt.seed.run(fromPosition, OPEN, c);
    }
    for (const v of history.versions) {
      assertCollectionName(v.collection);
      this.stmt.close.run(v.position, v.collection, v.id, OPEN);
      if (v.doc) this.stmt.insert.run(v.collection, v.id, v.position, OPEN, JSON.stringify(v.doc));
    }
  }

  /** With the projection's documents and checkpoint (a rebuild starts without history). */
  reset(projection: string, collections: readonly string[]): void {
    this.stmt.uncover.run(projection);
    for (const c of collections) this.stmt.dropCollection.run(c);
  }

  /** A read-only store of the collections as they stood at `position`; null when the versions do not cover it. */
  at(projection: string, position: number, checkpoint: Checkpoint | null): ReadStore | null {
    const coverage = this.stmt.coverage.get(projection);
    if (!coverage || !checkpoint || coverage.from_position > position || checkpoint.position < position) return null;
    return new VersionsAt(this.db, position, new Set(JSON.parse(coverage.collections) as string[]));
  }
}

/**
 * The store as of one position. Queries read the versions current then (one range on an index)
 * and let mingo filter, sort and page them: at city scale a versioned collection holds a few
 * thousand documents per campaign, so this costs about what the live query does.
 */
class VersionsAt implements ReadStore {
  private readonly getStmt: Statement<[string, string, number, number], { body: string }>;
  private readonly allStmt: Statement<[string, number, number], { body: string }>;

  constructor(
    db: Db,
    private readonly position: number,
    private readonly collections: ReadonlySet<string>,
  ) {
    this.getStmt = db.prepare('SELECT body FROM document_versions WHERE collection = ? AND id = ? AND valid_from <= ? AND valid_to > ?');
    this.allStmt = db.prepare('SELECT body FROM document_versions WHERE collection = ? AND valid_to > ? AND valid_from <= ?');
  }

  async get<D extends ReadDocument = AnyDocument>(collection: string, id: string): Promise<D | null> {
    this.assertVersioned(collection);
    const row = this.getStmt.get(collection, id, this.position, this.position);
    return row ? (JSON.parse(row.body) as D) : null;
  }

  async find<D extends ReadDocument = AnyDocument>(collection: string, filter?: Filter, options: FindOptions = {}): Promise<D[]> {
    let cursor = new Query(filter ?? {}).find<AnyDocument>(this.current(collection)).sort(stableSort(options.sort));
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.all() as unknown as D[];
  }

  async count(collection: string, filter?: Filter, options: { limit?: number } = {}): Promise<number> {
    const query = new Query(filter ?? {});
    return Math.min(this.current(collection).filter((d) => query.test(d)).length, options.limit ?? Infinity);
  }

  private current(collection: string): AnyDocument[] {
    this.assertVersioned(collection);
    return this.allStmt.all(collection, this.position, this.position).map((r) => JSON.parse(r.body) as AnyDocument);
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
