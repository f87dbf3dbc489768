import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import { projectionLeasesContract } from '../testing/projection-leases.contract';
import { projectionLeasesFor } from './projection-leases.factory';
import { SqliteProjectionLeases } from './sqlite-projection-leases';

projectionLeasesContract('SQLite, two connections to one file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leases-'));
  const stores: SqliteReadStore[] = [];
  return {
    open: async () => {
      stores.push(new SqliteReadStore({ file: join(dir, 'read-models.sqlite') }), new SqliteReadStore({ file: join(dir, 'read-models.sqlite') }));
      return { a: projectionLeasesFor(stores[0]), b: projectionLeasesFor(stores[1]) };
    },
    cleanup: async () => {
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite leases: a hold that does not wait for the write lock', () => {
  const now = new Date('2026-05-01T08:00:00Z');
  const request = { projection: 'job:notary', owner: 'api-1', ttlMs: 30_000, now, wait: false } as const;
  let dir: string;
  let ours: Database.Database;
  let other: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leases-busy-'));
    ours = new Database(join(dir, 'read-models.sqlite'));
    ours.pragma('journal_mode = WAL');
    ours.pragma('busy_timeout = 7000');
    other = new Database(join(dir, 'read-models.sqlite'));
  });
  afterEach(() => {
    ours.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers busy at once while another connection holds the lock, writes nothing, and keeps the busy timeout of its connection', async () => {
    const leases = new SqliteProjectionLeases(ours);
    other.prepare('BEGIN IMMEDIATE').run();
    expect(await leases.hold(request)).toEqual({ held: false, lease: null, busy: true });
    expect(ours.pragma('busy_timeout', { simple: true })).toBe(7000);
    other.prepare('COMMIT').run();
    expect(await leases.leases()).toEqual([]);
    expect(await leases.hold(request)).toMatchObject({ held: true, lease: { owner: 'api-1' } });
    expect(ours.pragma('busy_timeout', { simple: true })).toBe(7000);
  });

  it('still refuses a lease another owner holds, busy or not', async () => {
    const leases = new SqliteProjectionLeases(ours);
    await new SqliteProjectionLeases(other).hold({ ...request, owner: 'api-2', wait: undefined });
    expect(await leases.hold(request)).toMatchObject({ held: false, lease: { owner: 'api-2' } });
    expect((await leases.hold(request)).busy).toBeUndefined();
  });
});
