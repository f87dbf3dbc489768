import { join } from 'node:path';
import { fillNewProjections } from './fill-new-projections';
import { projectionLeasesFor } from './leases/projection-leases.factory';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { AnyDocument, ReadStore } from './read-store.port';
import { SqliteReadStore } from './sqlite/sqlite-read-store';
import { appendTicks } from './testing/sample-events';
import { groupTallyProjection, streamActivityProjection } from './testing/sample-projections';
import { closeSqliteStores, openSqliteStores, SqliteStores } from './testing/sqlite-stores';

const logs: string[] = [];
const logger = { log: (m: string) => logs.push(m), warn: (m: string) => logs.push(`WARN ${m}`), error: (m: string) => logs.push(`ERROR ${m}`) };
const fast: ProjectionRunnerOptions = { pollMs: 20, retry: { initialMs: 10, maxMs: 40 }, logger, batchSize: 10 };

async function documents(store: ReadStore, projection: Projection): Promise<Record<string, AnyDocument[]>> {
  const result: Record<string, AnyDocument[]> = {};
  for (const c of projection.collections) result[c] = await store.find(c, {}, { sort: { _id: 1 } });
  return result;
}

describe('filling new projections before a runner starts', () => {
  let s: SqliteStores;
  let runner: ProjectionRunner | null;
  const tally = groupTallyProjection();

  beforeEach(() => {
    s = openSqliteStores('rm-fill-');
    runner = null;
    logs.length = 0;
  });
  afterEach(() => closeSqliteStores(s, runner));

  /** The projection caught up live in the test's store, as an earlier start left it. */
  async function caughtUpLive(projection: Projection): Promise<void> {
    const first = new ProjectionRunner(s.events, s.store, [projection], fast);
    first.start();
    await first.caughtUp();
    await first.stop();
  }

  /** The same projections caught up live, batch by batch, in a store of their own. */
  async function live(projections: readonly Projection[]): Promise<ReadStore> {
    const alone = new SqliteReadStore({ file: join(s.dir, 'live.sqlite') });
    const r = new ProjectionRunner(s.events, alone, projections, { ...fast, writeBehind: false });
    r.start();
    await r.caughtUp();
    await r.stop();
    return alone;
  }

  it('fills every projection that stored nothing in one pass, to the documents a live catch-up builds, then the runner goes on live', async () => {
    await appendTicks(s.events, 120, { groups: 6 });
    const head = await s.events.headPosition();
    runner = new ProjectionRunner(s.events, s.store, [tally, streamActivityProjection], fast);
    const seen: Array<[number, number]> = [];
    const filled = await fillNewProjections(runner, s.events, s.store, { minEvents: 100, logger, onProgress: (position, to) => seen.push([position, to]) });
    expect(filled.map((r) => [r.name, r.position]).sort()).toEqual([
      [tally.name, head],
      [streamActivityProjection.name, head],
    ].sort());
    // The slowest projection's position, never going back, up to the head.
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(([, to]) => to === head)).toBe(true);
    expect(seen.map(([p]) => p)).toEqual([...seen.map(([p]) => p)].sort((a, b) => a - b));
    expect(seen[seen.length - 1][0]).toBe(head);
    const reference = await live([tally, streamActivityProjection]);
    for (const p of [tally, streamActivityProjection]) expect(await documents(s.store, p)).toEqual(await documents(reference, p));
    await reference.close();

    await appendTicks(s.events, 15, { groups: 6 });
    runner.start();
    await runner.caughtUp();
    expect((await s.store.checkpoint(tally.name))?.position).toBe(await s.events.headPosition());
  });

  it('leaves alone a projection that stored before, and a history shorter than asked for', async () => {
    await appendTicks(s.events, 60, { groups: 3 });
    await caughtUpLive(tally);
    await appendTicks(s.events, 60, { groups: 3 });
    runner = new ProjectionRunner(s.events, s.store, [tally, streamActivityProjection], fast);
    // Too short a history: nothing filled, the store as it was.
    expect(await fillNewProjections(runner, s.events, s.store, { minEvents: 1_000, logger })).toEqual([]);
    expect(await s.store.checkpoint(streamActivityProjection.name)).toBeNull();
    // The tally stored up to 60 before: only the other one is filled, the tally catches up live.
    const filled = await fillNewProjections(runner, s.events, s.store, { minEvents: 100, logger });
    expect(filled.map((r) => r.name)).toEqual([streamActivityProjection.name]);
    expect((await s.store.checkpoint(tally.name))?.position).toBe(60);
  });

  it('fills a projection whose documents an older version of it built, as its start would rebuild it', async () => {
    await appendTicks(s.events, 120, { groups: 3 });
    await caughtUpLive(tally);
    const newer = { ...tally, version: tally.version + 1 };
    runner = new ProjectionRunner(s.events, s.store, [newer], fast);
    const filled = await fillNewProjections(runner, s.events, s.store, { minEvents: 100, logger });
    expect(filled.map((r) => [r.name, r.position])).toEqual([[tally.name, 120]]);
    expect(await s.store.checkpoint(tally.name)).toMatchObject({ position: 120, version: newer.version });
  });

  it('fills only what it can hold: a projection another runner leases catches up there, and the fill neither fails nor waits for it', async () => {
    await appendTicks(s.events, 120, { groups: 6 });
    const leases = projectionLeasesFor(s.store);
    // Another projector took the tally's lease (and has not stored yet).
    expect((await leases.hold({ projection: tally.name, owner: 'host-b:2:b', ttlMs: 60_000, now: new Date() })).held).toBe(true);
    runner = new ProjectionRunner(s.events, s.store, [tally, streamActivityProjection], { ...fast, lease: { leases, owner: 'host-a:1:a', ttlMs: 60_000 } });
    const filled = await fillNewProjections(runner, s.events, s.store, { minEvents: 100, logger });
    expect(filled).toEqual([]);
    expect((await s.store.checkpoint(streamActivityProjection.name))?.position).toBe(await s.events.headPosition());
    expect(await s.store.checkpoint(tally.name)).toBeNull();
    expect(logs.some((l) => l.startsWith('WARN filling the new projections') && l.includes('another projector'))).toBe(true);
  });

  it('logs a failure of the reads that choose what to fill, never throws it: the live runner catches up', async () => {
    await appendTicks(s.events, 120, { groups: 6 });
    runner = new ProjectionRunner(s.events, s.store, [tally], fast);
    const failing = Object.create(s.store) as SqliteReadStore;
    failing.checkpoints = () => Promise.reject(new Error('disk I/O error'));
    await expect(fillNewProjections(runner, s.events, failing, { minEvents: 100, logger })).resolves.toEqual([]);
    expect(logs).toContain('WARN filling the new projections: disk I/O error; what is left catches up live');
  });

  /** A fill of `tally` stopped once it passed position 50, with the commits it made before the stop. */
  async function stoppedFill(options: ProjectionRunnerOptions): Promise<number[]> {
    const commits: number[] = [];
    const stop = new AbortController();
    runner = new ProjectionRunner(s.events, s.store, [tally], { ...options, onCommitted: (_, position) => void (stop.signal.aborted || commits.push(position)) });
    await fillNewProjections(runner, s.events, s.store, {
      minEvents: 100,
      logger,
      signal: stop.signal,
      onProgress: (position) => {
        if (position >= 50) stop.abort(new Error('stopping'));
      },
    });
    expect(logs.some((l) => l.startsWith('WARN filling the new projections: stopping'))).toBe(true);
    await runner.stop();
    return commits;
  }

  async function expectAsBuiltLive(): Promise<void> {
    const reference = await live([tally]);
    expect(await documents(s.store, tally)).toEqual(await documents(reference, tally));
    await reference.close();
  }

  it('stops between batches when aborted, storing nothing it held pending: the next start fills it again in one pass', async () => {
    await appendTicks(s.events, 200, { groups: 6 });
    expect(await stoppedFill(fast)).toEqual([]);
    expect(await s.store.checkpoint(tally.name)).toBeNull();
    logs.length = 0;
    runner = new ProjectionRunner(s.events, s.store, [tally], fast);
    const [filled] = await fillNewProjections(runner, s.events, s.store, { minEvents: 100, logger });
    expect(filled).toMatchObject({ name: tally.name, position: await s.events.headPosition() });
    await expectAsBuiltLive();
  });

  it('a stopped fill keeps what it stored before the stop, which a live start goes on from', async () => {
    await appendTicks(s.events, 200, { groups: 6 });
    const commits = await stoppedFill({ ...fast, writeBehind: { bytes: 50 } });
    expect(commits.length).toBeGreaterThan(0);
    const stored = (await s.store.checkpoint(tally.name))!.position;
    expect(stored).toBe(commits[commits.length - 1]);
    expect(stored).toBeLessThan(await s.events.headPosition());
    runner = new ProjectionRunner(s.events, s.store, [tally], fast);
    runner.start();
    await runner.caughtUp();
    await expectAsBuiltLive();
  });
});
