import type { Database as Db, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';

/**
 * Prepared statements kept per cache, at most: far more than the query shapes a server asks in
 * turn, so that a statement is rarely prepared again, and about 15 MB at 7 KB a statement.
 */
export const STATEMENTS_KEPT = 2_000;

/**
 * A connection's prepared statements by SQL text, the least recently used dropped beyond `max`
 * (re-prepared when asked again). Query shapes are few, but a page's size and offset stand in its
 * SQL as literals: a client paging through a list with ever new offsets made a new statement per
 * page, each kept for as long as the server ran (20,000 offsets of one problem-list query on the
 * demo city's read store: 145 MB).
 */
export class StatementCache<R> {
  private readonly kept: LRUCache<string, Statement<unknown[], R>>;

  constructor(
    private readonly db: Db,
    max = STATEMENTS_KEPT,
  ) {
    this.kept = new LRUCache({ max });
  }

  statement(sql: string): Statement<unknown[], R> {
    let stmt = this.kept.get(sql);
    if (!stmt) this.kept.set(sql, (stmt = this.db.prepare<unknown[], R>(sql)));
    return stmt;
  }

  /** Statements kept now. */
  get size(): number {
    return this.kept.size;
  }
}
