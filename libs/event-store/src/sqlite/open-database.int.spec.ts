import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store.contract';
import { DatabaseFileError } from './open-database';
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
});
