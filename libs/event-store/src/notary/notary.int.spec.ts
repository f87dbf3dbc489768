import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteProjectionLeases } from '@platform/read-models';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { newEvent } from '../testing/event-store.contract';
import { NotaryHarness, notaryContract, notaryWorld } from '../testing/notary.contract';
import { StreamChainedLog } from '../testing/stream-chained-log';
import { editNotaryLink, rechainStream, rewriteEvent, swapEvents, truncateAfter } from '../testing/tamper';
import { NOTARY_JOB_LEASE } from './global-notary';
import { rowNotarySource, streamChainedNotarySource } from './notary-source';
import { SqliteNotaryStore } from './sqlite-notary-store';

async function embeddedHarness(): Promise<NotaryHarness & { dir: string; store: SqliteEventStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'notary-'));
  let ms = Date.parse('2026-11-01T00:00:00.000Z');
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock: () => new Date((ms += 1000)) });
  // The insider's own connection to the same file.
  const attacker = new Database(join(dir, 'events.sqlite'));
  return {
    dir,
    store,
    source: rowNotarySource(store),
    append: async (count, stream = 'problem-p-1') => {
      const { positions } = await store.append(stream, Array.from({ length: count }, (_, i) => newEvent('ProgressNoted', { note: `第${i}次` })), 'any');
      return positions;
    },
    openStore: () => new SqliteNotaryStore(join(dir, 'notary.sqlite')),
    tamper: {
      edit: (position, data) => attacker.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), position),
      rechain: (position, data) => rewriteEvent(attacker, position, data),
      remove: (position) => attacker.prepare('DELETE FROM events WHERE position = ?').run(position),
      swap: (a, b) => swapEvents(attacker, a, b),
      truncateAfter: (position) => truncateAfter(attacker, position),
      chainHolds: async () => (await store.verifyChain()).ok,
    },
    cleanup: async () => {
      attacker.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function streamChainedHarness(): Promise<NotaryHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'notary-streams-'));
  const log = new StreamChainedLog();
  const byPosition = () => log.events.sort((a, b) => a.position - b.position);
  return {
    source: streamChainedNotarySource(log),
    append: (count, stream = 'problem-p-1') => log.append(stream, count),
    openStore: () => new SqliteNotaryStore(join(dir, 'notary.sqlite')),
    tamper: {
      edit: (position, data) => {
        log.events = log.events.map((e) => (e.position === position ? { ...e, data } : e));
      },
      rechain: (position, data) => {
        log.events = rechainStream(log.events, position, data);
      },
      remove: (position) => {
        log.events = log.events.filter((e) => e.position !== position);
      },
      swap: (a, b) => {
        log.events = log.events.map((e) => (e.position === a ? { ...e, position: b } : e.position === b ? { ...e, position: a } : e));
        byPosition();
      },
      truncateAfter: (position) => {
        log.events = log.events.filter((e) => e.position <= position);
      },
      chainHolds: async () => log.verifyStreamChains().ok,
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

notaryContract('embedded store (one global chain)', embeddedHarness, { tamper: true });
notaryContract('per-stream chains as the KurrentDB adapter stores them', streamChainedHarness, { tamper: true });

describe('global notary on the embedded store', () => {
  let h: Awaited<ReturnType<typeof embeddedHarness>>;
  const closing: Array<{ close(): unknown }> = [];
  beforeEach(async () => {
    h = await embeddedHarness();
  });
  afterEach(async () => {
    for (const c of closing.splice(0)) await c.close();
    await h.cleanup();
  });
  const store = () => {
    const s = h.openStore();
    closing.push(s);
    return s;
  };

  it("reads only the events' places in the chain for its rounds, and their content once asked whether it holds", async () => {
    await h.append(5);
    const source = rowNotarySource(h.store);
    const whole = await source.read(1, 3);
    const links = await source.read(1, 3, true);
    const placed = (events: typeof whole) => events.map(({ contentHolds: _, ...e }) => e);
    expect(placed(links)).toEqual(placed(whole));
    expect(links.map((e) => e.contentHolds())).toEqual([true, true, true]);
    h.tamper!.edit(3, { note: '改过' });
    expect((await source.read(1, 3, true)).map((e) => e.contentHolds())).toEqual([true, false, true]);
    expect(links[1].contentHolds()).toBe(false);
  });

  it('runs under the lease job:notary: of two notaries only the holder advances, the other takes over when it stops', async () => {
    // Two processes' connections to one leases file.
    const [dbA, dbB] = [new Database(join(h.dir, 'leases.sqlite')), new Database(join(h.dir, 'leases.sqlite'))];
    closing.push(dbA, dbB);
    const leasesA = new SqliteProjectionLeases(dbA);
    const leasesB = new SqliteProjectionLeases(dbB);
    await h.append(4);
    const a = notaryWorld(h, { store: store(), leases: leasesA, owner: 'notary-a', clock: () => new Date() });
    const b = notaryWorld(h, { store: store(), leases: leasesB, owner: 'notary-b', clock: () => new Date(), key: a.key });
    const [ra, rb] = await Promise.all([a.notary.advance(), b.notary.advance()]);
    expect([ra.held, rb.held].filter(Boolean)).toHaveLength(1);
    const [holder, standby] = ra.held ? [a, b] : [b, a];
    expect((ra.held ? ra : rb).notarized).toBe(4);
    expect((ra.held ? rb : ra).notarized).toBe(0);
    await h.append(2);
    expect(await standby.notary.advance()).toMatchObject({ held: false, notarized: 0 });
    expect((await store().links(0, 100)).map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect((await leasesA.leases()).find((l) => l.projection === NOTARY_JOB_LEASE)?.owner).toBe(ra.held ? 'notary-a' : 'notary-b');
    await holder.notary.stop();
    expect(await standby.notary.advance()).toMatchObject({ held: true, notarized: 2, tip: { seq: 6 } });
    expect(await standby.verifier.verify()).toMatchObject({ ok: true });
  });

  it('renews its lease once a third of its time has passed, not on every round and batch, and stops when another notary took it', async () => {
    const db = new Database(join(h.dir, 'leases.sqlite'));
    closing.push(db);
    const leases = new SqliteProjectionLeases(db);
    const holds: string[] = [];
    const counted = { hold: (r: Parameters<SqliteProjectionLeases['hold']>[0]) => (holds.push(r.owner), leases.hold(r)), release: leases.release.bind(leases) };
    let now = Date.parse('2026-11-01T00:00:00.000Z');
    // intervalMs 0 never starts a timer; the lease's time is then its floor of 30 s.
    const w = notaryWorld(h, { store: store(), leases: counted, owner: 'notary-a', clock: () => new Date(now), batch: 2 });
    await h.append(5);
    expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 5 });
    expect(holds).toHaveLength(1);
    now += 9_000;
    await h.append(3);
    expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 3 });
    expect(holds).toHaveLength(1);
    now += 2_000;
    await h.append(1);
    expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 1 });
    expect(holds).toHaveLength(2);
    // Expired, then taken by another notary: the next renewal finds it gone and this one writes nothing.
    now += 31_000;
    await leases.hold({ projection: NOTARY_JOB_LEASE, owner: 'notary-b', ttlMs: 30_000, now: new Date(now) });
    await h.append(2);
    expect(await w.notary.advance()).toMatchObject({ held: false, notarized: 0 });
    expect((await store().links(0, 100)).map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('never waits for a busy leases store: it goes on under its lease while a third of its time is left, then stops until a try gets through', async () => {
    const db = new Database(join(h.dir, 'leases.sqlite'));
    // A projection's commit, as another connection holding the file's write lock.
    const projector = new Database(join(h.dir, 'leases.sqlite'));
    closing.push(db, projector);
    const leases = new SqliteProjectionLeases(db);
    const waited: boolean[] = [];
    const watched = { hold: (r: Parameters<SqliteProjectionLeases['hold']>[0]) => (waited.push(r.wait !== false), leases.hold(r)), release: leases.release.bind(leases) };
    let now = Date.parse('2026-11-01T00:00:00.000Z');
    const w = notaryWorld(h, { store: store(), leases: watched, owner: 'notary-a', clock: () => new Date(now), batch: 2 });
    await h.append(2);
    projector.prepare('BEGIN IMMEDIATE').run();
    // Not holding the lease yet: a busy store means not this round.
    expect(await w.notary.advance()).toMatchObject({ held: false, notarized: 0 });
    projector.prepare('COMMIT').run();
    expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 2 });
    // Renewal due (a third of 30 s) while the store is busy: it goes on under the lease it holds.
    projector.prepare('BEGIN IMMEDIATE').run();
    now += 11_000;
    await h.append(1);
    expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 1 });
    now += 8_000;
    await h.append(1);
    expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 1 });
    // Two thirds of its time gone and the store still busy: it stops acting as the holder.
    now += 2_000;
    await h.append(1);
    expect(await w.notary.advance()).toMatchObject({ held: false, notarized: 0 });
    expect((await leases.leases()).find((l) => l.projection === NOTARY_JOB_LEASE)?.renewedAt).toBe('2026-11-01T00:00:00.000Z');
    // The store free again: the next try takes it back and notarizes what waited.
    projector.prepare('COMMIT').run();
    now += 1_000;
    expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 1 });
    expect((await leases.leases()).find((l) => l.projection === NOTARY_JOB_LEASE)?.renewedAt).toBe('2026-11-01T00:00:22.000Z');
    expect(waited.every((w) => !w)).toBe(true);
  });

  it('signs checkpoints on schedule and refuses to sign over a notary chain rewritten before the last one', async () => {
    await h.append(3);
    const w = notaryWorld(h, { store: store(), checkpointEveryEvents: 2 });
    await w.notary.advance();
    expect(await w.store.checkpoints()).toHaveLength(1);
    await h.append(1);
    await w.notary.advance();
    expect(await w.store.checkpoints()).toHaveLength(1);
    await h.append(1);
    await w.notary.advance();
    expect((await w.store.checkpoints()).map((c) => c.position)).toEqual([3, 5]);
    const insider = new Database(join(h.dir, 'notary.sqlite'));
    closing.push(insider);
    editNotaryLink(insider, 2, 'f'.repeat(64), { rehash: true });
    await h.append(1);
    await expect(w.notary.checkpoint()).rejects.toThrow(/拒绝签发公证检查点/);
  });

  it("an insider editing the notary's own chain: a link that no longer chains, or a re-hashed chain that misses its signed checkpoint", async () => {
    await h.append(5);
    const w = notaryWorld(h, { store: store() });
    await w.notary.advance();
    await w.notary.checkpoint();
    const insider = new Database(join(h.dir, 'notary.sqlite'));
    closing.push(insider);
    const original = (await w.store.links(2, 1))[0].eventHash;
    editNotaryLink(insider, 3, 'f'.repeat(64), { rehash: false });
    expect(await w.verifier.verify()).toMatchObject({ ok: false, finding: 'notary_broken', position: 3 });
    editNotaryLink(insider, 3, original, { rehash: false });
    expect(await w.verifier.verify()).toMatchObject({ ok: true });
    // Insert a fake event hash and re-hash everything after: only the signed checkpoint shows it.
    editNotaryLink(insider, 3, 'f'.repeat(64), { rehash: true });
    expect(await w.verifier.verify()).toMatchObject({ ok: false, finding: 'notary_rewritten', position: 5 });
    expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: false, finding: 'notary_rewritten', position: 5 });
  });

  it("the window of exposure: an event appended and removed before the notary's next round is not the notary's to see (the global chain's and the witness's)", async () => {
    await h.append(3);
    const w = notaryWorld(h, { store: store() });
    await w.notary.advance();
    await h.append(1);
    expect(await w.notary.status()).toMatchObject({ lagEvents: 1, behind: true });
    const insider = new Database(join(h.dir, 'events.sqlite'));
    closing.push(insider);
    truncateAfter(insider, 3);
    expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: true, unnotarized: 0 });
    expect(await w.notary.advance()).toMatchObject({ notarized: 0, tip: { seq: 3 } });
  });

  it('an event removed and another appended in its place: named as replaced', async () => {
    await h.append(4);
    const w = notaryWorld(h, { store: store() });
    await w.notary.advance();
    const insider = new Database(join(h.dir, 'events.sqlite'));
    closing.push(insider);
    truncateAfter(insider, 3);
    await h.append(1, 'problem-p-9');
    expect(await w.verifier.verify()).toMatchObject({ ok: false, finding: 'replaced', position: 4 });
  });
});
