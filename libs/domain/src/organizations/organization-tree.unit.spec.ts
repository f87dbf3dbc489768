import { OrganizationTree } from './organization-tree';

describe('organization tree', () => {
  const tree = new OrganizationTree();
  const add = (unitId: string, level: 'city' | 'county' | 'township' | 'branch', parentId: string | null) =>
    tree.apply({ type: 'UnitCreated', data: { unitId, name: unitId, level, unitType: 'rural', parentId, memberCount: 1 } });
  add('city', 'city', null);
  add('c1', 'county', 'city');
  add('c2', 'county', 'city');
  add('t1', 'township', 'c1');
  add('b1', 'branch', 't1');
  add('b2', 'branch', 't1');

  it('answers ancestors, subtrees and scope membership', () => {
    expect(tree.ancestorIds('b1')).toEqual(['city', 'c1', 't1']);
    expect(tree.subtreeIds('c1').sort()).toEqual(['b1', 'b2', 'c1', 't1']);
    expect(tree.isWithin('b2', 'c1')).toBe(true);
    expect(tree.isWithin('b2', 'c2')).toBe(false);
    expect(tree.parentFacts('t1')).toEqual({ unitId: 't1', level: 'township', closed: false, ancestorIds: ['city', 'c1'] });
    expect(tree.parentFacts('ghost')).toBeNull();
  });

  it('follows moves, renames and closures', () => {
    tree.apply({ type: 'UnitMoved', data: { unitId: 't1', parentId: 'c2', previousParentId: 'c1' } });
    expect(tree.subtreeIds('c1')).toEqual(['c1']);
    expect(tree.ancestorIds('b1')).toEqual(['city', 'c2', 't1']);
    tree.apply({ type: 'UnitClosed', data: { unitId: 'b2', reason: 'x' } });
    expect(tree.openChildCount('t1')).toBe(1);
    tree.apply({ type: 'UnitRenamed', data: { unitId: 'b1', name: '新名', previousName: 'b1' } });
    expect(tree.get('b1')?.name).toBe('新名');
  });
});
