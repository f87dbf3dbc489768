import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OtherWriters } from './other-writers';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('other writers of a database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'other-writers-'));
  const file = join(dir, 'x.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sees another connection's commit from the next turn on, asking SQLite at most once per turn", async () => {
    const ours = new Database(file);
    ours.pragma('journal_mode = WAL');
    ours.exec('CREATE TABLE IF NOT EXISTS t (v INTEGER)');
    const watch = new OtherWriters(ours);
    // Another process's connection: not one this process watches.
    const theirs = new Database(file);
    expect(watch.wroteSince()).toBe(false);
    theirs.prepare('INSERT INTO t VALUES (1)').run();
    // Asked already in this turn: the answer holds for the rest of it.
    expect(watch.wroteSince()).toBe(false);
    await nextTurn();
    expect(watch.wroteSince()).toBe(true);
    expect(watch.wroteSince()).toBe(false);
    // Its own connection's writes are not another's.
    await nextTurn();
    ours.prepare('INSERT INTO t VALUES (2)').run();
    expect(watch.wroteSince()).toBe(false);
    watch.close();
    theirs.close();
    ours.close();
  });

  it('knows at once of a write through another watched connection of this process', () => {
    const a = new Database(file);
    const b = new Database(file);
    const watchA = new OtherWriters(a);
    const watchB = new OtherWriters(b);
    expect(watchA.wroteSince()).toBe(false);
    b.prepare('INSERT INTO t VALUES (3)').run();
    watchB.wrote();
    expect(watchA.wroteSince()).toBe(true);
    expect(watchA.wroteSince()).toBe(false);
    expect(watchB.wroteSince()).toBe(false);
    watchA.close();
    watchB.close();
    a.close();
    b.close();
  });
});
