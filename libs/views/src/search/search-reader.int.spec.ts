import { OrganizationTree } from '@platform/domain';
import { InMemoryReadStore, upsert } from '@platform/read-models';
import { NotFoundException } from '@nestjs/common';
import { ViewMoment } from '../shared/view-moment';
import { searchEntry } from '../testing/search-index.contract';
import { SEARCH_ENTRIES } from './search.documents';
import { SEARCH_EXACT_TOTAL_UP_TO, SearchReader } from './search-reader';

describe('search reader: counts bounded, pages from the matches in view', () => {
  const tree = new OrganizationTree();
  for (const [unitId, parentId] of [['city', null], ['t1', 'city'], ['b1', 't1'], ['b2', 't1']] as const)
    tree.apply({ type: 'UnitCreated', data: { unitId, name: unitId, level: parentId ? 'branch' : 'city', unitType: 'rural', parentId, memberCount: 1 } } as never);
  const moment = { tree } as unknown as ViewMoment;
  const admin: { all: boolean; roots: string[] } = { all: true, roots: [] };
  let reader: SearchReader;

  beforeAll(async () => {
    const store = new InMemoryReadStore();
    const writes = Array.from({ length: SEARCH_EXACT_TOTAL_UP_TO + 5 }, (_, i) => upsert(SEARCH_ENTRIES, searchEntry(`p${String(i).padStart(4, '0')}`, '作风建设', '签到表缺失', [i < 7 ? 'b2' : 'b1'])));
    await store.commit({ projection: 'search', version: 2, fromPosition: 0, toPosition: 1, writes });
    reader = new SearchReader(store);
  });
  const search = (over: object, scope = admin) => reader.search(moment, scope, { q: '签到表', kind: null, root: null, page: 1, pageSize: 20, ...over });

  it('counts up to 1000 and says that more match instead of counting them all', async () => {
    expect(await search({}).then((r) => [r.total, r.totalMoreThan, r.items.length])).toEqual([1000, 1000, 20]);
  });

  it('counts exactly as far as the requested page reaches', async () => {
    const last = await search({ page: 21, pageSize: 50 });
    expect([last.total, last.totalMoreThan, last.items.length]).toEqual([1005, null, 5]);
  });

  it('counts only the matches in view, exactly when few', async () => {
    const b2 = await search({}, { all: false, roots: ['b2'] });
    expect([b2.total, b2.totalMoreThan, b2.items.map((h) => h.id)]).toEqual([7, null, ['p0000', 'p0001', 'p0002', 'p0003', 'p0004', 'p0005', 'p0006']]);
    expect((await search({ root: 'b2' })).total).toBe(7);
    await expect(search({ root: 'b1' }, { all: false, roots: ['b2'] })).rejects.toBeInstanceOf(NotFoundException);
  });
});
