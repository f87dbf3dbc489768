import type { BoardFilters, ProblemFilters, RowsPage } from '../api/queries';
import type { Handling, ProblemPage, WarningLevel } from '../api/view-types';
import type { SessionUser } from '../auth/session';

// A page's query from its address: used by the page and by its route's loader, so both ask the same.

/** The top of the reader's tree before the organization tree is known: their first scope root (none: the whole city). */
export function scopeRoot(user: Pick<SessionUser, 'scopeUnitIds'>): string | undefined {
  return user.scopeUnitIds[0];
}

export function boardFilters(params: URLSearchParams, root: string | undefined): BoardFilters {
  return {
    root,
    unitType: (params.get('unitType') as BoardFilters['unitType']) ?? undefined,
    phaseKey: params.get('phaseKey') ?? undefined,
    rankBy: (params.get('rankBy') as BoardFilters['rankBy']) ?? undefined,
  };
}

/** Rows of the board's ranking per page: the server ranks and pages, the page fetches only what it shows. */
export const BOARD_PAGE = 20;

export function boardRowsPage(params: URLSearchParams): RowsPage {
  const page = Number(params.get('page') ?? '1');
  const size = Number(params.get('pageSize') ?? BOARD_PAGE);
  const limit = [10, 20, 50, 100].includes(size) ? size : BOARD_PAGE;
  return { skip: (Number.isInteger(page) && page > 0 ? page - 1 : 0) * limit, limit };
}

export const PROBLEM_PAGE = 20;
const list = (v: string | null) => (v ? v.split(',') : undefined);

export function problemFilters(params: URLSearchParams, root: string | undefined): ProblemFilters {
  const page = Number(params.get('page') ?? '1');
  return {
    root,
    handling: list(params.get('handling')) as Handling[] | undefined,
    warningLevel: list(params.get('warningLevel')) as WarningLevel[] | undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    supervised: params.get('supervised') === 'true' ? true : undefined,
    skip: (page - 1) * PROBLEM_PAGE,
    limit: PROBLEM_PAGE,
  };
}

/**
 * Beyond the exact count the server gives only a lower bound: the pager then offers the pages up
 * to it, and one more while the server says a next page exists.
 */
export function pagerTotal(data: Pick<ProblemPage, 'total' | 'totalMoreThan' | 'next' | 'items'> | undefined, page: number): number {
  if (!data) return 0;
  if (data.total !== null) return data.total;
  const seen = (page - 1) * PROBLEM_PAGE + data.items.length;
  return Math.max((data.totalMoreThan ?? 0) + 1, seen + (data.next ? PROBLEM_PAGE : 0));
}
