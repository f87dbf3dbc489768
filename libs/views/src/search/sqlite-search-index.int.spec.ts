import { SqliteReadStore, upsert, remove } from '@platform/read-models';
import { SEARCH_ENTRIES, SearchEntry } from './search.documents';
import { SqliteSearchIndex } from './sqlite-search-index';

const entry = (id: string, title: string, text: string, unitIds: string[], kind: SearchEntry['kind'] = 'problem'): SearchEntry => ({
  _id: `${kind}:${id}`, kind, refId: id, campaignId: 'c1', unitIds, title, text, description: text, measures: [], notes: [],
});

describe('the FTS5 trigram index kept by triggers on the embedded read store', () => {
  let store: SqliteReadStore;
  let position = 0;
  const commit = (...writes: ReturnType<typeof upsert | typeof remove>[]) =>
    store.commit({ projection: 'search', version: 1, fromPosition: position, toPosition: ++position, writes });
  const ids = async (terms: string[], kind: SearchEntry['kind'] | null = null) => (await new SqliteSearchIndex(store.db).matches(terms, kind)).map((m) => m.id);

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
    expect(await new SqliteSearchIndex(store.db).matches(['首问负责'], null)).toEqual([{ id: 'problem:p1', unitIds: ['b1', 't1'] }]);
    await commit(remove(SEARCH_ENTRIES, 'problem:p2'));
    expect(await ids(['年久失修'])).toEqual([]);
  });

  it('empties with a rebuild of the projection', async () => {
    new SqliteSearchIndex(store.db);
    await commit(upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '便民服务窗口', ['b1'])));
    await store.reset('search', [SEARCH_ENTRIES]);
    expect(await ids(['服务窗口'])).toEqual([]);
  });

  it('matches 1–2 character terms with LIKE, all terms together, a kind when asked, and no other collection', async () => {
    new SqliteSearchIndex(store.db);
    await commit(
      upsert(SEARCH_ENTRIES, entry('p1', '作风建设', '服务窗口无人值守，党费收缴不及时', ['b1'])),
      upsert(SEARCH_ENTRIES, entry('b1', '一村党支部', '', ['b1'], 'unit')),
      upsert('other_collection', { _id: 'x', title: '党费', text: '党费' } as never),
    );
    expect(await ids(['党费'])).toEqual(['problem:p1']);
    expect(await ids(['窗口', '党费', '收缴不及时'])).toEqual(['problem:p1']);
    expect((await ids(['村'])).sort()).toEqual(['unit:b1']);
    expect(await ids(['党'], 'unit')).toEqual(['unit:b1']);
    expect(await ids(['100%', '_'])).toEqual([]);
    expect(await ids(['"引号"'])).toEqual([]);
  });
});
