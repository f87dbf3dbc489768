import type { Database } from 'better-sqlite3';
import { SEARCH_ENTRIES, SearchKind } from './search.documents';
import { SearchIndex, SearchQuery } from './search-index.port';
import { hasOnlyRuns, isIndexed } from './search-terms';

const V = 'search_fts_v4';
/** Names of earlier shapes of the index, dropped when this one is installed (v2: kept during rebuilds too; v3: a row per entry). */
const PREVIOUS = ['search_fts_v1', 'search_fts_v2', 'search_fts_v3'];
/** An SQL function of this connection: does the reader's view hold one of an entry's units (space-separated)? */
const VISIBLE = 'search_in_view';

/**
 * A piece's row id in the trigram table: its entry's key row id shifted left by ENTRY_BITS, plus
 * its part shifted by PART_BITS, plus its place in that part's list. Part 0 is the head (title,
 * description, measures), then one part per list an entry only ever appends to.
 */
const ENTRY_BITS = 24;
const PART_BITS = 22;
/** An item beyond this place in its list (4,194,304) is not indexed: its row id would be the next part's. */
const PART_SIZE = 2 ** PART_BITS;
const LISTS = [
  { part: 1, path: '$.notes' },
  { part: 2, path: '$.supervision' },
  { part: 3, path: '$.instructions' },
] as const;
const entryOf = (rowid: string) => `(${rowid} >> ${ENTRY_BITS})`;
const firstPiece = (keyRowid: string) => `(${keyRowid} << ${ENTRY_BITS})`;
const lastPiece = (keyRowid: string) => `((${keyRowid} << ${ENTRY_BITS}) + ${2 ** ENTRY_BITS - 1})`;

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
 * The trigram table holds an entry as pieces, a row each: its head (title, description, measures)
 * and every note, supervision note and instruction. A problem's entry grows by a note at a time,
 * and an entry held as one row was indexed again whole at every note — 16 µs for an entry of one
 * note, 300 µs at 100, 2.5 ms at 1,000 — while a piece is indexed once, when it comes. A term never
 * holds white space, so none could match across two pieces (joined by line breaks in `text`);
 * the words of a query may be in different pieces of one entry, so each is looked up alone and
 * the entries intersected.
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
    const runs = short.filter(hasOnlyRuns);
    const others = short.filter((t) => !hasOnlyRuns(t));
    const where: string[] = [];
    const params: unknown[] = [];
    let from: string;
    let order: string;
    // The short terms looked up one by one after the first lookup: runs in their index, others with LIKE.
    let eachRun = runs;
    let eachOther = others;
    if (indexed.length) {
      // Each term's entries, with the rank of its best piece; the entries holding them all, best first by the ranks' sum.
      const terms = indexed.map((_, i) => `t${i}`);
      const found = terms.map((t) => `${t} AS (SELECT ${entryOf('rowid')} AS e, min(rank) AS r FROM ${V} WHERE ${V} MATCH ? GROUP BY e)`);
      params.push(...indexed.map((t) => phrases([t])));
      const inAll = terms[0] + terms.slice(1).map((t) => ` JOIN ${t} USING (e)`).join('');
      from = `(WITH ${found.join(', ')} SELECT e, ${terms.map((t) => `${t}.r`).join(' + ')} AS r FROM ${inAll}) AS m JOIN ${V}_keys AS k ON k.rowid = m.e`;
      order = 'ORDER BY m.r';
    } else if (runs.length) {
      // 1–2 characters: the index of runs holds each one as a token.
      from = `${V}_short AS s JOIN ${V}_keys AS k ON k.rowid = s.rowid`;
      where.push(`s.${V}_short MATCH ?`);
      params.push(phrases(runs.map((t) => t.toLowerCase())));
      eachRun = [];
      order = 'ORDER BY s.rowid';
    } else {
      // Short terms of other characters only (punctuation): the first is looked for with LIKE in every piece, the others in its entries' pieces.
      from = `(SELECT DISTINCT ${entryOf('p.rowid')} AS e FROM ${V} AS p WHERE ${liked('p')}) AS m JOIN ${V}_keys AS k ON k.rowid = m.e`;
      params.push(...likePatterns(others[0]));
      eachOther = others.slice(1);
      order = 'ORDER BY m.e';
    }
    for (const t of eachRun) {
      where.push(`k.rowid IN (SELECT rowid FROM ${V}_short WHERE ${V}_short MATCH ?)`);
      params.push(phrases([t.toLowerCase()]));
    }
    for (const t of eachOther) {
      where.push(`EXISTS (SELECT 1 FROM ${V} AS p WHERE p.rowid BETWEEN ${firstPiece('k.rowid')} AND ${lastPiece('k.rowid')} AND ${liked('p')})`);
      params.push(...likePatterns(t));
    }
    if (q.kind) {
      where.push('k.kind = ?');
      params.push(q.kind);
    }
    // The scope is applied inside the query, so LIMIT counts the reader's own matches only.
    if (q.units.ids !== null) where.push(`${VISIBLE}(k.units)`);
    const sql = `SELECT k.id AS id FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ${order} LIMIT ?`;
    inView = q.units.visible;
    try {
      return this.db.prepare<unknown[], string>(sql).pluck().all(...params, q.limit);
    } finally {
      inView = null;
    }
  }

  private install(): void {
    const c = `'${SEARCH_ENTRIES}'`;
    const head = (row: 'new' | 'd') =>
      `json_extract(${row}.body, '$.title'), concat_ws(char(10), json_extract(${row}.body, '$.description'), (SELECT group_concat(value, char(10)) FROM json_each(${row}.body, '$.measures')))`;
    const headChanged = ['title', 'description', 'measures'].map((f) => `json_extract(old.body, '$.${f}') IS NOT json_extract(new.body, '$.${f}')`).join(' OR ');
    const runs = (row: 'new' | 'd') => `json_extract(${row}.body, '$.runs')`;
    const keyed = (row: 'new' | 'd') => `json_extract(${row}.body, '$.kind'), (SELECT group_concat(value, ' ') FROM json_each(${row}.body, '$.unitIds'))`;
    const rowid = (row: 'new' | 'old') => `(SELECT rowid FROM ${V}_keys WHERE id = ${row}.id)`;
    const pieceOf = (key: string, part: number, item: string) => `${firstPiece(key)} + ${part << PART_BITS} + ${item}`;
    /** The stored entry's items of the list from place `from` on, as its pieces. */
    const listPieces = (list: (typeof LISTS)[number], from: string) =>
      `SELECT ${pieceOf(rowid('new'), list.part, 'j.key')}, NULL, j.value FROM json_each(new.body, '${list.path}') AS j WHERE j.key >= ${from} AND j.key < ${PART_SIZE}`;
    // A list grown from the stored one: not shorter, and the stored last item still in its place. Its items are read one by one, never the
    // list as JSON text, which SQLite would render anew at each call (115 µs for the text of a problem of 300 notes).
    const grown = (path: string) => {
      const was = `json_array_length(old.body, '${path}')`;
      const kept = `json_extract(new.body, '${path}[' || (${was} - 1) || ']') IS json_extract(old.body, '${path}[#-1]')`;
      return `(SELECT CASE WHEN coalesce(${was}, 0) = 0 THEN 1 WHEN json_array_length(new.body, '${path}') >= ${was} THEN ${kept} ELSE 0 END)`;
    };
    const keysChanged = `(kind, units) IS NOT (SELECT ${keyed('new')})`;
    const runsChanged = `${runs('new')} IS NOT json_extract(old.body, '$.runs')`;
    const allGrown = LISTS.map((l) => grown(l.path)).join(' AND ');
    const fromAll = (from: (l: (typeof LISTS)[number]) => string) => LISTS.map((l) => listPieces(l, from(l))).join(' UNION ALL ');
    // What the triggers run. A stored entry changes by a note at a time: its update indexes the new items of the lists that grew (the projection
    // only ever appends to them), in one statement, and leaves the rest to triggers that run when their part changed, each tested once —
    // every statement parses the entry's JSON again.
    const indexNew = `UPDATE ${V}_keys SET (kind, units) = (SELECT ${keyed('new')}) WHERE id = new.id;
            INSERT INTO ${V} (rowid, title, body) VALUES (${firstPiece(rowid('new'))}, ${head('new')});
            INSERT INTO ${V} (rowid, title, body) ${fromAll(() => '0')};
            INSERT INTO ${V}_short (rowid, runs) VALUES (${rowid('new')}, ${runs('new')});`;
    const indexAdded = `UPDATE ${V}_keys SET (kind, units) = (SELECT ${keyed('new')}) WHERE id = new.id AND ${keysChanged};
            INSERT INTO ${V} (rowid, title, body) ${fromAll((l) => `(SELECT CASE WHEN ${grown(l.path)} THEN json_array_length(old.body, '${l.path}') ELSE ${PART_SIZE} END)`)};`;
    const indexHead = `DELETE FROM ${V} WHERE rowid = ${firstPiece(rowid('old'))};
            INSERT INTO ${V} (rowid, title, body) VALUES (${firstPiece(rowid('new'))}, ${head('new')});`;
    const indexRewrittenLists = LISTS.map(
      (l) => `DELETE FROM ${V} WHERE NOT ${grown(l.path)} AND rowid BETWEEN ${pieceOf(rowid('old'), l.part, '0')} AND ${pieceOf(rowid('old'), l.part, String(PART_SIZE - 1))};
            INSERT INTO ${V} (rowid, title, body) ${listPieces(l, '0')} AND NOT ${grown(l.path)};`,
    ).join('\n            ');
    const indexRuns = `DELETE FROM ${V}_short WHERE rowid = ${rowid('old')};
            INSERT INTO ${V}_short (rowid, runs) VALUES (${rowid('new')}, ${runs('new')});`;
    const unindexOld = `DELETE FROM ${V} WHERE rowid BETWEEN ${firstPiece(rowid('old'))} AND ${lastPiece(rowid('old'))};
            DELETE FROM ${V}_short WHERE rowid = ${rowid('old')};`;
    const emptied = `DELETE FROM ${V};
            INSERT INTO ${V}_short (${V}_short) VALUES ('delete-all');
            DELETE FROM ${V}_keys;`;
    // Every entry stored, at once: at installation and at the end of a rebuild.
    const stored = `FROM documents AS d JOIN ${V}_keys AS k ON k.id = d.id WHERE d.collection = ${c}`;
    const storedItems = (list: (typeof LISTS)[number]) =>
      `SELECT ${pieceOf('k.rowid', list.part, 'j.key')}, NULL, j.value FROM documents AS d JOIN json_each(d.body, '${list.path}') AS j JOIN ${V}_keys AS k ON k.id = d.id WHERE d.collection = ${c} AND j.key < ${PART_SIZE}`;
    const indexAll = `${emptied}
            INSERT INTO ${V}_keys (id, kind, units) SELECT d.id, ${keyed('d')} FROM documents AS d WHERE d.collection = ${c};
            INSERT INTO ${V} (rowid, title, body) SELECT ${firstPiece('k.rowid')}, ${head('d')} ${stored};
            INSERT INTO ${V} (rowid, title, body) ${LISTS.map(storedItems).join(' UNION ALL ')};
            INSERT INTO ${V}_short (rowid, runs) SELECT k.rowid, ${runs('d')} ${stored};`;
    const kept = (row: 'new' | 'old') => `${row}.collection = ${c} AND NOT EXISTS (SELECT 1 FROM bulk_loads WHERE collection = ${c})`;
    const installed = () => this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = '${V}_insert'`).get() !== undefined;
    // Read first: the write lock the installation takes would wait for another connection's commit at every start.
    if (installed()) return;
    this.db
      .transaction(() => {
        if (installed()) return;
        // An index of an earlier shape: its triggers would keep writing it.
        for (const old of PREVIOUS) {
          for (const t of ['insert', 'update', 'update_head', 'update_lists', 'update_runs', 'delete', 'loading', 'loaded']) this.db.exec(`DROP TRIGGER IF EXISTS ${old}_${t}`);
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
            ${indexAdded}
          END;
          CREATE TRIGGER ${V}_update_head AFTER UPDATE ON documents WHEN ${kept('new')} AND (${headChanged}) BEGIN
            ${indexHead}
          END;
          CREATE TRIGGER ${V}_update_lists AFTER UPDATE ON documents WHEN ${kept('new')} AND NOT (${allGrown}) BEGIN
            ${indexRewrittenLists}
          END;
          CREATE TRIGGER ${V}_update_runs AFTER UPDATE ON documents WHEN ${kept('new')} AND ${runsChanged} BEGIN
            ${indexRuns}
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
/** A piece's title or body holds the term: its two parameters are likePatterns(term). */
const liked = (piece: string) => `(${piece}.title LIKE ? ESCAPE '\\' OR ${piece}.body LIKE ? ESCAPE '\\')`;
const likePatterns = (t: string) => [likePattern(t), likePattern(t)];
