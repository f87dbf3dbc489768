import type { SqliteReadStore } from '../sqlite/sqlite-read-store';

export interface StatementRun {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * Records every statement the store runs from now on, with its parameters, and gives each one's
 * query plan as SQLite would run it: how a test checks that a query goes through an index.
 */
export function recordStatements(store: SqliteReadStore): { readonly ran: StatementRun[]; planOf(run: StatementRun): string } {
  const ran: StatementRun[] = [];
  const prepare = store.db.prepare.bind(store.db);
  jest.spyOn(store.db, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['all', 'get', 'iterate'] as const) {
      const run = (statement[method] as (...params: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => (ran.push({ sql, params }), run(...params));
    }
    return statement;
  }) as typeof store.db.prepare);
  return {
    ran,
    planOf: ({ sql, params }) => (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((s) => s.detail).join('; '),
  };
}
