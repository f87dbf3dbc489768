import { describe, expect, it } from 'vitest';
import type { BoardRow, Unit } from '../api/view-types';
import { ancestry, childLines, childUnder, topOf } from './drill';

const unit = (unitId: string, parentId: string | null, name = unitId): Unit => ({ unitId, parentId, name, level: '', levelName: '', unitTypeName: '', memberCount: 0 });
const UNITS = [unit('city', null, '市'), unit('c1', 'city', '甲区'), unit('t1', 'c1', '甲镇'), unit('b1', 't1'), unit('b2', 't1'), unit('b3', 'c1'), unit('c2', 'city')];
const byId = new Map(UNITS.map((u) => [u.unitId, u]));
const row = (unitId: string, parentId: string, stageName: string) => ({ unitId, parentId, stageName, stage: 'consolidation', phase: null, name: unitId }) as unknown as BoardRow;

describe('drill-down', () => {
  it('walks up to the top for the breadcrumbs', () => {
    expect(ancestry(byId, 'b1').map((u) => u.name)).toEqual(['市', '甲区', '甲镇', 'b1']);
  });

  it('finds the child of the root a unit lies under', () => {
    expect(childUnder(byId, 'city', 'b1')).toBe('c1');
    expect(childUnder(byId, 'c1', 'b1')).toBe('t1');
    expect(childUnder(byId, 'c2', 'b1')).toBeNull();
  });

  it('groups enrolled units by the root child they lie under, counting stages, and keeps a unit that hangs directly below the root', () => {
    const lines = childLines(byId, 'c1', [row('b1', 't1', '学习动员'), row('b2', 't1', '整改提高'), row('b3', 'c1', '学习动员')], []);
    expect(lines.map((l) => [l.unitId, l.stages, l.row?.unitId ?? null])).toEqual([
      ['b3', { 学习动员: 1 }, 'b3'],
      ['t1', { 学习动员: 1, 整改提高: 1 }, null],
    ]);
  });

  it('starts at the reader scope root, or at the top of the tree', () => {
    expect(topOf(UNITS, ['c1'])).toBe('c1');
    expect(topOf(UNITS, [])).toBe('city');
  });
});
