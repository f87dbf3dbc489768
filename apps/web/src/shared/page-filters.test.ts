import { describe, expect, it } from 'vitest';
import { boardFilters, problemFilters, scopeRoot } from './page-filters';

describe('page filters from the address', () => {
  it('starts at the reader’s first scope root, or the whole city when none is set', () => {
    expect(scopeRoot({ scopeUnitIds: ['YL', 'YL-01'] })).toBe('YL');
    expect(scopeRoot({ scopeUnitIds: [] })).toBeUndefined();
  });

  it('reads the board’s unit type and phase, leaving out what the address does not name', () => {
    expect(boardFilters(new URLSearchParams('unitType=rural&phaseKey=study'), 'YL')).toEqual({ root: 'YL', unitType: 'rural', phaseKey: 'study' });
    // Undefined members drop out of the cache key, so the page and its loader ask the same.
    expect(JSON.stringify(boardFilters(new URLSearchParams(''), 'YL'))).toBe('{"root":"YL"}');
  });

  it('reads the ledger’s lists, the overdue switch and the page into skip and limit', () => {
    expect(problemFilters(new URLSearchParams('handling=deferred,joint&warningLevel=red&overdue=true&page=3'), 'YL-02')).toEqual({
      root: 'YL-02',
      handling: ['deferred', 'joint'],
      warningLevel: ['red'],
      overdue: true,
      skip: 40,
      limit: 20,
    });
    expect(problemFilters(new URLSearchParams('overdue=false'), undefined)).toMatchObject({ overdue: undefined, skip: 0, limit: 20 });
  });
});
