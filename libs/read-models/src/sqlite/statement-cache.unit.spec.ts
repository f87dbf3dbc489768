import Database from 'better-sqlite3';
import { StatementCache } from './statement-cache';

describe('StatementCache', () => {
  const db = new Database(':memory:');
  beforeAll(() => {
    db.exec('CREATE TABLE t (n INTEGER)');
    db.prepare('INSERT INTO t (n) SELECT value FROM json_each(?)').run(JSON.stringify(Array.from({ length: 50 }, (_, i) => i)));
  });
  afterAll(() => db.close());

  const page = (offset: number) => `SELECT n FROM t ORDER BY n LIMIT 2 OFFSET ${offset}`;

  it('prepares a statement once and gives it back while kept', () => {
    const cache = new StatementCache<{ n: number }>(db, 3);
    const first = cache.statement(page(0));
    expect(cache.statement(page(0))).toBe(first);
    expect(first.all()).toEqual([{ n: 0 }, { n: 1 }]);
  });

  it('keeps at most its bound, dropping the least recently used, and prepares a dropped one again when asked', () => {
    const cache = new StatementCache<{ n: number }>(db, 3);
    const kept = cache.statement(page(0));
    for (let offset = 1; offset <= 40; offset++) {
      expect(cache.statement(page(offset)).all()).toEqual([{ n: offset }, { n: offset + 1 }].filter((r) => r.n < 50));
      // Asked at every turn, the first stays the most recently used of all.
      expect(cache.statement(page(0))).toBe(kept);
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    const dropped = cache.statement(page(1));
    expect(dropped.all()).toEqual([{ n: 1 }, { n: 2 }]);
    expect(cache.size).toBe(3);
  });
});
