import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/view-types';
import { ancestry, stageColor, stageKey, stageOrder, topOf } from './drill';

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

describe('stage colours', () => {
  const order = stageOrder([{ key: 'study' }, { key: 'review' }, { key: 'rectify' }]);

  it('gives a stage one colour whichever other stages a subtree has', () => {
    const all = ['study', 'review', 'rectify', 'concluded'].map((k) => stageColor(order, k));
    expect(new Set(all).size).toBe(4);
    expect(stageColor(order, 'review')).toBe(all[1]);
    expect(stageColor(order, 'concluded')).toBe(all[3]);
  });

  it('keys a row by its phase while in one, else by its stage', () => {
    expect(order).toEqual(['study', 'review', 'rectify', 'consolidation', 'summary', 'concluded']);
    expect(stageKey({ stage: 'in_phase', phase: { key: 'review', name: '分析评议' } as never })).toBe('review');
    expect(stageKey({ stage: 'concluded', phase: null })).toBe('concluded');
  });
});
