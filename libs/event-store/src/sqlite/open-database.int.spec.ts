import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store.contract';
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
});
