import { ReadStore, remove, upsert } from '@platform/read-models';
import { SEARCH_ENTRIES, SearchEntry, SearchKind, withRuns } from '../search/search.documents';
import { SearchIndex } from '../search/search-index.port';

export interface SearchIndexHarness {
  /** A fresh, empty store (text index declared, as the projection runner does) and its search index. */
  open(): Promise<{ store: ReadStore; index: () => SearchIndex }>;
  cleanup(): Promise<void>;
}

export const searchEntry = (id: string, title: string, text: string, unitIds: string[], kind: SearchKind = 'problem'): SearchEntry =>
  withRuns({ _id: `${kind}:${id}`, kind, refId: id, campaignId: 'c1', unitIds, title, description: text, measures: [], notes: [], supervision: [], instructions: [] });

/** The entry with notes, supervision notes and instructions after its description, as the projection appends them. */
export const withPieces = (e: SearchEntry, lists: Partial<Pick<SearchEntry, 'notes' | 'supervision' | 'instructions'>>): SearchEntry => withRuns({ ...e, ...lists });

const everything = { ids: null, visible: () => true };
const only = (...ids: string[]) => ({ ids, visible: (u: string) => ids.includes(u) });

/**
 * What every search index answers alike, whichever store holds the entries: SQLite FTS5, MongoDB's
 * n-gram field, a scan. Order may differ (FTS5 ranks), so answers are compared as sets unless bounded.
 */
export function searchIndexContract(name: string, makeHarness: () => SearchIndexHarness): void {
  describe(`search index contract: ${name}`, () => {
    let harness: SearchIndexHarness;
    let store: ReadStore;
    let index: () => SearchIndex;
    let position = 0;
    const commit = (...writes: ReturnType<typeof upsert | typeof remove>[]) =>
      store.commit({ projection: 'search', version: 2, fromPosition: position, toPosition: ++position, writes });
    const find = async (terms: string[], opts: { kind?: SearchKind; units?: ReturnType<typeof only>; limit?: number } = {}) =>
      (await index().matches({ terms, kind: opts.kind ?? null, units: opts.units ?? everything, limit: opts.limit ?? 100 })).sort();

    beforeEach(async () => {
      harness = makeHarness();
      ({ store, index } = await harness.open());
      position = 0;
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('finds Chinese words of three or more characters anywhere in the title or the text, and follows replacements and deletions', async () => {
      await commit(
        upsert(SEARCH_ENTRIES, searchEntry('p1', '作风建设', '便民服务窗口推诿扯皮\n督查发现：窗口无人值守', ['b1'])),
        upsert(SEARCH_ENTRIES, searchEntry('p2', '民生实事', '村道年久失修', ['b2'])),
        upsert(SEARCH_ENTRIES, searchEntry('t1', '河洑镇党委', '', ['t1'], 'unit')),
      );
      expect(await find(['推诿扯皮'])).toEqual(['problem:p1']);
      expect(await find(['无人值守'])).toEqual(['problem:p1']);
      expect(await find(['河洑镇'])).toEqual(['unit:t1']);
      expect(await find(['作风建设'])).toEqual(['problem:p1']);
      await commit(upsert(SEARCH_ENTRIES, searchEntry('p1', '作风建设', '已建立首问负责制', ['b1'])), remove(SEARCH_ENTRIES, 'problem:p2'));
      expect(await find(['推诿扯皮'])).toEqual([]);
      expect(await find(['首问负责'])).toEqual(['problem:p1']);
      expect(await find(['年久失修'])).toEqual([]);
    });

    it('needs a term as written, not merely its three-character runs', async () => {
      await commit(upsert(SEARCH_ENTRIES, searchEntry('p1', '学习', '整改落实 改落后', ['b1'])));
      // 整改落 and 改落后 both occur, 整改落后 does not.
      expect(await find(['整改落后'])).toEqual([]);
      expect(await find(['整改落实'])).toEqual(['problem:p1']);
    });

    it('matches one- and two-character words, all the words of a query together, one kind when asked, Latin letters in any case', async () => {
      await commit(
        upsert(SEARCH_ENTRIES, searchEntry('p1', '作风建设', '服务窗口无人值守，党费收缴不及时', ['b1'])),
        upsert(SEARCH_ENTRIES, searchEntry('b1', '三中党支部', '', ['b1'], 'unit')),
        upsert(SEARCH_ENTRIES, searchEntry('p2', '办公', 'WPS Office 未正版化', ['b1'])),
        upsert('other_collection', { _id: 'x', title: '党费', text: '党费' } as never),
      );
      expect(await find(['党费'])).toEqual(['problem:p1']);
      expect(await find(['三中'])).toEqual(['unit:b1']);
      expect(await find(['窗口', '党费', '收缴不及时'])).toEqual(['problem:p1']);
      expect(await find(['窗口', '三中'])).toEqual([]);
      expect(await find(['党'])).toEqual(['problem:p1', 'unit:b1']);
      expect(await find(['党'], { kind: 'unit' })).toEqual(['unit:b1']);
      expect(await find(['office'])).toEqual(['problem:p2']);
      expect(await find(['wps'])).toEqual(['problem:p2']);
      expect(await find(['OF'])).toEqual(['problem:p2']);
    });

    it('finds the words of a problem\'s notes, supervision notes and instructions, together wherever each is, never across two of them', async () => {
      const p1 = searchEntry('p1', '作风建设', '便民服务窗口推诿扯皮', ['b1']);
      await commit(upsert(SEARCH_ENTRIES, withPieces(p1, { notes: ['已召开专题会议研究整改'] })));
      expect(await find(['专题会议'])).toEqual(['problem:p1']);
      await commit(upsert(SEARCH_ENTRIES, withPieces(p1, { notes: ['已召开专题会议研究整改', '落实首问负责制'], supervision: ['督查发现：窗口无人值守\n限期补齐台账'] })));
      expect(await find(['首问负责'])).toEqual(['problem:p1']);
      expect(await find(['专题会议', '首问负责', '无人值守', '推诿扯皮'])).toEqual(['problem:p1']);
      expect(await find(['补齐台账', '责'])).toEqual(['problem:p1']);
      expect(await find(['限期', '100%'])).toEqual([]);
      // 整改 ends one note and 落实 begins the next: 整改落实 is written nowhere.
      expect(await find(['整改落实'])).toEqual([]);
      expect(await find(['改落'])).toEqual([]);
      await commit(upsert(SEARCH_ENTRIES, withPieces(p1, { notes: ['已召开专题会议研究整改', '落实首问负责制，完成率100%'], supervision: ['督查发现：窗口无人值守\n限期补齐台账'], instructions: ['请于月底前销号'] })));
      expect(await find(['限期', '100%', '销号'])).toEqual(['problem:p1']);
      // A list not grown but rewritten: what it held before is gone.
      await commit(upsert(SEARCH_ENTRIES, withPieces(p1, { notes: ['整改落实到位'] })));
      expect(await find(['专题会议'])).toEqual([]);
      expect(await find(['首问负责'])).toEqual([]);
      expect(await find(['整改落实'])).toEqual(['problem:p1']);
      expect(await find(['销号'])).toEqual([]);
    });

    it('takes special characters literally', async () => {
      await commit(upsert(SEARCH_ENTRIES, searchEntry('p1', '比例', '完成率 100% (a.b)', ['b1'])));
      expect(await find(['100%'])).toEqual(['problem:p1']);
      expect(await find(['(a.b)'])).toEqual(['problem:p1']);
      expect(await find(['1_0%'])).toEqual([]);
      expect(await find(['(a.c)'])).toEqual([]);
      expect(await find(['.*'])).toEqual([]);
      expect(await find(['"引号"'])).toEqual([]);
    });

    it('answers only entries some unit of the view may see, and bounds the answer by the matches in view', async () => {
      const writes = [];
      for (let i = 0; i < 6; i++) writes.push(upsert(SEARCH_ENTRIES, searchEntry(`out-${i}`, '作风', `集中学习签到表缺失 ${i}`, ['b9'])));
      for (let i = 0; i < 3; i++) writes.push(upsert(SEARCH_ENTRIES, searchEntry(`in-${i}`, '作风', `集中学习签到表缺失 ${i}`, i === 0 ? ['b9', 'b1'] : ['b1'])));
      await commit(...writes);
      expect(await find(['签到表'], { units: only('b1') })).toEqual(['problem:in-0', 'problem:in-1', 'problem:in-2']);
      expect(await find(['签到'], { units: only('b1', 'b2') })).toEqual(['problem:in-0', 'problem:in-1', 'problem:in-2']);
      expect(await find(['签到表'], { units: only('b7') })).toEqual([]);
      const bounded = await find(['签到表'], { units: only('b1'), limit: 2 });
      expect(bounded).toHaveLength(2);
      expect(bounded.every((id) => id.startsWith('problem:in-'))).toBe(true);
      expect(await find(['签到表'], { limit: 4 })).toHaveLength(4);
      expect(await find(['签到表'])).toHaveLength(9);
    });
  });
}
