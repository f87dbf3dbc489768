import { SqliteEventStore } from '@platform/event-store';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryReadStore } from './memory/in-memory-read-store';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions, ProjectionStatus } from './projection-runner';
import { AnyDocument, ReadStore } from './read-store.port';
import { SqliteReadStore } from './sqlite/sqlite-read-store';
import { appendTicks } from './testing/sample-events';
import { GroupEventData, groupTallyProjection, TALLY_TOTALS } from './testing/sample-projections';
import { closeSqliteStores, openSqliteStores } from './testing/sqlite-stores';

const errors: string[] = [];
const logger = { log: () => undefined, warn: () => undefined, error: (m: string) => void errors.push(m) };
const fast: ProjectionRunnerOptions = { pollMs: 20, verifyMs: 30, retry: { initialMs: 10, maxMs: 40 }, logger };

async function documents(store: ReadStore, projection: Projection): Promise<Record<string, AnyDocument[]>> {
  const result: Record<string, AnyDocument[]> = {};
  for (const c of projection.collections) result[c] = await store.find(c, {}, { sort: { _id: 1 } });
  return result;
}

/** The documents a fresh rebuild from the event store gives. */
async function rebuilt(events: SqliteEventStore, projection: Projection): Promise<Record<string, AnyDocument[]>> {
  const fresh = new InMemoryReadStore();
  const runner = new ProjectionRunner(events, fresh, [projection], { logger });
  await runner.rebuild(projection.name);
  return documents(fresh, projection);
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('projections whose checkpoint no longer matches the event store', () => {
  let dir: string;
  let eventsFile: string;
  let events: SqliteEventStore;
  let store: SqliteReadStore;
  let runner: ProjectionRunner | null;
  const tally = groupTallyProjection();
  const tallyStatus = async (): Promise<ProjectionStatus> => (await runner!.status()).projections[0];

  beforeEach(() => {
    errors.length = 0;
    ({ dir, events, store } = openSqliteStores('rm-diverge-'));
    eventsFile = join(dir, 'events.sqlite');
    runner = null;
  });
  afterEach(() => closeSqliteStores({ dir, events, store }, runner));

  /** Projects `before` events, keeps a copy of the event store, then projects `after` more. */
  async function readModelsNewerThanBackup(before: number, after: number): Promise<string> {
    await appendTicks(events, before, { groups: 3 });
    await events.close();
    const backup = join(dir, 'events.backup.sqlite');
    copyFileSync(eventsFile, backup);
    events = new SqliteEventStore({ file: eventsFile });
    await appendTicks(events, after, { groups: 3 });
    runner = new ProjectionRunner(events, store, [tally], fast);
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect(await store.checkpoint(tally.name)).toMatchObject({ position: before + after, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    return backup;
  }

  async function restore(backup: string): Promise<void> {
    await events.close();
    rmSync(`${eventsFile}-wal`, { force: true });
    rmSync(`${eventsFile}-shm`, { force: true });
    copyFileSync(backup, eventsFile);
    events = new SqliteEventStore({ file: eventsFile });
  }

  it('accepts a checkpoint whose event still has its hash: a restart rebuilds nothing', async () => {
    await readModelsNewerThanBackup(20, 10);
    let calls = 0;
    const counted: Projection<GroupEventData> = { ...tally, evolve: (e, ctx) => (calls++, tally.evolve(e, ctx)) };
    runner = new ProjectionRunner(events, store, [counted], fast);
    runner.start();
    await runner.caughtUp();
    await new Promise((r) => setTimeout(r, 100)); // several periodic checks
    expect(calls).toBe(0);
    expect(await runner.status()).toMatchObject({ healthy: true, projections: [{ state: 'live', position: 30, divergence: null }] });
    expect(errors).toEqual([]);
  });

  it('refuses a checkpoint ahead of a restored event store: rebuilds from the first event, and new writes reach the documents', async () => {
    const backup = await readModelsNewerThanBackup(20, 15);
    await restore(backup);
    runner = new ProjectionRunner(events, store, [tally], fast);
    runner.start();
    const status = await until(tallyStatus, (s) => s.divergence?.rebuiltAt != null);
    expect(status.divergence).toMatchObject({ checkpoint: 35, head: 20, rebuild: { position: 20, target: 20, events: 20 } });
    expect(status.divergence?.reason).toMatch(/checkpoint 35 is ahead of the event store's head 20/);
    expect(errors.join('\n')).toMatch(/PROJECTION DIVERGED: group-tally/);
    expect(await documents(store, tally)).toEqual(await rebuilt(events, tally));

    await appendTicks(events, 4, { groups: 3 });
    await runner.caughtUp();
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 24 });
    expect((await runner.status()).healthy).toBe(true);
  });

  it('refuses a checkpoint whose event has another hash, after the restored store grew past it', async () => {
    const backup = await readModelsNewerThanBackup(20, 15);
    await restore(backup);
    await appendTicks(events, 30, { groups: 3, prefix: 'other' });
    runner = new ProjectionRunner(events, store, [tally], fast);
    runner.start();
    const status = await until(tallyStatus, (s) => s.divergence?.rebuiltAt != null);
    expect(status.divergence?.reason).toMatch(/the event at checkpoint 35 has hash/);
    await runner.caughtUp();
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 50 });
    expect(await documents(store, tally)).toEqual(await rebuilt(events, tally));
  });

  it('is unhealthy and answers stale while the rebuild runs, with its progress, then healthy', async () => {
    const backup = await readModelsNewerThanBackup(20, 15);
    await restore(backup);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const held: Projection<GroupEventData> = { ...tally, evolve: async (e, ctx) => (await gate, tally.evolve(e, ctx)) };
    runner = new ProjectionRunner(events, store, [held], { ...fast, batchSize: 5 });
    runner.start();
    const during = await until(() => runner!.status(), (s) => s.projections[0].state === 'diverged');
    expect(during).toMatchObject({ healthy: false, projections: [{ state: 'diverged', divergence: { rebuild: { target: 20 }, rebuiltAt: null } }] });
    await expect(runner.waitFor(20, { timeoutMs: 5_000 })).rejects.toThrow(/diverged from the event store/);
    release();
    const after = await until(() => runner!.status(), (s) => s.healthy);
    expect(after.projections[0]).toMatchObject({ state: 'live', position: 20, divergence: { rebuiltAt: expect.any(String) } });
  });

  it('notices while live that the event store lost its tail, and rebuilds', async () => {
    await appendTicks(events, 30, { groups: 3 });
    runner = new ProjectionRunner(events, store, [tally], fast);
    runner.start();
    await runner.caughtUp();
    events.db.exec('DELETE FROM events WHERE position > 18');
    const status = await until(tallyStatus, (s) => s.divergence?.rebuiltAt != null);
    expect(status.divergence?.reason).toMatch(/checkpoint 30 is ahead of the event store's head 18/);
    await appendTicks(events, 2, { groups: 3 });
    await runner.caughtUp();
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 20 });
  });
});
