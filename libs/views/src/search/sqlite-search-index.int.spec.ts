import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore, upsert, remove } from '@platform/read-models';
import { SEARCH_ENTRIES } from './search.documents';
import { SqliteSearchIndex } from './sqlite-search-index';
import { searchEntry as entry, withPieces } from '../testing/search-index.contract';

// What it matches is the search index contract's (search-index.contract.int.spec.ts); here, how the index is kept.
describe('the FTS5 trigram index kept by triggers on the embedded read store', () => {
  let store: SqliteReadStore;
  let position = 0;
  const commit = (...writes: ReturnType<typeof upsert | typeof remove>[]) =>
    store.commit({ projection: 'search', version: 2, fromPosition: position, toPosition: ++position, writes });
  const ids = (terms: string[]) => new SqliteSearchIndex(store.db).matches({ terms, kind: null, units: { ids: null, visible: () => true }, limit: 100 });

  beforeEach(() => {
    store = new SqliteReadStore({ file: ':memory:' });
    position = 0;
  });
  afterEach(() => store.close());

  it('indexes the documents already there when installed, then follows every batch', async () => {
    await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '便民服务窗口推诿扯皮', ['b1'])));
    expect(await ids(['推诿扯皮'])).toEqual(['problem:p1']);
    await commit(upsert(SEARCH_ENTRIES, entry('p2', '民生实事', '村道年久失修', ['b2'])), upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '已建立首问负责制', ['b1', 't1'])));
    expect(await ids(['推诿扯皮'])).toEqual([]);
    expect(await ids(['首问负责'])).toEqual(['problem:p1']);
    await commit(remove(SEARCH_ENTRIES, 'problem:p2'));
    expect(await ids(['年久失修'])).toEqual([]);
  });

  it('empties with a rebuild of the projection', async () => {
    new SqliteSearchIndex(store.db);
    await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '便民服务窗口', ['b1'])));
    await store.reset('search', [SEARCH_ENTRIES]);
    expect(await ids(['服务窗口'])).toEqual([]);
  });

  describe('in a rebuild (the collection marked as refilled, see beginBulkLoad)', () => {
    const keyRows = () => store.db.prepare<[], number>('SELECT count(*) FROM search_fts_v4_keys').pluck().get();
    /** A rebuild's stores: an entry stored, then stored again with more text, as the notes of a problem come. */
    const refill = async () => {
      await store.reset('search', [SEARCH_ENTRIES]);
      position = 0;
      await store.beginBulkLoad([SEARCH_ENTRIES]);
      await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '便民服务窗口推诿扯皮', ['b1'])), upsert(SEARCH_ENTRIES, entry('p2', '民生实事', '村道年久失修', ['b2'])));
      await commit(upsert(SEARCH_ENTRIES, withPieces(entry('p1', '作风建设', '已建立首问负责制', ['b1', 't1']), { notes: ['窗口值守排班已公示'], instructions: ['请于月底前销号'] })));
    };
    const indexedAfterRefill = async () => {
      expect(await ids(['首问负责'])).toEqual(['problem:p1']);
      expect(await ids(['年久失修'])).toEqual(['problem:p2']);
      expect(await ids(['推诿扯皮'])).toEqual([]);
      // The runs of 1–2 characters too.
      expect(await ids(['首问'])).toEqual(['problem:p1']);
      expect(await ids(['扯皮'])).toEqual([]);
      // And the notes and instructions.
      expect(await ids(['排班已公示', '销号'])).toEqual(['problem:p1']);
    };

    it('indexes nothing while it stores, and every entry once at its end; then each batch again', async () => {
      await commit(upsert(SEARCH_ENTRIES, entry('p0', '作风建设', '签到表缺失', ['b1'])));
      new SqliteSearchIndex(store.db);
      await refill();
      expect(keyRows()).toBe(0);
      expect(await ids(['首问负责'])).toEqual([]);
      await store.finishBulkLoad([SEARCH_ENTRIES]);
      expect(keyRows()).toBe(2);
      await indexedAfterRefill();
      expect(await ids(['签到表'])).toEqual([]);
      await commit(upsert(SEARCH_ENTRIES, entry('p3', '作风建设', '会议记录不全', ['b3'])));
      expect(await ids(['会议记录'])).toEqual(['problem:p3']);
    });

    it('installed while a rebuild stores: what is stored is indexed at once, the rest at its end', async () => {
      await refill();
      new SqliteSearchIndex(store.db);
      expect(await ids(['首问负责'])).toEqual(['problem:p1']);
      await commit(upsert(SEARCH_ENTRIES, entry('p3', '作风建设', '会议记录不全', ['b3'])));
      expect(await ids(['会议记录'])).toEqual([]);
      await store.finishBulkLoad([SEARCH_ENTRIES]);
      expect(await ids(['会议记录'])).toEqual(['problem:p3']);
      await indexedAfterRefill();
    });

    it('killed before its end: the next runner\'s start (its declaration of the indexes) indexes what it stored', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'search-fts-'));
      try {
        store.close();
        store = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
        new SqliteSearchIndex(store.db);
        await refill();
        await store.close();
        store = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
        expect(await ids(['首问负责'])).toEqual([]);
        store.ensureIndexes(SEARCH_ENTRIES, { kind: 'scalar' });
        await indexedAfterRefill();
        await commit(upsert(SEARCH_ENTRIES, entry('p3', '作风建设', '会议记录不全', ['b3'])));
        expect(await ids(['会议记录'])).toEqual(['problem:p3']);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('indexes the pieces a note adds, never again the ones before it; a changed head or a rewritten list again whole', async () => {
    new SqliteSearchIndex(store.db);
    // What each commit changes: FTS5 writes each piece's row and size as it is indexed, so an update that indexed the pieces before
    // the new one again would change two rows more per piece. Merging segments is turned off, so that their writes come at no commit.
    store.db.exec(`INSERT INTO search_fts_v4 (search_fts_v4, rank) VALUES ('automerge', 0); INSERT INTO search_fts_v4 (search_fts_v4, rank) VALUES ('crisismerge', 10000);`);
    let changed = store.db.prepare<[], number>('SELECT total_changes()').pluck().get()!;
    const written = () => {
      const before = changed;
      changed = store.db.prepare<[], number>('SELECT total_changes()').pluck().get()!;
      return changed - before;
    };
    const p1 = entry('p1', '作风建设', '便民服务窗口推诿扯皮', ['b1']);
    const notes: string[] = [];
    await commit(upsert(SEARCH_ENTRIES, p1));
    const perNote: number[] = [];
    for (let i = 1; i <= 40; i++) {
      notes.push(`第${i}次整改进展：已召开专题会议`);
      written();
      await commit(upsert(SEARCH_ENTRIES, withPieces(p1, { notes })));
      perNote.push(written());
    }
    // The read store's own bookkeeping changes a few rows more at some commits, so the least of ten is compared.
    const least = (xs: number[]) => Math.min(...xs);
    expect(least(perNote.slice(30))).toBe(least(perNote.slice(0, 10)));
    await commit(upsert(SEARCH_ENTRIES, withPieces(p1, { notes, supervision: ['督查发现：窗口无人值守'], instructions: ['请于月底前销号'] })));
    expect(await ids(['第40次', '无人值守', '销号', '推诿扯皮'])).toEqual(['problem:p1']);
    await commit(upsert(SEARCH_ENTRIES, withPieces({ ...p1, title: '作风问题' }, { notes, supervision: ['督查发现：窗口无人值守'], instructions: ['请于月底前销号'] })));
    expect(await ids(['作风建设'])).toEqual([]);
    expect(await ids(['作风问题', '第3次'])).toEqual(['problem:p1']);
    // The first note dropped: the list did not grow from the stored one.
    await commit(upsert(SEARCH_ENTRIES, withPieces({ ...p1, title: '作风问题' }, { notes: notes.slice(1), supervision: ['督查发现：窗口无人值守'], instructions: ['请于月底前销号'] })));
    expect(await ids(['第1次'])).toEqual([]);
    expect(await ids(['第2次'])).toEqual(['problem:p1']);
    expect(await ids(['第40次'])).toEqual(['problem:p1']);
    await commit(remove(SEARCH_ENTRIES, 'problem:p1'));
    expect(await ids(['销号'])).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM search_fts_v4').pluck().get()).toBe(0);
  });

  it('ranks the best match first', async () => {
    await commit(
      upsert(SEARCH_ENTRIES, entry('p1', '作风建设', `签到表缺失${'，其他情况'.repeat(40)}`, ['b1'])),
      upsert(SEARCH_ENTRIES, entry('p2', '作风建设', '签到表缺失，签到表未归档', ['b1'])),
    );
    expect(await ids(['签到表'])).toEqual(['problem:p2', 'problem:p1']);
  });

  it('drops the indexes of earlier shapes, whose triggers would keep writing them', async () => {
    store.db.exec(`
      CREATE VIRTUAL TABLE search_fts_v1 USING fts5(title, body, kind UNINDEXED, units UNINDEXED, tokenize = 'trigram');
      CREATE TABLE search_fts_v1_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
      CREATE TRIGGER search_fts_v1_insert AFTER INSERT ON documents BEGIN INSERT INTO search_fts_v1_keys (id) VALUES (new.id); END;
      CREATE VIRTUAL TABLE search_fts_v2_short USING fts5(runs, content = '', contentless_delete = 1, detail = 'none');
      CREATE TABLE search_fts_v2_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT, units TEXT);
      CREATE TRIGGER search_fts_v2_update AFTER UPDATE ON documents BEGIN INSERT INTO search_fts_v2_keys (id) VALUES (new.id); END;
      CREATE VIRTUAL TABLE search_fts_v3 USING fts5(title, body, tokenize = 'trigram');
      CREATE TABLE search_fts_v3_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT, units TEXT);
      CREATE TRIGGER search_fts_v3_insert AFTER INSERT ON documents BEGIN INSERT INTO search_fts_v3_keys (id) VALUES (new.id); END;
    `);
    await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '便民服务窗口', ['b1'])));
    expect(await ids(['服务窗口'])).toEqual(['problem:p1']);
    const left = store.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'search_fts_v1%' OR name LIKE 'search_fts_v2%' OR name LIKE 'search_fts_v3%'").pluck().all();
    expect(left).toEqual([]);
  });
});
