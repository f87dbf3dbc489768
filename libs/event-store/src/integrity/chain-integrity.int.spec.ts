import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { newEvent } from '../testing/event-store.contract';
import { CHAIN_BREAK_ACKNOWLEDGED, CHAIN_INTEGRITY_STREAM, ChainIntegrity } from './chain-integrity';
import { ChainAcknowledgementError, ChainBrokenError } from './chain-integrity.errors';

const admin = { userId: 'admin-1', role: 'admin', unitId: null };
const alarms: string[] = [];
const logger = { log: () => undefined, error: (m: string) => void alarms.push(m) };

describe('chain integrity: verified at start and in the background, writes refused while broken', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let integrity: ChainIntegrity;

  async function open(): Promise<void> {
    store = new SqliteEventStore({ file });
    integrity = new ChainIntegrity(store, { intervalMs: 0, fullSweepMs: 0, logger });
    await integrity.start();
  }
  async function reopen(): Promise<void> {
    integrity.stop();
    await store.close();
    await open();
  }
  const append = (n: number, stream = 's') =>
    store.append(`${stream}-${Math.random().toString(36).slice(2)}`, Array.from({ length: n }, (_, i) => newEvent('Noted', { i })), 'no_stream');

  beforeEach(async () => {
    alarms.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'es-integrity-'));
    file = join(dir, 'events.sqlite');
    await open();
  });
  afterEach(async () => {
    integrity.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts an intact chain and on later runs verifies only what was appended since the marker', async () => {
    await append(30);
    expect(await integrity.verify('incremental')).toMatchObject({ state: 'ok', verifiedPosition: 30, brokenAt: null });
    await reopen();
    expect(integrity.status()).toMatchObject({ state: 'ok', verifiedPosition: 30 });
    await append(5);
    const verifier = (integrity as unknown as { verifier: { incremental(): Promise<{ checked: number }> } }).verifier;
    expect((await verifier.incremental()).checked).toBe(5);
    expect(alarms).toEqual([]);
  });

  it('starts while another process holds the file\'s write lock: the chain is verified, and the marker moves at the next verification', async () => {
    await append(30);
    integrity.stop();
    await store.close();
    // A short wait once open, so that the lock held below outlasts it as another process's long write would.
    store = new SqliteEventStore({ file });
    store.db.pragma('busy_timeout = 50');
    integrity = new ChainIntegrity(store, { intervalMs: 0, fullSweepMs: 0, logger });
    const verifier = (integrity as unknown as { verifier: { marker(): { position: number } | null; incremental(): Promise<{ checked: number }> } }).verifier;
    expect(verifier.marker()).toMatchObject({ position: 0 });
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    await integrity.start();
    expect(integrity.status()).toMatchObject({ state: 'ok', verifiedPosition: 30, brokenAt: null });
    expect(verifier.marker()).toMatchObject({ position: 0 });
    other.prepare('COMMIT').run();
    other.close();
    await integrity.verify('incremental');
    expect(verifier.marker()).toMatchObject({ position: 30 });
    expect(alarms).toEqual([]);
  });

  it('refuses an altered event appended after the marker at the next start, naming its position', async () => {
    await append(10);
    await integrity.verify('incremental');
    await append(10);
    store.db.prepare(`UPDATE events SET data = '{"i":99}' WHERE position = 14`).run();
    await reopen();
    expect(integrity.status()).toMatchObject({ state: 'broken', brokenAt: 14, reason: 'stored content does not match its hash', verifiedPosition: 13 });
    expect(alarms.join('\n')).toMatch(/ALARM: EVENT HASH CHAIN BROKEN at position 14/);
  });

  it('refuses an altered event behind the marker at the next full sweep', async () => {
    await append(20);
    await integrity.verify('incremental');
    store.db.prepare(`UPDATE events SET data = '{"i":99}' WHERE position = 3`).run();
    expect((await integrity.verify('incremental')).state).toBe('ok');
    expect(await integrity.verify('full')).toMatchObject({ state: 'broken', brokenAt: 3 });
  });

  it('refuses a deleted event, a deleted tail and swapped events', async () => {
    await append(20);
    await integrity.verify('incremental');
    store.db.prepare('DELETE FROM events WHERE position = 7').run();
    expect(await integrity.verify('incremental')).toMatchObject({ state: 'broken', brokenAt: 7, reason: 'position 7 is missing' });

    await reopen();
    store.db.prepare('DELETE FROM events WHERE position >= 7').run();
    expect(await integrity.verify('incremental')).toMatchObject({ state: 'broken', brokenAt: 7, reason: 'events 7–20 were verified before and are missing now' });

    const other = join(dir, 'swapped.sqlite');
    integrity.stop();
    await store.close();
    file = other;
    await open();
    await append(6);
    store.db.exec(`UPDATE events SET position = -1 WHERE position = 2; UPDATE events SET position = 2 WHERE position = 3; UPDATE events SET position = 3 WHERE position = -1;`);
    expect(await integrity.verify('full')).toMatchObject({ state: 'broken', brokenAt: 2 });
  });

  it('refuses writes while broken; an administrator\'s acknowledgement of the right position is an event, and writes resume', async () => {
    await append(12);
    store.db.prepare(`UPDATE events SET data = '{"i":99}' WHERE position = 5`).run();
    expect((await integrity.verify('full')).brokenAt).toBe(5);
    await expect(append(1)).rejects.toBeInstanceOf(ChainBrokenError);
    await expect(append(1)).rejects.toThrow(/broken at position 5: writes are refused/);
    expect(await store.headPosition()).toBe(12);

    const ack = (position: number) => integrity.acknowledge({ position, note: '核实为存储故障', actor: admin, correlationId: 'c-1', at: '2026-03-02T08:00:00.000Z' });
    await expect(ack(6)).rejects.toMatchObject({ code: 'chain_break_position', brokenAt: 5 });
    const done = await ack(5);
    expect(done).toMatchObject({ eventPosition: 13, status: { state: 'ok', verifiedPosition: 13, acknowledged: [{ position: 5, by: 'admin-1', eventPosition: 13 }] } });
    const [event] = await store.readStream(CHAIN_INTEGRITY_STREAM);
    expect(event).toMatchObject({ type: CHAIN_BREAK_ACKNOWLEDGED, data: { position: 5, note: '核实为存储故障', reason: 'stored content does not match its hash' }, actor: admin });
    await append(2);
    expect(await store.headPosition()).toBe(15);
    await expect(ack(5)).rejects.toBeInstanceOf(ChainAcknowledgementError);

    await reopen();
    expect(await integrity.verify('full')).toMatchObject({ state: 'ok', verifiedPosition: 15 });
    // The acknowledged break changed again is a new break. The stored hash's first digit is flipped, never
    // kept: a hash that already began with 'f' would otherwise stay the acknowledged one (1 run in 16).
    store.db.prepare(`UPDATE events SET data = '{"i":98}', hash = (CASE substr(hash, 1, 1) WHEN 'f' THEN 'e' ELSE 'f' END) || substr(hash, 2) WHERE position = 5`).run();
    expect(await integrity.verify('full')).toMatchObject({ state: 'broken', brokenAt: 5 });
  });
});
