import { describe, expect, it } from 'vitest';
import { boardFilters, boardRowsPage, pagerTotal, problemFilters, scopeRoot } from './page-filters';

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

  it('reads the board’s ranking order and its page into skip and limit, 20 rows unless another offered size is named', () => {
    expect(boardFilters(new URLSearchParams('rankBy=stepCompletion'), 'YL')).toEqual({ root: 'YL', rankBy: 'stepCompletion' });
    expect(boardRowsPage(new URLSearchParams(''))).toEqual({ skip: 0, limit: 20 });
    expect(boardRowsPage(new URLSearchParams('page=3'))).toEqual({ skip: 40, limit: 20 });
    expect(boardRowsPage(new URLSearchParams('page=2&pageSize=50'))).toEqual({ skip: 50, limit: 50 });
    expect(boardRowsPage(new URLSearchParams('page=-1&pageSize=7'))).toEqual({ skip: 0, limit: 20 });
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

describe('the problem list pager', () => {
  const items = (n: number) => Array.from({ length: n }, () => ({}) as never);
  it('uses the exact total when the server gives one', () => {
    expect(pagerTotal({ total: 37, totalMoreThan: null, next: null, items: items(20) }, 1)).toBe(37);
  });
  it('beyond the exact count, offers the pages up to the bound and one more while a next page exists', () => {
    expect(pagerTotal({ total: null, totalMoreThan: 1000, next: 'c', items: items(20) }, 1)).toBe(1001);
    expect(pagerTotal({ total: null, totalMoreThan: 1000, next: 'c', items: items(20) }, 60)).toBe(59 * 20 + 20 + 20);
    expect(pagerTotal({ total: null, totalMoreThan: 1000, next: null, items: items(7) }, 60)).toBe(59 * 20 + 7);
  });
});
