import { SqliteEventStore } from '@platform/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectionLeasesFor } from './leases/projection-leases.factory';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { CheckpointConflictError } from './read-store.errors';
import { CommitBatch } from './read-store.port';
import { readModelsFile, SqliteReadStore } from './sqlite/sqlite-read-store';
import { appendTicks } from './testing/sample-events';
import { groupTallyProjection, streamActivityProjection, TALLY_TOTALS } from './testing/sample-projections';

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('projection runners sharing one read store through leases', () => {
  let dir: string;
  let events: SqliteEventStore;
  const stores: SqliteReadStore[] = [];
  const runners: ProjectionRunner[] = [];
  const logs: string[] = [];
  const logger = { log: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(`ERROR ${m}`) };

  // Long enough that a busy machine stalling this process cannot let a held lease lapse: handing over on stop
  // goes by the release, not by the expiry (the one test of expiry passes its own short lifetime).
  function runner(owner: string, ttlMs = 3_000): ProjectionRunner {
    const store = new SqliteReadStore({ file: readModelsFile(dir) });
    stores.push(store);
    const options: ProjectionRunnerOptions = { pollMs: 20, logger, lease: { leases: projectionLeasesFor(store), owner, ttlMs } };
    const r = new ProjectionRunner(events, store, [groupTallyProjection(), streamActivityProjection], options);
    runners.push(r);
    return r;
  }

  /** Appends `ticks` events in `groups` groups and starts host a's runner, returned once it has projected them all. */
  async function firstRunnerCaughtUp(ticks: number, groups: number, ttlMs?: number): Promise<ProjectionRunner> {
    await appendTicks(events, ticks, { groups });
    const a = runner('host-a:1:a', ttlMs);
    a.start();
    await until(async () => (await stores[0].checkpoint('group-tally'))?.position === ticks);
    return a;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-leases-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    logs.length = 0;
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    for (const s of stores.splice(0)) await s.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs each projection in exactly one runner; the other stands by, then takes over when the first stops', async () => {
    const a = await firstRunnerCaughtUp(40, 4);
    const b = runner('host-b:2:b');
    b.start();
    await until(async () => (await b.status()).projections.every((p) => p.state === 'standby'));
    const leases = await projectionLeasesFor(stores[0]).leases();
    expect(leases.map((l) => [l.projection, l.owner])).toEqual([
      ['group-tally', 'host-a:1:a'],
      ['stream-activity', 'host-a:1:a'],
    ]);

    await a.stop();
    await appendTicks(events, 10, { groups: 4 });
    await until(async () => (await stores[1].checkpoint('group-tally'))?.position === 50);
    expect((await stores[1].get(TALLY_TOTALS, 'all'))?.ticks).toBe(50);
    expect((await projectionLeasesFor(stores[1]).leases()).map((l) => l.owner)).toEqual(['host-b:2:b', 'host-b:2:b']);
    expect(logs.filter((m) => m.startsWith('ERROR'))).toEqual([]);
  });

  it('reports a projection live in its lease as soon as it is, not after its next poll (nothing to apply at start)', async () => {
    const store = new SqliteReadStore({ file: readModelsFile(dir) });
    stores.push(store);
    // A poll far longer than the test: the state must reach the lease before the runner waits.
    const r = new ProjectionRunner(events, store, [groupTallyProjection(), streamActivityProjection], { pollMs: 60_000, logger, lease: { leases: projectionLeasesFor(store), owner: 'host-a:1:a', ttlMs: 30_000 } });
    runners.push(r);
    r.start();
    const states = async () => (await projectionLeasesFor(store).leases()).map((l) => l.report?.state);
    await until(async () => (await states()).length === 2 && (await states()).every((s) => s === 'live'), 5_000);
  });

  it('takes over a lease that its holder stopped renewing once it expires', async () => {
    const a = await firstRunnerCaughtUp(20, 4, 400);
    // A holder that froze: it keeps the lease in the store but never renews it.
    await a.stop();
    const leases = projectionLeasesFor(stores[0]);
    const frozen = new Date(Date.now());
    for (const projection of ['group-tally', 'stream-activity']) await leases.hold({ projection, owner: 'host-z:9:frozen', ttlMs: 400, now: frozen });
    const b = runner('host-b:2:b', 400);
    b.start();
    await appendTicks(events, 10, { groups: 4 });
    await until(async () => (await stores[1].checkpoint('group-tally'))?.position === 30);
    const takenAfter = Date.now() - frozen.getTime();
    expect(takenAfter).toBeGreaterThanOrEqual(400);
    expect((await leases.leases()).every((l) => l.owner === 'host-b:2:b')).toBe(true);
  });

  it('treats a checkpoint that moved under it as owned by someone else: re-reads it, logs it, no failure', async () => {
    await appendTicks(events, 20, { groups: 4 });
    const a = runner('host-a:1:a');
    const store = stores[0];
    let conflicts = 1;
    const refused = (batch: CommitBatch) => (batch.projection === 'group-tally' && conflicts-- > 0 ? new CheckpointConflictError(batch.projection, batch.fromPosition, 7) : null);
    const commit = store.commit.bind(store);
    store.commit = async (batch: CommitBatch) => {
      const conflict = refused(batch);
      if (conflict) throw conflict;
      return commit(batch);
    };
    // The projections woken together commit together: refused there the same way.
    const commitAll = store.commitAll!.bind(store);
    store.commitAll = async (batches: readonly CommitBatch[]) => {
      const conflicts = batches.map(refused);
      const outcomes = await commitAll(batches.filter((_, i) => !conflicts[i]));
      let next = 0;
      return conflicts.map((c) => c ?? outcomes[next++]);
    };
    a.start();
    await until(async () => (await store.checkpoint('group-tally'))?.position === 20);
    const status = (await a.status()).projections.find((p) => p.name === 'group-tally');
    expect(status).toMatchObject({ errorCount: 0, lastError: null });
    expect(logs.some((m) => m.includes('someone else owns it'))).toBe(true);
  });

  it('rebuilds only under the lease: refused where another runner holds it, kept from others while it runs', async () => {
    const a = await firstRunnerCaughtUp(30, 3);
    const b = runner('host-b:2:b');
    await expect(b.rebuild('group-tally')).rejects.toThrow(/is run by another projector/);
    expect((await stores[0].get(TALLY_TOTALS, 'all'))?.ticks).toBe(30);

    const rebuilt = await a.rebuild('group-tally');
    expect(rebuilt).toMatchObject({ position: 30, events: 30 });
    // A runner that does not run gives the lease back once its rebuild is done (the CLI's case).
    await a.stop();
    const c = runner('host-c:3:c');
    await c.rebuild('group-tally');
    expect((await projectionLeasesFor(stores[0]).leases()).find((l) => l.projection === 'group-tally')).toMatchObject({ owner: 'host-c:3:c' });
    expect(Date.parse((await projectionLeasesFor(stores[0]).leases()).find((l) => l.projection === 'group-tally')!.expiresAt)).toBeLessThanOrEqual(Date.now());
    a.start();
    expect((await projectionLeasesFor(stores[0]).leases()).find((l) => l.projection === 'group-tally')?.owner).toBe('host-a:1:a');
    expect((await stores[0].get(TALLY_TOTALS, 'all'))?.ticks).toBe(30);
  });

  it('takes the leases of several projections for a rebuild all or none, naming those another runner holds', async () => {
    await appendTicks(events, 10, { groups: 2 });
    const store = new SqliteReadStore({ file: readModelsFile(dir) });
    stores.push(store);
    const tallyOnly = new ProjectionRunner(events, store, [groupTallyProjection()], { pollMs: 20, logger, lease: { leases: projectionLeasesFor(store), owner: 'host-a:1:a', ttlMs: 3_000 } });
    runners.push(tallyOnly);
    tallyOnly.start();
    await until(async () => (await store.checkpoint('group-tally'))?.position === 10);
    const b = runner('host-b:2:b');
    const leases = async () => Object.fromEntries((await projectionLeasesFor(store).leases()).map((l) => [l.projection, { owner: l.owner, live: Date.parse(l.expiresAt) > Date.now() }]));

    await expect(b.holdLeases(['stream-activity', 'group-tally'])).rejects.toThrow('projection group-tally is run by another projector: rebuild it there, or stop that one first');
    // The one it could take, given up again.
    expect(await leases()).toEqual({ 'group-tally': { owner: 'host-a:1:a', live: true }, 'stream-activity': { owner: 'host-b:2:b', live: false } });

    await tallyOnly.stop();
    await b.holdLeases(['stream-activity', 'group-tally']);
    expect(await leases()).toEqual({ 'group-tally': { owner: 'host-b:2:b', live: true }, 'stream-activity': { owner: 'host-b:2:b', live: true } });
    await b.releaseLeases(['stream-activity', 'group-tally']);
    expect(await leases()).toEqual({ 'group-tally': { owner: 'host-b:2:b', live: false }, 'stream-activity': { owner: 'host-b:2:b', live: false } });
  });
});
