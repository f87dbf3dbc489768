import { planOrganizationImport } from './organization-import';
import { OrganizationTree } from './organization-tree';

const row = (unitId: string, level: string, parentId = '', extra: Record<string, unknown> = {}) => ({
  unitId,
  name: `单位${unitId}`,
  level,
  unitType: 'rural',
  parentId,
  ...extra,
});

describe('organization import plan', () => {
  it('orders parents before children whatever the file order, with Chinese headers and names', () => {
    const plan = planOrganizationImport(
      [
        { 编码: 'b1', 名称: '村支部', 层级: '党支部', 类型: '农村', 上级编码: 't1', 党员数: '31' },
        { 编码: 't1', 名称: '乡镇', 层级: '乡镇', 类型: '农村', 上级编码: 'county', 党员数: '' },
        { 编码: 'county', 名称: '县', 层级: 'county', 类型: 'agency', 上级编码: 'city' },
      ],
      treeWithCity(),
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.events.map((e) => e.data.unitId)).toEqual(['county', 't1', 'b1']);
    expect(plan.events[2].data).toMatchObject({ level: 'branch', unitType: 'rural', memberCount: 31, parentId: 't1' });
  });

  it('reports every bad row with field and rule, and plans nothing', () => {
    const plan = planOrganizationImport(
      [
        row('t1', 'township', 'city'),
        row('t1', 'township', 'city'),
        row('x y', 'branch', 't1'),
        row('b2', 'province', 't1'),
        row('b3', 'branch', 'ghost'),
        row('b4', 'branch', 't1', { memberCount: '-3' }),
        row('c2', 'county', 't1'),
        row('b5', 'branch', ''),
      ],
      treeWithCity(),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => `${e.row}:${e.field}:${e.rule}`)).toEqual([
      '2:unitId:unique',
      '3:unitId:pattern',
      '4:level:enum',
      '5:parentId:exists',
      '6:memberCount:integer_min_0',
      '7:level:fits_parent',
      '8:parentId:required',
    ]);
  });

  it('refuses names with control or bidi override characters', () => {
    const plan = planOrganizationImport(
      [row('t1', 'township', 'city', { name: '河洑镇\u0000' }), row('t2', 'township', 'city', { name: '\u202e镇洑河' }), row('t3', 'township', 'city')],
      treeWithCity(),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => `${e.row}:${e.field}:${e.rule}`)).toEqual(['1:name:noControlCharacters', '2:name:noControlCharacters']);
  });

  it('refuses ids that already exist and closed parents', () => {
    const tree = treeWithCity();
    tree.apply({ type: 'UnitCreated', data: { unitId: 'old', name: '旧县', level: 'county', unitType: 'agency', parentId: 'city', memberCount: 0 } });
    tree.apply({ type: 'UnitClosed', data: { unitId: 'old', reason: '撤并' } });
    const plan = planOrganizationImport([row('city', 'township', 'old'), row('t2', 'township', 'old')], tree);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => `${e.row}:${e.field}:${e.rule}`)).toEqual(['1:unitId:unique', '2:parentId:open']);
  });

  it('refuses cycles among committees in the file', () => {
    const plan = planOrganizationImport(
      [row('c1', 'committee', 'c2'), row('c2', 'committee', 'c1')],
      treeWithCity(),
    );
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.errors[0]).toMatchObject({ field: 'parentId', rule: 'acyclic' });
  });

  it('starts an empty deployment at a county: its one row without a parent is the root', () => {
    const plan = planOrganizationImport([row('t1', 'township', 'county'), row('county', 'county')], new OrganizationTree());
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.events.map((e) => [e.data.unitId, e.data.parentId])).toEqual([['county', null], ['t1', 'county']]);
  });

  it('refuses a second root, and a root beside an existing one', () => {
    const two = planOrganizationImport([row('county', 'county'), row('county-2', 'county')], new OrganizationTree());
    expect(two.ok ? [] : two.errors.map((e) => [e.row, e.field, e.rule])).toEqual([[1, 'parentId', 'required'], [2, 'parentId', 'required']]);
    const beside = planOrganizationImport([row('county-2', 'county')], treeWithCity());
    expect(beside.ok ? [] : beside.errors.map((e) => [e.field, e.rule])).toEqual([['parentId', 'required']]);
  });

  it('refuses an empty file', () => {
    const plan = planOrganizationImport([], treeWithCity());
    expect(plan).toEqual({ ok: false, errors: [expect.objectContaining({ row: 0, rule: 'not_empty' })] });
  });
});

function treeWithCity(): OrganizationTree {
  const tree = new OrganizationTree();
  tree.apply({ type: 'UnitCreated', data: { unitId: 'city', name: '市', level: 'city', unitType: 'agency', parentId: null, memberCount: 0 } });
  return tree;
}
