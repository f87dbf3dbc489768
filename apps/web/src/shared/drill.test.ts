import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/view-types';
import { ancestry, topOf } from './drill';

const unit = (unitId: string, parentId: string | null, name = unitId): Unit => ({ unitId, parentId, name, level: '', levelName: '', unitTypeName: '', memberCount: 0 });
const UNITS = [unit('city', null, '市'), unit('c1', 'city', '甲区'), unit('t1', 'c1', '甲镇'), unit('b1', 't1'), unit('b2', 't1'), unit('b3', 'c1'), unit('c2', 'city')];
const byId = new Map(UNITS.map((u) => [u.unitId, u]));

describe('drill-down', () => {
  it('walks up to the top for the breadcrumbs', () => {
    expect(ancestry(byId, 'b1').map((u) => u.name)).toEqual(['市', '甲区', '甲镇', 'b1']);
  });

  it('starts at the reader scope root, or at the top of the tree', () => {
    expect(topOf(UNITS, ['c1'])).toBe('c1');
    expect(topOf(UNITS, [])).toBe('city');
  });
});
