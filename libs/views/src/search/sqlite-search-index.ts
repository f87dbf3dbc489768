import type { Database } from 'better-sqlite3';
import { SEARCH_ENTRIES, SearchKind } from './search.documents';
import { SearchIndex, SearchQuery } from './search-index.port';
import { hasOnlyRuns, isIndexed } from './search-terms';

const V = 'search_fts_v3';
/** Names of earlier shapes of the index, dropped when this one is installed (v2: kept during rebuilds too). */
const PREVIOUS = ['search_fts_v1', 'search_fts_v2'];
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
 * A trigram index cannot find fewer than 3 characters, and reading every row for them costs
 * 50–100 ms at city scale; so a second, contentless FTS5 table holds each entry's `runs` (every
 * distinct character and pair of characters, see shortRuns) as tokens: a query of 1–2 character
 * words is a token lookup too. Kind and units sit in the key table, read by row id.
 *
 * The index is kept by triggers on the read store's documents table, so it changes in the same
 * transaction as the projection's batch and checkpoint, whichever process (platform or projector)
 * wrote it, and a rebuild that empties the collection empties it too. Installing it indexes the
 * documents already there. FTS5 needs integer row ids and documents has none, hence the key table.
 *
 * While a rebuild refills the entries (the read store's `bulk_loads` mark), the triggers leave
 * them unindexed, and deleting the mark indexes them all at once: a rebuild stores an entry
 * several times as its notes grow, and indexing each store, the old text removed and the new
 * added, took a rebuild of every view at twice the demo city's history 49-56 s for the search
 * alone, against 17-20 s with no index.
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
    let from: string;
    let order: string;
    if (indexed.length) {
      // The trigram index finds the candidates; short terms are checked on them with LIKE.
      from = `${V} AS f JOIN ${V}_keys AS k ON k.rowid = f.rowid`;
      where.push(`f.${V} MATCH ?`);
      params.push(phrases(indexed));
      for (const t of short) {
        where.push("(f.title LIKE ? ESCAPE '\\' OR f.body LIKE ? ESCAPE '\\')");
        params.push(likePattern(t), likePattern(t));
      }
      order = 'ORDER BY f.rank';
    } else if (short.every(hasOnlyRuns)) {
      // 1–2 characters: the index of runs holds each one as a token.
      from = `${V}_short AS s JOIN ${V}_keys AS k ON k.rowid = s.rowid`;
      where.push(`s.${V}_short MATCH ?`);
      params.push(phrases(short.map((t) => t.toLowerCase())));
      order = 'ORDER BY s.rowid';
    } else {
      // A short term of other characters (punctuation, spaces): LIKE reads rows until `limit` match.
      from = `${V} AS f JOIN ${V}_keys AS k ON k.rowid = f.rowid`;
      for (const t of short) {
        where.push("(f.title LIKE ? ESCAPE '\\' OR f.body LIKE ? ESCAPE '\\')");
        params.push(likePattern(t), likePattern(t));
      }
      order = 'ORDER BY f.rowid';
    }
    if (q.kind) {
      where.push('k.kind = ?');
      params.push(q.kind);
    }
    // The scope is applied inside the query, so LIMIT counts the reader's own matches only.
    if (q.units.ids !== null) where.push(`${VISIBLE}(k.units)`);
    const sql = `SELECT k.id AS id FROM ${from} WHERE ${where.join(' AND ')} ${order} LIMIT ?`;
    inView = q.units.visible;
    try {
      return this.db.prepare<unknown[], string>(sql).pluck().all(...params, q.limit);
    } finally {
      inView = null;
    }
  }

  private install(): void {
    const c = `'${SEARCH_ENTRIES}'`;
    const text = (row: 'new' | 'd') => `json_extract(${row}.body, '$.title'), json_extract(${row}.body, '$.text')`;
    const runs = (row: 'new' | 'd') => `json_extract(${row}.body, '$.runs')`;
    const keyed = (row: 'new' | 'd') => `json_extract(${row}.body, '$.kind'), (SELECT group_concat(value, ' ') FROM json_each(${row}.body, '$.unitIds'))`;
    const rowid = (row: 'new' | 'old') => `(SELECT rowid FROM ${V}_keys WHERE id = ${row}.id)`;
    // What the triggers run: the insert and update ones index the new row, the update and delete ones drop the old row's entries.
    const indexNew = `UPDATE ${V}_keys SET (kind, units) = (SELECT ${keyed('new')}) WHERE id = new.id;
            INSERT INTO ${V} (rowid, title, body) VALUES (${rowid('new')}, ${text('new')});
            INSERT INTO ${V}_short (rowid, runs) VALUES (${rowid('new')}, ${runs('new')});`;
    const unindexOld = `DELETE FROM ${V} WHERE rowid = ${rowid('old')};
            DELETE FROM ${V}_short WHERE rowid = ${rowid('old')};`;
    const emptied = `DELETE FROM ${V};
            INSERT INTO ${V}_short (${V}_short) VALUES ('delete-all');
            DELETE FROM ${V}_keys;`;
    // Every entry stored, at once: at installation and at the end of a rebuild.
    const indexAll = `${emptied}
            INSERT INTO ${V}_keys (id, kind, units) SELECT d.id, ${keyed('d')} FROM documents AS d WHERE d.collection = ${c};
            INSERT INTO ${V} (rowid, title, body) SELECT k.rowid, ${text('d')} FROM documents AS d JOIN ${V}_keys AS k ON k.id = d.id WHERE d.collection = ${c};
            INSERT INTO ${V}_short (rowid, runs) SELECT k.rowid, ${runs('d')} FROM documents AS d JOIN ${V}_keys AS k ON k.id = d.id WHERE d.collection = ${c};`;
    const kept = (row: 'new' | 'old') => `${row}.collection = ${c} AND NOT EXISTS (SELECT 1 FROM bulk_loads WHERE collection = ${c})`;
    const installed = () => this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = '${V}_insert'`).get() !== undefined;
    // Read first: the write lock the installation takes would wait for another connection's commit at every start.
    if (installed()) return;
    this.db
      .transaction(() => {
        if (installed()) return;
        // An index of an earlier shape: its triggers would keep writing it.
        for (const old of PREVIOUS) {
          for (const t of ['insert', 'update', 'delete', 'loading', 'loaded']) this.db.exec(`DROP TRIGGER IF EXISTS ${old}_${t}`);
          for (const t of ['', '_short', '_keys']) this.db.exec(`DROP TABLE IF EXISTS ${old}${t}`);
        }
        this.db.exec(`
          CREATE VIRTUAL TABLE IF NOT EXISTS ${V} USING fts5(title, body, tokenize = 'trigram');
          CREATE VIRTUAL TABLE IF NOT EXISTS ${V}_short USING fts5(runs, content = '', contentless_delete = 1, detail = 'none', tokenize = 'unicode61 remove_diacritics 0');
          CREATE TABLE IF NOT EXISTS ${V}_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT, units TEXT);
          ${indexAll}
          CREATE TRIGGER ${V}_insert AFTER INSERT ON documents WHEN ${kept('new')} BEGIN
            INSERT OR IGNORE INTO ${V}_keys (id) VALUES (new.id);
            ${indexNew}
          END;
          CREATE TRIGGER ${V}_update AFTER UPDATE ON documents WHEN ${kept('new')} BEGIN
            ${unindexOld}
            ${indexNew}
          END;
          CREATE TRIGGER ${V}_delete AFTER DELETE ON documents WHEN ${kept('old')} BEGIN
            ${unindexOld}
            DELETE FROM ${V}_keys WHERE id = old.id;
          END;
          CREATE TRIGGER ${V}_loading AFTER INSERT ON bulk_loads WHEN new.collection = ${c} BEGIN
            ${emptied}
          END;
          CREATE TRIGGER ${V}_loaded AFTER DELETE ON bulk_loads WHEN old.collection = ${c} BEGIN
            ${indexAll}
          END;
        `);
      })
      .immediate();
  }
}

/** FTS5 phrases, all required. */
const phrases = (terms: readonly string[]) => terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
