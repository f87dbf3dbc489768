import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../event-store.errors';
import { eventStoreContract, newEvent } from '../testing/event-store.contract';
import { IDS_PER_LOOKUP } from './event-row-statements';
import { SqliteEventStore } from './sqlite-event-store';

function sqliteHarness(writer: 'inline' | 'thread' | 'auto' = 'inline') {
  const dir = mkdtempSync(join(tmpdir(), 'es-contract-'));
  const file = join(dir, 'events.sqlite');
  let clockMs = Date.parse('2026-11-01T00:00:00.000Z');
  const clock = () => new Date((clockMs += 1000));
  return {
    open: async (o: { upcasters?: never } = {}) => new SqliteEventStore({ file, clock, writer, ...o }),
    reopen: async () => new SqliteEventStore({ file, clock, writer }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

eventStoreContract('SQLite', () => sqliteHarness());
// As the platform runs it: the group commits on the writer thread, with its own connection.
eventStoreContract('SQLite, group commits on the writer thread', () => sqliteHarness('thread'));
// As the servers run it by default: on the thread, a lone append while it is idle on this connection.
eventStoreContract('SQLite, group commits on the writer thread once appends queue up', () => sqliteHarness('auto'));

describe('SQLite event store specifics', () => {
  it('refuses several streams in one append when configured as a store without atomic multi-stream appends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-single-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), atomicMultiStream: false });
    expect(store.capabilities.atomicMultiStream).toBe(false);
    const refused = await store
      .appendMany([
        { streamId: 'a-1', events: [newEvent('A0', {})], expected: 'no_stream' },
        { streamId: 'b-1', events: [newEvent('B0', {})], expected: 'no_stream' },
      ])
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'UnsupportedCapabilityError', capability: 'atomicMultiStream' });
    expect(await store.headPosition()).toBe(0);
    await store.append('a-1', [newEvent('A0', {})], 'no_stream');
    expect(await store.headPosition()).toBe(1);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes an append larger than one id lookup in order and chained, and knows it again as a whole', async () => {
    const h = sqliteHarness();
    const store = (await h.open()) as SqliteEventStore;
    await store.append('other-1', [newEvent('A', { first: true })], 'no_stream');
    // Several id lookups, the last a partial one.
    const events = Array.from({ length: 2 * IDS_PER_LOOKUP + 210 }, (_, i) => newEvent('ProgressRecorded', { i }));
    const written = await store.append('big-1', events, 'no_stream');
    expect(written.positions).toEqual(events.map((_, i) => i + 2));
    expect(written.nextExpectedRevision).toBe(events.length - 1);
    const stored = await store.readStream('big-1');
    expect(stored.map((e) => [e.eventId, e.streamRevision, e.data])).toEqual(events.map((e, i) => [e.eventId, i, { i }]));
    expect(await store.verifyChain()).toMatchObject({ ok: true, checked: events.length + 1 });

    const retry = await store.append('big-1', events, 'no_stream');
    expect(retry).toMatchObject({ deduplicated: true, positions: written.positions, eventIds: written.eventIds });
    const partly = store.append('big-1', [...events.slice(0, 700), newEvent('ProgressRecorded', {})], 'any');
    await expect(partly).rejects.toBeInstanceOf(PartialDuplicateError);
    expect(await store.headPosition()).toBe(events.length + 1);
    await store.close();
    await h.cleanup();
  });

  it('runs in WAL mode with synchronous=FULL', async () => {
    const h = sqliteHarness();
    const store = (await h.open()) as SqliteEventStore;
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
    await h.cleanup();
  });

  it('detects tampering with stored history and names the first broken position', async () => {
    const h = sqliteHarness();
    const store = (await h.open()) as SqliteEventStore;
    for (let i = 0; i < 6; i++) await store.append(`s-${i}`, [newEvent('A', { i })], 'no_stream');
    store.db.prepare(`UPDATE events SET data = '{"i":99}' WHERE position = 4`).run();
    expect(await store.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 4 });
    expect(await store.verifyChain({ until: 3 })).toMatchObject({ ok: true, checked: 3 });

    store.db.prepare(`UPDATE events SET data = '{"i":3}' WHERE position = 4`).run();
    expect((await store.verifyChain()).ok).toBe(true);
    store.db.prepare('DELETE FROM events WHERE position = 2').run();
    expect(await store.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 2 });
    await store.close();
    await h.cleanup();
  });

  it.each(['inline', 'thread', 'auto'] as const)('tells without a query when no event of some types was stored after a position, and says "maybe" once another connection wrote (group commits %s)', async (writer) => {
    const h = sqliteHarness(writer);
    const store = (await h.open()) as SqliteEventStore;
    await store.append('u-1', [newEvent('UserRegistered', {})], 'no_stream');
    const other = await h.reopen();
    // Opened after the first event: what lies before it is not known without reading.
    expect(other.appendedSince(0, ['UserRegistered'])).toBe(true);
    expect(other.appendedSince(1, ['UserRegistered'])).toBe(false);
    await other.append('p-1', [newEvent('ProgressRecorded', {})], 'no_stream');
    expect(other.appendedSince(1, ['UserRegistered'])).toBe(false);
    expect(other.appendedSince(1, ['ProgressRecorded'])).toBe(true);
    expect(other.appendedSince(2, ['ProgressRecorded'])).toBe(false);
    // The first store's connection wrote: the other cannot know what, and says so until it has watched again.
    await store.append('u-2', [newEvent('UserRegistered', {})], 'no_stream');
    expect(other.appendedSince(2, ['UserRegistered'])).toBe(true);
    expect(other.appendedSince(3, ['UserRegistered'])).toBe(false);
    await other.close();
    await store.close();
    await h.cleanup();
  });
  it('checks each append of one group commit against the stored history and the appends before it in the group', async () => {
    const h = sqliteHarness();
    const store = (await h.open()) as SqliteEventStore;
    await store.append('s-1', [newEvent('A', { n: 0 })], 'no_stream');
    const retried = newEvent('A', { n: 'retried' });
    const flushes: number[] = [];
    store.onAppended(() => flushes.push(1));
    // Queued in one turn of the event loop: one transaction.
    const settled = await Promise.allSettled([
      store.append('s-1', [newEvent('A', { n: 1 })], 0),
      store.append('s-1', [newEvent('A', { n: 2 })], 1),
      store.append('s-1', [newEvent('A', { n: 'stale' })], 1),
      // Fails on its second stream: its first stream's event must not count for the appends after it.
      store.appendMany([
        { streamId: 's-2', events: [newEvent('B', { n: 'lost' })], expected: 'no_stream' },
        { streamId: 's-1', events: [newEvent('A', { n: 'lost' })], expected: 0 },
      ]),
      store.append('s-2', [newEvent('B', { n: 0 })], 'no_stream'),
      store.append('s-3', [retried], 'no_stream'),
      store.append('s-3', [retried], 'no_stream'),
    ]);
    expect(flushes).toHaveLength(1);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    const value = (i: number) => (settled[i] as PromiseFulfilledResult<Awaited<ReturnType<SqliteEventStore['append']>>>).value;
    expect([value(0), value(1), value(4), value(5)].map((r) => [r.streamId, r.positions, r.nextExpectedRevision])).toEqual([
      ['s-1', [2], 1],
      ['s-1', [3], 2],
      ['s-2', [4], 0],
      ['s-3', [5], 0],
    ]);
    expect(value(6)).toMatchObject({ deduplicated: true, positions: [5], nextExpectedRevision: 0 });
    for (const i of [2, 3]) expect((settled[i] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect((await store.readStream('s-2')).map((e) => e.data)).toEqual([{ n: 0 }]);
    expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 5 });
    await store.close();
    await h.cleanup();
  });

  it('on the writer thread, checks each group sent while earlier ones are in flight after them, refusals crossing back as their own class', async () => {
    const h = sqliteHarness('thread');
    const store = (await h.open()) as SqliteEventStore;
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    // One append per turn, none awaited: the groups are in flight together, and the thread may commit several in one transaction.
    const sent: Array<Promise<unknown>> = [];
    for (let i = 0; i < 30; i++) {
      sent.push(store.append('p-1', [newEvent('A', { n: i })], i === 0 ? 'no_stream' : i - 1));
      if (i === 15) sent.push(store.append('p-1', [newEvent('A', { n: 'stale' })], 3));
      await nextTurn();
    }
    const settled = await Promise.allSettled(sent);
    expect(settled.filter((x) => x.status === 'rejected')).toHaveLength(1);
    expect((settled[16] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((settled[16] as PromiseRejectedResult).reason).toMatchObject({ streamId: 'p-1', expected: 3 });
    expect((await store.readStream('p-1')).map((e) => e.data)).toEqual(Array.from({ length: 30 }, (_, n) => ({ n })));
    expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 30 });
    expect(store.appendedSince(30, ['A'])).toBe(false);
    await store.close();
    await h.cleanup();
  });

  it.each(['inline', 'thread', 'auto'] as const)('tells a stream\'s last revision without a query while it wrote the stream last and nobody else wrote (group commits %s)', async (writer) => {
    const h = sqliteHarness(writer);
    const store = (await h.open()) as SqliteEventStore;
    expect(store.lastRevisionKnown('k-1')).toBeNull();
    await store.append('k-1', [newEvent('A', {}), newEvent('A', {})], 'no_stream');
    await store.append('k-2', [newEvent('A', {})], 'no_stream');
    expect([store.lastRevisionKnown('k-1'), store.lastRevisionKnown('k-2')]).toEqual([1, 0]);
    // A conflict: the revision is read again.
    await expect(store.append('k-1', [newEvent('A', {})], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(store.lastRevisionKnown('k-1')).toBeNull();
    await store.append('k-1', [newEvent('A', {})], 1);
    expect(store.lastRevisionKnown('k-1')).toBe(2);
    // Another connection wrote: nothing is known until this store writes again.
    const other = await h.reopen();
    await other.append('k-1', [newEvent('A', {})], 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.lastRevisionKnown('k-2')).toBeNull();
    expect(store.lastRevisionKnown('k-1')).toBeNull();
    await store.append('k-1', [newEvent('A', {})], 3);
    expect(store.lastRevisionKnown('k-1')).toBe(4);
    await other.close();
    await store.close();
    await h.cleanup();
  });

  it('keeps what it watches across its writer thread\'s commits under load, and still finds another connection\'s append made meanwhile', async () => {
    const h = sqliteHarness('thread');
    const store = (await h.open()) as SqliteEventStore;
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    await store.append('w-0', [newEvent('A', {})], 'no_stream');
    const sent: Array<Promise<unknown>> = [];
    const known: Array<number | null> = [];
    // Asked while groups are in flight: the thread's own commits move the connection's data_version.
    for (let i = 0; i < 20; i++) {
      sent.push(store.append('w-1', [newEvent('A', { i })], i === 0 ? 'no_stream' : i - 1));
      known.push(store.lastRevisionKnown('w-0'));
      await nextTurn();
    }
    await Promise.all(sent);
    expect(known).toEqual(known.map(() => 0));
    expect(store.lastRevisionKnown('w-1')).toBe(19);
    expect(store.appendedSince(1, ['A'])).toBe(true);
    expect(store.appendedSince(21, ['A'])).toBe(false);

    const other = await h.reopen();
    const racing = [store.append('w-1', [newEvent('A', {})], 19), other.append('w-2', [newEvent('B', {})], 'no_stream')];
    store.lastRevisionKnown('w-1');
    await Promise.all(racing);
    await nextTurn();
    expect(store.appendedSince(22, ['B'])).toBe(true);
    expect(store.lastRevisionKnown('w-0')).toBeNull();
    await other.close();
    await store.close();
    await h.cleanup();
  });

  it("with 'auto', commits appends that come one at a time on its own connection and queued ones on the writer thread, in one chain", async () => {
    const h = sqliteHarness('auto');
    const store = (await h.open()) as SqliteEventStore;
    // A commit through this connection leaves its data_version as it was; one by the thread's connection moves it.
    const dataVersion = store.db.prepare<[], number>('PRAGMA data_version').pluck();
    await store.append('m-1', [newEvent('A', { n: 0 })], 'no_stream');
    const before = dataVersion.get();
    await store.append('m-1', [newEvent('A', { n: 1 })], 0);
    expect(dataVersion.get()).toBe(before);
    // Queued in one turn: a group of several, sent to the thread.
    await Promise.all([store.append('m-2', [newEvent('B', {})], 'no_stream'), store.append('m-3', [newEvent('B', {})], 'no_stream')]);
    expect(dataVersion.get()).not.toBe(before);
    await store.append('m-1', [newEvent('A', { n: 2 })], 1);
    expect((await store.readStream('m-1')).map((e) => [e.position, e.data])).toEqual([
      [1, { n: 0 }],
      [2, { n: 1 }],
      [5, { n: 2 }],
    ]);
    expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 5 });
    // Both kinds of commit are this store's own: what it appended is still known without a query.
    expect(store.appendedSince(2, ['A'])).toBe(true);
    expect(store.appendedSince(5, ['A', 'B'])).toBe(false);
    expect(store.appendedSince(4, ['C'])).toBe(false);
    await store.close();
    await h.cleanup();
  });
});
