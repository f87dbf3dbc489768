import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectionLeasesFor, SqliteReadStore } from '@platform/read-models';
import { DeadlineWarningCheck } from './deadline-warning-check';
import { DeadlineWarningJob } from './deadline-warning.job';

describe('the deadline-warning job across processes: one scheduler at a time through a lease', () => {
  let dir: string;
  let store: SqliteReadStore;
  let now: Date;
  const runs: string[] = [];
  /** Records which process ran the check; the check itself is tested in deadline-warning-check.int.spec. */
  const checkOf = (who: string) => ({ run: async () => (runs.push(who), { today: '2026-05-01', raised: [], failed: [] }) }) as unknown as DeadlineWarningCheck;
  const job = (who: string) => new DeadlineWarningJob(checkOf(who), { warningJobIntervalMs: 60_000, officeTimeZone: 'Asia/Shanghai' }, projectionLeasesFor(store), () => now);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warning-job-'));
    store = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
    now = new Date('2026-05-01T08:00:00Z');
    runs.length = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs in the process holding the lease only; another takes over once the lease lapses', async () => {
    const a = job('a');
    const b = job('b');
    await a.tick();
    await b.tick();
    await a.tick();
    expect(runs).toEqual(['a', 'a']);
    now = new Date(now.getTime() + 121_000); // a died without renewing: two intervals later its lease has lapsed
    await b.tick();
    await a.tick();
    expect(runs).toEqual(['a', 'a', 'b']);
  });

  it('runs first at bootstrap, or, held, when its start-up run is asked for (the views caught up), and only once', async () => {
    const atBootstrap = job('bootstrap');
    atBootstrap.onApplicationBootstrap();
    await atBootstrap.startupRun();
    expect(runs).toEqual(['bootstrap']);
    await atBootstrap.onModuleDestroy();

    const held = job('held');
    held.holdFirstRun();
    held.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toEqual(['bootstrap']);
    await held.startupRun();
    await held.startupRun();
    expect(runs).toEqual(['bootstrap', 'held']);
    await held.onModuleDestroy();
  });

  it('gives the lease up on shutdown, so the next tick elsewhere runs at once', async () => {
    const a = job('a');
    const b = job('b');
    await a.tick();
    await b.tick();
    await a.onModuleDestroy();
    await b.tick();
    expect(runs).toEqual(['a', 'b']);
  });

  it('waits for a busy lease store only at start-up: a later tick that finds it busy skips its run', async () => {
    const leases = projectionLeasesFor(store);
    const waited: boolean[] = [];
    let busy = false;
    const watched = { ...leases, hold: (r: Parameters<typeof leases.hold>[0]) => (waited.push(r.wait !== false), busy && r.wait === false ? Promise.resolve({ held: false, lease: null, busy: true }) : leases.hold(r)) };
    const a = new DeadlineWarningJob(checkOf('a'), { warningJobIntervalMs: 60_000, officeTimeZone: 'Asia/Shanghai' }, watched, () => now);
    // The start-up run waits: the platform listens after it.
    await a.tick();
    await a.tick();
    busy = true;
    await a.tick();
    busy = false;
    await a.tick();
    await a.tick();
    expect(waited).toEqual([true, false, false, false, false]);
    expect(runs).toEqual(['a', 'a', 'a', 'a']);
  });
});
