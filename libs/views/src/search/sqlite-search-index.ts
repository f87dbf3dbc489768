import type { Database } from 'better-sqlite3';
import { SEARCH_ENTRIES, SearchKind } from './search.documents';
import { SearchIndex, SearchQuery } from './search-index.port';
import { isIndexed } from './search-terms';

const V = 'search_fts_v1';
/** An SQL function of this connection: does the reader's view hold one of an entry's units (space-separated)? */
const VISIBLE = 'search_in_view';

/**
 * The view of the query being run: better-sqlite3 runs a statement synchronously, so no other
 * query can start while one reads it.
 */
let inView: ((unitId: string) => boolean) | null = null;
const withFunction = new WeakSet<Database>();

/**
 * FTS5 with the trigram tokenizer over the search entries of the embedded read store: Chinese
 * needs no word segmenter, any substring of 3 or more characters is found through the index.
 *
 * The index is kept by triggers on the read store's documents table, so it changes in the same
 * transaction as the projection's batch and checkpoint, whichever process (platform or projector)
 * wrote it, and a rebuild that empties the collection empties it too. Installing it indexes the
 * documents already there. FTS5 needs integer row ids and documents has none, hence the key table.
 */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Database) {
    this.install();
    if (!withFunction.has(db)) {
      db.function(VISIBLE, { deterministic: false }, (units: unknown) => {
        if (!inView || typeof units !== 'string' || !units) return 0;
        for (const u of units.split(' ')) if (inView(u)) return 1;
        return 0;
      });
      withFunction.add(db);
    }
  }

  async matches(q: SearchQuery): Promise<string[]> {
    if (!q.terms.length || q.limit <= 0) return [];
    const indexed = q.terms.filter(isIndexed);
    const short = q.terms.filter((t) => !isIndexed(t));
    const where: string[] = [];
    const params: unknown[] = [];
    if (indexed.length) {
      where.push(`f.${V} MATCH ?`);
      params.push(indexed.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND '));
    }
    for (const t of short) {
      // LIKE on the trigram table itself: the index cannot serve fewer than 3 characters, so this
      // reads rows until `limit` matches in view are found (every row when fewer match).
      where.push("(f.title LIKE ? ESCAPE '\\' OR f.body LIKE ? ESCAPE '\\')");
      const pattern = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(pattern, pattern);
    }
    if (q.kind) {
      where.push('f.kind = ?');
      params.push(q.kind);
    }
    // The scope is applied inside the query, so LIMIT counts the reader's own matches only.
    if (q.units.ids !== null) where.push(`${VISIBLE}(f.units)`);
    const order = indexed.length ? 'ORDER BY f.rank' : 'ORDER BY f.rowid';
    const sql = `SELECT k.id AS id FROM ${V} AS f JOIN ${V}_keys AS k ON k.rowid = f.rowid WHERE ${where.join(' AND ')} ${order} LIMIT ?`;
    inView = q.units.visible;
    try {
      return this.db.prepare<unknown[], { id: string }>(sql).pluck().all(...params, q.limit) as unknown as string[];
    } finally {
      inView = null;
    }
  }

  private install(): void {
    const c = `'${SEARCH_ENTRIES}'`;
    const values = (row: 'new' | 'd') =>
      `json_extract(${row}.body, '$.title'), json_extract(${row}.body, '$.text'), json_extract(${row}.body, '$.kind'), (SELECT group_concat(value, ' ') FROM json_each(${row}.body, '$.unitIds'))`;
    this.db
      .transaction(() => {
        const installed = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = '${V}_insert'`).get();
        if (installed) return;
        this.db.exec(`
          CREATE VIRTUAL TABLE IF NOT EXISTS ${V} USING fts5(title, body, kind UNINDEXED, units UNINDEXED, tokenize = 'trigram');
          CREATE TABLE IF NOT EXISTS ${V}_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
          DELETE FROM ${V};
          DELETE FROM ${V}_keys;
          INSERT INTO ${V}_keys (id) SELECT id FROM documents WHERE collection = ${c};
          INSERT INTO ${V} (rowid, title, body, kind, units)
            SELECT k.rowid, ${values('d')} FROM documents AS d JOIN ${V}_keys AS k ON k.id = d.id WHERE d.collection = ${c};
          CREATE TRIGGER ${V}_insert AFTER INSERT ON documents WHEN new.collection = ${c} BEGIN
            INSERT OR IGNORE INTO ${V}_keys (id) VALUES (new.id);
            INSERT INTO ${V} (rowid, title, body, kind, units) VALUES ((SELECT rowid FROM ${V}_keys WHERE id = new.id), ${values('new')});
          END;
          CREATE TRIGGER ${V}_update AFTER UPDATE ON documents WHEN new.collection = ${c} BEGIN
            DELETE FROM ${V} WHERE rowid = (SELECT rowid FROM ${V}_keys WHERE id = old.id);
            INSERT INTO ${V} (rowid, title, body, kind, units) VALUES ((SELECT rowid FROM ${V}_keys WHERE id = new.id), ${values('new')});
          END;
          CREATE TRIGGER ${V}_delete AFTER DELETE ON documents WHEN old.collection = ${c} BEGIN
            DELETE FROM ${V} WHERE rowid = (SELECT rowid FROM ${V}_keys WHERE id = old.id);
            DELETE FROM ${V}_keys WHERE id = old.id;
          END;
        `);
      })
      .immediate();
  }
}
