import { SqliteEventStore } from '@platform/event-store';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { computeAsOf, positionAt } from './as-of';
import { InMemoryReadStore } from './memory/in-memory-read-store';
import { documentProjection, merge, Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions, RebuildProgress, SETTLE_FROM_EVENTS } from './projection-runner';
import { rebuildWithProgress } from './rebuild-progress';
import { BatchTooLargeError } from './read-store.errors';
import { AnyDocument, CommitBatch, ReadStore } from './read-store.port';
import { readModelsFile, SqliteReadStore } from './sqlite/sqlite-read-store';
import { appendTicks, sampleEvent } from './testing/sample-events';
import { GroupEventData, groupTallyProjection, streamActivityProjection, TALLY_GROUPS, TALLY_TOTALS } from './testing/sample-projections';
import { closeSqliteStores, openSqliteStores } from './testing/sqlite-stores';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const fast: ProjectionRunnerOptions = { pollMs: 20, retry: { initialMs: 10, maxMs: 40 }, logger: quiet };

async function documents(store: ReadStore, projection: Projection): Promise<Record<string, AnyDocument[]>> {
  const result: Record<string, AnyDocument[]> = {};
  for (const c of projection.collections) result[c] = await store.find(c, {}, { sort: { _id: 1 } });
  return result;
}

/** Counts evolve calls, to prove what is (not) re-applied. */
function counting(p: Projection): Projection & { calls: number } {
  const wrapped = { ...p, calls: 0, evolve: (e: Parameters<Projection['evolve']>[0], ctx: Parameters<Projection['evolve']>[1]) => {
    wrapped.calls++;
    return p.evolve(e, ctx);
  } };
  return wrapped;
}

describe('projection runner', () => {
  let dir: string;
  let clockMs: number;
  const clock = () => new Date((clockMs += 1000));
  let events: SqliteEventStore;
  let store: ReadStore;
  let runner: ProjectionRunner | null;

  beforeEach(() => {
    clockMs = Date.parse('2026-04-01T00:00:00.000Z');
    ({ dir, events, store } = openSqliteStores('rm-runner-', clock));
    runner = null;
  });
  afterEach(() => closeSqliteStores({ dir, events, store }, runner));

  /** The projection's documents built batch by batch in a store of their own, by a runner keeping no documents in memory. */
  async function keepingNone(p: Projection): Promise<Record<string, AnyDocument[]>> {
    const alone = new SqliteReadStore({ file: join(dir, 'keeping-none.sqlite') });
    const reference = new ProjectionRunner(events, alone, [p], { ...fast, batchSize: 5, writeBehind: false, keptBytes: 0 });
    reference.start();
    await reference.caughtUp();
    await reference.stop();
    const docs = await documents(alone, p);
    await alone.close();
    return docs;
  }

  it('settles after a live batch of a stream of appends, so the appends meanwhile commit as one batch; a lone append is applied at once', async () => {
    const commits: number[] = [];
    runner = new ProjectionRunner(events, store, [streamActivityProjection], { ...fast, settleMs: 1_000, onCommitted: (_name, position) => commits.push(position) });
    runner.start();
    // Lone appends, each below SETTLE_FROM_EVENTS: each applied in a batch of its own, none waiting on a settle.
    await appendTicks(events, 1, { prefix: 'lone-a' });
    await runner.waitFor(await events.headPosition());
    await appendTicks(events, 1, { prefix: 'lone-b' });
    await runner.waitFor(await events.headPosition());
    expect(commits).toEqual([1, 2]);
    // A stream: one append of SETTLE_FROM_EVENTS events, then three more while the projection settles.
    await appendTicks(events, SETTLE_FROM_EVENTS, { perAppend: SETTLE_FROM_EVENTS, prefix: 'stream' });
    await runner.waitFor(await events.headPosition());
    const afterBurst = commits.length;
    for (const prefix of ['s1', 's2', 's3']) await appendTicks(events, 1, { prefix });
    const head = await events.headPosition();
    await runner.waitFor(head);
    expect(commits.slice(afterBurst)).toEqual([head]);
    expect(commits[afterBurst - 1]).toBe(2 + SETTLE_FROM_EVENTS);
  });

  it('keeps a far-behind projection\'s documents in memory across batches, flushed at the runner\'s byte bound, with the same documents as batch by batch', async () => {
    const tally = groupTallyProjection();
    // Many groups: what is held is each document's latest image, so only new documents fill the bound.
    await appendTicks(events, 400, { groups: 200 });
    const head = await events.headPosition();
    const commits: Array<[string, number]> = [];
    runner = new ProjectionRunner(events, store, [tally, streamActivityProjection], {
      ...fast,
      batchSize: 5,
      writeBehind: { events: 1_000_000, bytes: 6_000 },
      onCommitted: (name, position) => commits.push([name, position]),
    });
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    const tallyCommits = commits.filter(([name]) => name === tally.name).map(([, position]) => position);
    // Flushed when both projections together held 6,000 bytes of JSON: more than once, far less than once per batch (80).
    expect(tallyCommits.length).toBeGreaterThan(1);
    expect(tallyCommits.length).toBeLessThan(40);
    expect(tallyCommits[tallyCommits.length - 1]).toBe(head);
    expect(runner.pendingBytes()).toBe(0);

    const alone = new SqliteReadStore({ file: join(dir, 'batch-by-batch.sqlite') });
    const byBatch = new ProjectionRunner(events, alone, [tally, streamActivityProjection], { ...fast, batchSize: 5, writeBehind: false });
    for (const p of [tally, streamActivityProjection]) await byBatch.rebuild(p.name);
    for (const p of [tally, streamActivityProjection]) expect(await documents(store, p)).toEqual(await documents(alone, p));
    await alone.close();
  });

  it('rebuilds projections together under a small byte bound: every write-once document stored, a projection whose few documents events rewrite stored once', async () => {
    const tally = groupTallyProjection();
    // One document per event, never rewritten: what it holds grows with every batch.
    const entries = documentProjection<{ _id: string; group: string; note: string }, { group: string }>({
      name: 'tick-entries',
      version: 1,
      collection: 'tick_entries',
      handles: ['Ticked'],
      id: (event) => event.eventId,
      evolve: (_current, event) => ({ _id: event.eventId, group: event.data.group, note: 'x'.repeat(40) }),
    });
    await appendTicks(events, 400, { groups: 4 });
    const head = await events.headPosition();
    const commits: Array<[string, number]> = [];
    runner = new ProjectionRunner(events, store, [tally, entries], {
      ...fast,
      batchSize: 5,
      writeBehind: { events: 1_000_000, bytes: 6_000 },
      onCommitted: (name, position) => commits.push([name, position]),
    });
    // A rebuild of both in one pass hands each batch to one, then the other, as a rebuild of every view does.
    await runner.rebuildAll([tally.name, entries.name]);
    const of = (name: string) => commits.filter(([n]) => n === name).map(([, position]) => position);
    // The entries (400 documents of about 100 bytes) are stored several times over; the tally's six documents once, caught up.
    expect(of(entries.name).length).toBeGreaterThan(3);
    expect(of(tally.name)).toEqual([head]);
    expect(await store.count('tick_entries')).toBe(400);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 400 });
  });

  it('rebuilding, over the bound stores first what keeping saves least — though the projection rewriting its documents weighs the most once the others stored', async () => {
    const tally = groupTallyProjection();
    const note = 'x'.repeat(60);
    // One document per event, never rewritten.
    const entries = documentProjection<{ _id: string; note: string }, { group: string }>({
      name: 'tick-entries',
      version: 1,
      collection: 'tick_entries',
      handles: ['Ticked'],
      id: (event) => event.eventId,
      evolve: (_current, event) => ({ _id: event.eventId, note }),
    });
    // One document per two events: each written twice.
    const pairs = documentProjection<{ _id: string; note: string; last: number }, { group: string }>({
      name: 'tick-pairs',
      version: 1,
      collection: 'tick_pairs',
      handles: ['Ticked'],
      id: (event) => `p${Math.floor(event.position / 2)}`,
      evolve: (_current, event) => ({ _id: `p${Math.floor(event.position / 2)}`, note, last: event.position }),
    });
    // Forty groups rewritten by every tick: under the bound on their own.
    await appendTicks(events, 600, { groups: 40 });
    const head = await events.headPosition();
    const commits: Array<[string, number]> = [];
    runner = new ProjectionRunner(events, store, [tally, entries, pairs], {
      ...fast,
      batchSize: 5,
      writeBehind: { events: 1_000_000, bytes: 3_500 },
      onCommitted: (name, position) => commits.push([name, position]),
    });
    await runner.rebuildAll([tally.name, entries.name, pairs.name]);
    // Chosen by weight, the tally stored 14 times here: whenever the entries had just stored.
    const of = (name: string) => commits.filter(([n]) => n === name).map(([, position]) => position);
    expect(of(entries.name).length).toBeGreaterThan(3);
    expect(of(pairs.name).length).toBeGreaterThan(1);
    expect(of(tally.name)).toEqual([head]);
    expect(await store.count('tick_entries')).toBe(600);
    // Positions 1 to 600: pairs p0 to p300.
    expect(await store.count('tick_pairs')).toBe(301);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 600 });
  });

  it('stores what it applied in memory when stopped in the middle of a catch-up', async () => {
    const tally = groupTallyProjection() as Projection;
    await appendTicks(events, 300, { groups: 3 });
    let stopped: Promise<void> | null = null;
    const slow: Projection = {
      ...tally,
      evolve: async (e, ctx) => {
        if (e.position === 120 && runner) stopped = runner.stop();
        return tally.evolve(e, ctx);
      },
    };
    runner = new ProjectionRunner(events, store, [slow], { ...fast, batchSize: 5 });
    runner.start();
    while (!stopped) await new Promise((resolve) => setTimeout(resolve, 5));
    await stopped;
    const checkpoint = await store.checkpoint(tally.name);
    // Nothing was committed before the stop (far behind, under every bound); the stop stored it all, exactly up to its checkpoint.
    expect(checkpoint?.position).toBeGreaterThanOrEqual(120);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: checkpoint!.position });
  });

  it('catches up, goes live, and keeps no lag when later events are of other types', async () => {
    const tally = groupTallyProjection();
    await appendTicks(events, 95, { groups: 4 });
    runner = new ProjectionRunner(events, store, [tally, streamActivityProjection], { ...fast, batchSize: 10 });
    runner.start();
    await runner.caughtUp();
    expect(await store.get(TALLY_TOTALS, 'all')).toEqual({ _id: 'all', ticks: 95, openGroups: 4, closedGroups: 0 });

    await events.append('other', [sampleEvent('Unrelated', {}), sampleEvent('Unrelated', {})], 'any');
    await events.append('tally-x', [sampleEvent('GroupClosed', { group: 'g1' })], 'any');
    await runner.caughtUp();
    expect(await store.count(TALLY_GROUPS)).toBe(3);
    await events.append('other', [sampleEvent('Unrelated', {})], 'any');
    await runner.caughtUp();
    const status = await runner.status();
    expect(status).toMatchObject({ head: 99, healthy: true });
    for (const p of status.projections) {
      expect(p).toMatchObject({ state: 'live', position: 99, lag: 0, errorCount: 0, retrying: false, lastError: null });
    }
  });

  it('live, rereads the documents it stored from memory instead of the store, and still ends with the documents a rebuild makes', async () => {
    const tally = groupTallyProjection();
    const gets: string[] = [];
    const noted = Object.create(store) as ReadStore;
    noted.get = (c, id) => (gets.push(`${c}/${id}`), store.get(c, id));
    runner = new ProjectionRunner(events, noted, [tally], { ...fast, batchSize: 7 });
    runner.start();
    await appendTicks(events, 30, { groups: 4, perAppend: 3 });
    await runner.caughtUp();
    expect(gets.length).toBeGreaterThan(0);
    gets.length = 0;
    for (let round = 0; round < 3; round++) {
      await appendTicks(events, 12, { groups: 4, perAppend: 3 });
      await events.append(`tally-close-${round}`, [sampleEvent('GroupClosed', { group: `g${round}` })], 'any');
      await runner.caughtUp();
    }
    // Every group and the totals were stored or read before: none is looked up again, a closed group included.
    expect(gets).toEqual([]);
    const live = await documents(store, tally);
    expect(live[TALLY_TOTALS]).toEqual([expect.objectContaining({ ticks: 66, closedGroups: 3 })]);
    expect(live).toEqual(await keepingNone(tally));
  });

  it('live, adds the merges of each batch to what the last one stored, kept in memory, and ends with the documents a rebuild makes', async () => {
    type TickSum = { _id: string; ticks: number };
    // Merges only: evolve reads nothing, so what the next batch adds to is what the runner kept of the last one's.
    const sums: Projection<GroupEventData> = {
      name: 'tick-sums',
      version: 1,
      collections: ['tick_sums'],
      handles: ['Ticked'],
      evolve: (e) =>
        ['all', e.data.group].map((id) =>
          merge<TickSum>('tick_sums', id, (current) => {
            const sum = current ?? { _id: id, ticks: 0 };
            sum.ticks++;
            return sum;
          }),
        ),
    };
    runner = new ProjectionRunner(events, store, [sums], { ...fast, batchSize: 7 });
    runner.start();
    for (let round = 0; round < 4; round++) {
      await appendTicks(events, 10, { groups: 3, perAppend: 2 });
      await runner.caughtUp();
    }
    const live = await documents(store, sums);
    expect(live.tick_sums.find((d) => d._id === 'all')).toEqual({ _id: 'all', ticks: 40 });
    expect(live.tick_sums.filter((d) => d._id !== 'all').reduce((n, d) => n + (d as TickSum).ticks, 0)).toBe(40);
    expect(live).toEqual(await keepingNone(sums));
  });

  it('commits the batches of the live projections one append woke in one transaction, each with its own checkpoint', async () => {
    const tally = groupTallyProjection();
    const sqlite = store as SqliteReadStore;
    const grouped: string[][] = [];
    const commitAll = sqlite.commitAll.bind(sqlite);
    sqlite.commitAll = (batches) => (grouped.push(batches.map((b) => b.projection).sort()), commitAll(batches));
    runner = new ProjectionRunner(events, store, [tally, streamActivityProjection], fast);
    runner.start();
    await runner.caughtUp();
    grouped.length = 0;
    await appendTicks(events, 4, { groups: 2, perAppend: 4 });
    await runner.caughtUp();
    expect(grouped).toEqual([[streamActivityProjection.name, tally.name].sort()]);
    expect((await store.checkpoints()).map((c) => [c.projection, c.position])).toEqual([
      [tally.name, 4],
      [streamActivityProjection.name, 4],
    ].sort());
    expect(await documents(store, tally)).toEqual(await keepingNone(tally));
  });

  it('drops the documents it keeps when another runner stored a batch behind it, and both end with the documents a rebuild makes', async () => {
    const tally = groupTallyProjection();
    const other = new ProjectionRunner(events, store, [tally], { ...fast, batchSize: 5 });
    runner = new ProjectionRunner(events, store, [tally], { ...fast, batchSize: 5 });
    runner.start();
    try {
      for (let round = 0; round < 6; round++) {
        // Both apply in turn, each committing on top of the other's batches: every one of their
        // batches was computed from documents another may have changed since.
        if (round % 2 === 0) other.start();
        else await other.stop();
        await appendTicks(events, 17, { groups: 3, perAppend: 2 });
        await runner.caughtUp();
      }
    } finally {
      await other.stop();
    }
    const live = await documents(store, tally);
    expect(live[TALLY_TOTALS]).toEqual([expect.objectContaining({ ticks: 102 })]);
    expect(live).toEqual(await keepingNone(tally));
  });

  it('rebuilds to exactly the documents it built live, then goes on live', async () => {
    const tally = groupTallyProjection();
    runner = new ProjectionRunner(events, store, [tally], { ...fast, batchSize: 7 });
    runner.start();
    for (let round = 0; round < 5; round++) {
      await appendTicks(events, 23, { groups: 6, perAppend: 3 });
      await events.append(`tally-close-${round}`, [sampleEvent('GroupClosed', { group: `g${round}` })], 'any');
      await events.append(`tally-open-${round}`, [sampleEvent('GroupOpened', { group: `g${round}`, name: `n${round}` })], 'any');
      await runner.caughtUp();
    }
    const live = await documents(store, tally);
    const head = await events.headPosition();

    const progress: RebuildProgress[] = [];
    const result = await runner.rebuild(tally.name, { onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ name: tally.name, position: head, events: head });
    expect(progress[0]).toMatchObject({ position: 0, head, events: 0 });
    expect(progress[progress.length - 1]).toMatchObject({ position: head, head, events: head });
    // Far behind, the runner reads ten batches at once; progress still comes batch by batch.
    expect(progress.length).toBeGreaterThan(head / 70);
    expect(progress.map((p) => p.position)).toEqual([...progress.map((p) => p.position)].sort((a, b) => a - b));
    expect(await documents(store, tally)).toEqual(live);

    await appendTicks(events, 1, { groups: 1 });
    await runner.caughtUp();
    expect((await store.get<{ _id: string; ticks: number }>(TALLY_TOTALS, 'all'))?.ticks).toBe(5 * 23 + 1);
    // And an "as of" view folded from scratch agrees with the live documents.
    const asOf = await computeAsOf(events, tally, { untilPosition: head + 1 });
    expect(await documents(asOf.store, tally)).toEqual(await documents(store, tally));
  });

  it('rebuilding, asks the store for no document until its first commit, and ends with the documents it built live', async () => {
    const tally = groupTallyProjection();
    await appendTicks(events, 90, { groups: 5, perAppend: 3 });
    await events.append('tally-close', [sampleEvent('GroupClosed', { group: 'g1' })], 'any');
    const live = new ProjectionRunner(events, store, [tally], { ...fast, batchSize: 7, writeBehind: false });
    live.start();
    await live.caughtUp();
    await live.stop();
    const before = await documents(store, tally);

    // The store as it is, its reads and commits noted in order.
    const calls: string[] = [];
    const noted = Object.create(store) as ReadStore;
    noted.get = (c, id) => (calls.push('read'), store.get(c, id));
    noted.find = (c, f, o) => (calls.push('read'), store.find(c, f, o));
    noted.commit = (b) => (calls.push('commit'), store.commit(b));
    // Committed when its few documents pass a bound of a few hundred bytes (a rebuild is bounded by memory alone).
    runner = new ProjectionRunner(events, noted, [tally], { ...fast, batchSize: 7, writeBehind: { bytes: 200 } });
    await runner.rebuild(tally.name);
    const firstCommit = calls.indexOf('commit');
    expect(firstCommit).toBeGreaterThan(-1);
    expect(calls.slice(0, firstCommit)).toEqual([]);
    // After it, the documents not pending are read from the store again.
    expect(calls.slice(firstCommit).filter((c) => c === 'read').length).toBeGreaterThan(0);
    expect(await documents(store, tally)).toEqual(before);
  });

  it('rebuilds several projections in one pass over the events, each to the documents it built live', async () => {
    const tally = groupTallyProjection();
    const live = new ProjectionRunner(events, store, [tally, streamActivityProjection], { ...fast, batchSize: 7 });
    live.start();
    await appendTicks(events, 60, { groups: 4, perAppend: 2 });
    await events.append('tally-close', [sampleEvent('GroupClosed', { group: 'g1' })], 'any');
    await live.caughtUp();
    await live.stop();
    const before = { tally: await documents(store, tally), activity: await documents(store, streamActivityProjection) };
    const head = await events.headPosition();

    const reads: Array<readonly string[] | undefined> = [];
    const source = {
      headPosition: () => events.headPosition(),
      readAll: (o: Parameters<SqliteEventStore['readAll']>[0] = {}) => {
        reads.push(o.types);
        return events.readAll(o);
      },
    };
    runner = new ProjectionRunner(events, store, [tally, streamActivityProjection], { ...fast, batchSize: 7, source });
    const progress: RebuildProgress[] = [];
    const results = await runner.rebuildAll([tally.name, streamActivityProjection.name], { onProgress: (p) => progress.push(p) });
    expect(results.map((r) => [r.name, r.position])).toEqual([
      [tally.name, head],
      [streamActivityProjection.name, head],
    ]);
    // Batches of 7 read once for both projections (the types either handles), not once per projection.
    const both = [...new Set([...tally.handles, ...streamActivityProjection.handles])].sort();
    const batchReads = reads.filter((t) => t && t.length > 1);
    expect(batchReads.length).toBe(Math.ceil(head / 7));
    for (const t of batchReads) expect([...t!].sort()).toEqual(both);
    expect(progress.filter((p) => p.name === tally.name).map((p) => p.position).pop()).toBe(head);
    expect(await documents(store, tally)).toEqual(before.tally);
    expect(await documents(store, streamActivityProjection)).toEqual(before.activity);
  });

  it('reads by position, without a type filter, when one projection rebuilt together handles every type the others do; each is still handed only its own types', async () => {
    const tally = groupTallyProjection();
    const ticks = counting({ ...streamActivityProjection, name: 'tick-activity', handles: ['Ticked'] });
    await appendTicks(events, 40, { groups: 3 });
    await events.append('tally-close', [sampleEvent('GroupClosed', { group: 'g1' })], 'any');
    await events.append('elsewhere', [sampleEvent('Unhandled', {})], 'any');
    const live = new ProjectionRunner(events, store, [tally, ticks], { ...fast, batchSize: 7 });
    live.start();
    await live.caughtUp();
    await live.stop();
    const before = { tally: await documents(store, tally), ticks: await documents(store, ticks) };
    const tickedEvents = (await events.readAll({ types: ['Ticked'], limit: 1_000 })).length;

    const reads: Array<readonly string[] | undefined> = [];
    const source = {
      headPosition: () => events.headPosition(),
      readAll: (o: Parameters<SqliteEventStore['readAll']>[0] = {}) => {
        if (o.limit !== 1) reads.push(o.types);
        return events.readAll(o);
      },
    };
    runner = new ProjectionRunner(events, store, [tally, ticks], { ...fast, batchSize: 7, source });
    ticks.calls = 0;
    const results = await runner.rebuildAll([tally.name, ticks.name]);
    expect(results.map((r) => r.position)).toEqual([await events.headPosition(), await events.headPosition()]);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((t) => t === undefined)).toBe(true);
    expect(ticks.calls).toBe(tickedEvents);
    expect(await documents(store, tally)).toEqual(before.tally);
    expect(await documents(store, ticks)).toEqual(before.ticks);
  });

  it('rebuilds the others to the end when one of the projections rebuilt together fails, then reports its failure', async () => {
    await appendTicks(events, 30, { groups: 3 });
    const tally = groupTallyProjection();
    const broken: Projection = {
      ...streamActivityProjection,
      evolve: (e, ctx) => {
        if (e.position === 12) throw new Error('projection bug');
        return streamActivityProjection.evolve(e as never, ctx);
      },
    };
    runner = new ProjectionRunner(events, store, [tally, broken], { ...fast, batchSize: 4 });
    await expect(runner.rebuildAll([broken.name, tally.name])).rejects.toThrow(/failed on Ticked at position 12: projection bug/);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 30 });
    const status = (await runner.status()).projections;
    expect(status.find((p) => p.name === tally.name)).toMatchObject({ position: 30, lastError: null });
    // The broken one stored the events before the culprit, so its status points at it.
    expect(status.find((p) => p.name === broken.name)).toMatchObject({ position: 11, lastError: { position: 12 } });
  });

  it('resumes from its checkpoint after a restart, without re-applying anything', async () => {
    const first = counting(groupTallyProjection());
    await appendTicks(events, 40);
    runner = new ProjectionRunner(events, store, [first], fast);
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect(first.calls).toBe(40);
    await store.close();
    await events.close();

    events = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock });
    store = new SqliteReadStore({ file: readModelsFile(dir) });
    await appendTicks(events, 6);
    const second = counting(groupTallyProjection());
    runner = new ProjectionRunner(events, store, [second], fast);
    expect((await runner.status()).projections[0]).toMatchObject({ state: 'idle', position: 40, lag: 6 });
    runner.start();
    await runner.caughtUp();
    expect(second.calls).toBe(6);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 46 });
  });

  it('rebuilds by itself when the projection version changes', async () => {
    await appendTicks(events, 12);
    runner = new ProjectionRunner(events, store, [groupTallyProjection()], fast);
    runner.start();
    await runner.caughtUp();
    await runner.stop();

    runner = new ProjectionRunner(events, store, [groupTallyProjection({ version: 2, weight: 10 })], fast);
    runner.start();
    await runner.caughtUp();
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 120 });
    expect(await store.checkpoint('group-tally')).toMatchObject({ version: 2, position: 12 });
  });

  it('reports a failing projection in its status and retries it with backoff until it succeeds', async () => {
    let failuresLeft = 4;
    const tally = groupTallyProjection();
    const flaky: Projection = {
      ...tally,
      evolve: (event, ctx) => {
        if ((event.data as { group: string }).group === 'poison' && failuresLeft > 0) {
          failuresLeft--;
          throw new Error('projection bug');
        }
        return tally.evolve(event as never, ctx);
      },
    };
    const errors: string[] = [];
    await appendTicks(events, 8);
    await events.append('tally-p', [sampleEvent('Ticked', { group: 'poison' })], 'any');
    await appendTicks(events, 3);
    runner = new ProjectionRunner(events, store, [flaky], {
      ...fast,
      retry: { initialMs: 30, maxMs: 60 },
      onError: (s) => errors.push(`${s.name}@${s.position}: ${s.lastError?.message}`),
    });
    runner.start();

    await waitUntil(async () => (await runner!.status()).projections[0].errorCount >= 2);
    const failing = (await runner.status()).projections[0];
    expect(failing).toMatchObject({ state: 'failing', position: 8, head: 12, lag: 4, retrying: true });
    expect(failing.lastError).toMatchObject({ position: 9, eventType: 'Ticked' });
    expect(failing.lastError?.message).toMatch(/failed on Ticked at position 9: projection bug/);
    expect(failing.nextRetryAt).not.toBeNull();
    expect((await runner.status()).healthy).toBe(false);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 8 });

    await runner.caughtUp({ timeoutMs: 10_000 });
    const healed = (await runner.status()).projections[0];
    expect(healed).toMatchObject({ state: 'live', position: 12, lag: 0, errorCount: 4, retrying: false, nextRetryAt: null });
    expect(healed.lastError?.position).toBe(9);
    expect((await runner.status()).healthy).toBe(true);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 12 });
    await waitUntil(async () => errors.length === 4);
    expect(errors[0]).toMatch(/^group-tally@8: .*projection bug/);
  });

  it('halves a batch that is too large for the store', async () => {
    const memory = new InMemoryReadStore();
    const commits: number[] = [];
    const picky: ReadStore = Object.assign(Object.create(memory) as ReadStore, {
      commit: async (b: CommitBatch) => {
        if (b.toPosition - b.fromPosition > 4) throw new BatchTooLargeError(1, 0);
        commits.push(b.toPosition - b.fromPosition);
        return memory.commit(b);
      },
    });
    await appendTicks(events, 20, { perAppend: 20 });
    runner = new ProjectionRunner(events, picky, [groupTallyProjection()], { ...fast, batchSize: 16 });
    runner.start();
    await runner.caughtUp();
    expect(await memory.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 20 });
    expect(Math.max(...commits)).toBeLessThanOrEqual(4);
    expect((await runner.status()).projections[0].errorCount).toBe(0);
  });

  it('hands the store, with each batch, the collections the projection writes once, live and rebuilding', async () => {
    const once: Projection = { ...streamActivityProjection, writtenOnce: streamActivityProjection.collections };
    const batches: CommitBatch[] = [];
    const noted = Object.create(store) as ReadStore;
    noted.commit = (b) => (batches.push(b), store.commit(b));
    noted.commitAll = undefined;
    runner = new ProjectionRunner(events, noted, [once], { ...fast, batchSize: 5 });
    runner.start();
    await appendTicks(events, 12, { groups: 2, perAppend: 3 });
    await runner.caughtUp();
    await runner.stop();
    await runner.rebuild(once.name);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.writtenOnce).toEqual(once.collections);
  });

  it('refuses two projections that share a name or a collection, and a collection indexed at the end or written once that is not its own', () => {
    runner = new ProjectionRunner(events, store, [groupTallyProjection()], fast);
    expect(() => runner!.register(groupTallyProjection())).toThrow(/registered twice/);
    expect(() => runner!.register(groupTallyProjection({ name: 'copy' }))).toThrow(/collection tally_groups belongs to both/);
    expect(() => runner!.register({ ...streamActivityProjection, indexedAtEnd: ['tally_groups'] })).toThrow(/collection tally_groups indexed at the end is not one of its collections/);
    expect(() => runner!.register({ ...streamActivityProjection, name: 'once', writtenOnce: ['tally_groups'] })).toThrow(/collection tally_groups written once is not one of its collections/);
  });

  it('computes any view as of a past position or time', async () => {
    const tally = groupTallyProjection();
    runner = new ProjectionRunner(events, store, [tally], fast);
    runner.start();
    const snapshots: Array<{ position: number; at: string; docs: Record<string, AnyDocument[]> }> = [];
    for (let round = 0; round < 4; round++) {
      await appendTicks(events, 5 + round, { groups: 3 });
      if (round === 2) await events.append('tally-c', [sampleEvent('GroupClosed', { group: 'g0' })], 'any');
      await runner.caughtUp();
      const position = await events.headPosition();
      const [last] = await events.readAll({ after: position - 1 });
      snapshots.push({ position, at: last.recordedAt, docs: await documents(store, tally) });
    }
    for (const s of snapshots) {
      const byPosition = await runner.asOf(tally.name, { untilPosition: s.position });
      expect(byPosition.position).toBe(s.position);
      expect(await documents(byPosition.store, tally)).toEqual(s.docs);
      // Half a second after the last event of the round, before the next round's first event.
      const later = new Date(Date.parse(s.at) + 500);
      const byTime = await computeAsOf(events, tally, { at: later });
      expect(byTime.position).toBe(s.position);
      expect(await documents(byTime.store, tally)).toEqual(s.docs);
    }
    // The query code is the same against the past and the present.
    const past = (await runner.asOf(tally.name, { untilPosition: snapshots[0].position })).store;
    expect(await past.count(TALLY_GROUPS, { ticks: { $gte: 2 } })).toBe(2);
  });

  it('maps a time to the last event recorded at or before it', async () => {
    await appendTicks(events, 10, { perAppend: 1 }); // recorded at 00:00:01 … 00:00:10
    expect(await positionAt(events, '2026-03-31T00:00:00.000Z')).toBe(0);
    expect(await positionAt(events, '2026-04-01T00:00:01.000Z')).toBe(1);
    expect(await positionAt(events, '2026-04-01T00:00:04.500Z')).toBe(4);
    expect(await positionAt(events, new Date('2026-04-01T00:00:10.000Z'))).toBe(10);
    expect(await positionAt(events, '2027-01-01T00:00:00.000Z')).toBe(10);
    await expect(positionAt(events, 'not a time')).rejects.toThrow(/not a time/);
  });

  it('rebuilds from the command line helper with a progress bar', async () => {
    await appendTicks(events, 30);
    runner = new ProjectionRunner(events, store, [groupTallyProjection(), streamActivityProjection], { ...fast, batchSize: 8 });
    const out = new PassThrough();
    let text = '';
    out.on('data', (d) => (text += d));
    const results = await rebuildWithProgress(runner, [], { stream: out });
    expect(results.map((r) => [r.name, r.position])).toEqual([
      ['group-tally', 30],
      ['stream-activity', 30],
    ]);
    expect(text).toMatch(/group-tally .*100% \| position 30\/30 \| 30 events/);
    expect(text).toMatch(/stream-activity .*100%/);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 30 });
    await expect(rebuildWithProgress(runner, ['nope'], { stream: out })).rejects.toThrow(/unknown projection\(s\): nope/);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
