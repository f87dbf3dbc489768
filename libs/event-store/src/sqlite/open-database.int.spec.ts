import { Database as Db } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store.contract';
import { schemaChurning } from '../testing/schema-churn';
import { writeLockHeld } from '../testing/write-lock';
import { BUSY_WAIT_MS, DatabaseFileError, openDatabase } from './open-database';
import { SqliteEventStore } from './sqlite-event-store';

describe('opening a database file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-open-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function filledStore(): Promise<void> {
    const store = new SqliteEventStore({ file });
    for (let i = 0; i < 40; i++) await store.append(`s-${i}`, Array.from({ length: 25 }, (_, k) => newEvent('Filled', { i, k, pad: 'x'.repeat(200) })), 'no_stream');
    await store.close();
  }

  it('accepts a sound file, and a new one', async () => {
    await filledStore();
    const store = new SqliteEventStore({ file });
    expect(await store.headPosition()).toBe(1000);
    await store.close();
    const fresh = new SqliteEventStore({ file: join(dir, 'new', 'events.sqlite') });
    expect(await fresh.headPosition()).toBe(0);
    await fresh.close();
  });

  it('refuses a file that is not a database, naming it with SQLite\'s message', () => {
    writeFileSync(file, randomBytes(20_000));
    expect(() => new SqliteEventStore({ file })).toThrow(DatabaseFileError);
    expect(() => new SqliteEventStore({ file })).toThrow(`${file}: file is not a database [SQLITE_NOTADB]`);
  });

  it.each([
    ['by half', (size: number) => Math.floor(size / 2)],
    ['by its last pages only', (size: number) => size - 2 * 4096],
  ])('refuses a file cut short %s, though its header is intact', async (_, cut) => {
    await filledStore();
    truncateSync(file, cut(statSync(file).size));
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(() => new SqliteEventStore({ file })).toThrow(/events\.sqlite: database disk image is (malformed|truncated).*\[SQLITE_CORRUPT\]/);
  });

  it('waits for another process\'s write while opening, longer than a statement waits once open', async () => {
    await new SqliteEventStore({ file }).close();
    const holder = await writeLockHeld(file, 600);
    const t0 = Date.now();
    // Schema made while another connection writes, as a service starting beside a busy projector does.
    const db = openDatabase(file, (d) => d.exec('CREATE TABLE IF NOT EXISTS made_at_open (x)'), { openBusyWaitMs: 5_000, busyWaitMs: 100 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    await holder.released;
    expect(db.pragma('busy_timeout', { simple: true })).toBe(100);
    const again = await writeLockHeld(file, 600);
    expect(() => db.exec('INSERT INTO made_at_open VALUES (1)')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    await again.released;
    db.close();
    const store = openDatabase(file, () => undefined);
    expect(store.pragma('busy_timeout', { simple: true })).toBe(BUSY_WAIT_MS);
    store.close();
  });

  it('opens and compiles its statements while another connection keeps changing the schema, as a projector\'s first start does', async () => {
    const inWal = (d: Db) => {
      d.pragma('journal_mode = WAL');
      d.exec('CREATE TABLE IF NOT EXISTS churned (a, b); CREATE TABLE IF NOT EXISTS made_at_open (x)');
    };
    // A schema the size of a read store's (its views' tables, indexes and triggers), so each
    // connection's reading of it takes as long, and a change lands during it as often.
    openDatabase(file, (d) => {
      inWal(d);
      for (let t = 0; t < 300; t++) d.exec(`CREATE TABLE IF NOT EXISTS view_${t} (id TEXT PRIMARY KEY, body TEXT) WITHOUT ROWID`);
    }).close();
    const churn = await schemaChurning(file, 'churned');
    const failures: string[] = [];
    let opens = 0;
    let compiled = 0;
    try {
      // Many opens in the window: dozens failed here before opening and compiling tried again through the changes.
      for (let round = 0; round < 200; round++) {
        try {
          const db = openDatabase(file, inWal);
          opens++;
          // What a service compiles once open; running them is SQLite's to retry (it re-compiles up to 50 times).
          for (let k = 0; k < 20; k++) db.prepare(`SELECT count(*) FROM churned WHERE a = ${k}`), compiled++;
          db.close();
        } catch (error) {
          failures.push(String((error as Error).message));
        }
      }
    } finally {
      expect(await churn.stop()).toBeGreaterThan(100);
    }
    expect(failures).toEqual([]);
    expect({ opens, compiled }).toEqual({ opens: 200, compiled: 4000 });
  });

  it('passes on at once an error other than a schema change while compiling', () => {
    const db = openDatabase(file, () => undefined);
    expect(() => db.prepare('SELECT * FROM no_such_table')).toThrow(expect.objectContaining({ code: 'SQLITE_ERROR' }));
    db.close();
  });
});
