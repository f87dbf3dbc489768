import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore, upsert, remove } from '@platform/read-models';
import { SEARCH_ENTRIES } from './search.documents';
import { SqliteSearchIndex } from './sqlite-search-index';
import { searchEntry as entry } from '../testing/search-index.contract';

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
    const keyRows = () => store.db.prepare<[], number>('SELECT count(*) FROM search_fts_v3_keys').pluck().get();
    /** A rebuild's stores: an entry stored, then stored again with more text, as the notes of a problem come. */
    const refill = async () => {
      await store.reset('search', [SEARCH_ENTRIES]);
      position = 0;
      await store.beginBulkLoad([SEARCH_ENTRIES]);
      await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '便民服务窗口推诿扯皮', ['b1'])), upsert(SEARCH_ENTRIES, entry('p2', '民生实事', '村道年久失修', ['b2'])));
      await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '已建立首问负责制', ['b1', 't1'])));
    };
    const indexedAfterRefill = async () => {
      expect(await ids(['首问负责'])).toEqual(['problem:p1']);
      expect(await ids(['年久失修'])).toEqual(['problem:p2']);
      expect(await ids(['推诿扯皮'])).toEqual([]);
      // The runs of 1–2 characters too.
      expect(await ids(['首问'])).toEqual(['problem:p1']);
      expect(await ids(['扯皮'])).toEqual([]);
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
    `);
    await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '便民服务窗口', ['b1'])));
    expect(await ids(['服务窗口'])).toEqual(['problem:p1']);
    const left = store.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'search_fts_v1%' OR name LIKE 'search_fts_v2%'").pluck().all();
    expect(left).toEqual([]);
  });
});
