import { NotaryStatus } from '@platform/event-store';
import { InMemoryProjectionLeases } from '@platform/read-models';
import { schedulerHealth, schedulerMetrics } from './scheduler-health';

describe("the scheduler's health and metrics", () => {
  it("show the notary's tip and lag, and count the notary's lease as this scheduler's job", async () => {
    const now = new Date('2026-11-01T00:00:00.000Z');
    const leases = new InMemoryProjectionLeases();
    await leases.hold({ projection: 'job:deadline-warnings', owner: 'sched-1', ttlMs: 30_000, now });
    await leases.hold({ projection: 'job:notary', owner: 'sched-1:notary', ttlMs: 30_000, now });
    const notary: NotaryStatus = {
      owner: 'sched-1:notary',
      tip: { seq: 40, position: 40 },
      headPosition: 42,
      lagEvents: 2,
      behind: true,
      holding: true,
      lastRoundAt: now.toISOString(),
      lastError: null,
      checkpoint: null,
    };
    const probe = { owner: 'sched-1', events: { headPosition: async () => 42 }, leases, latestCheckpoint: () => null, notary: async () => notary };
    const health = await schedulerHealth(probe, now);
    expect(health).toMatchObject({ head: 42, notary: { tip: { seq: 40 }, lagEvents: 2 } });
    expect(health.jobs.map((j) => [j.job, j.mine])).toEqual([
      ['job:deadline-warnings', true],
      ['job:notary', true],
    ]);
    const text = await schedulerMetrics(() => schedulerHealth(probe, now)).registry.metrics();
    expect(text).toMatch(/^notary_lag_events\{service="scheduler"\} 2$/m);
    expect(text).toMatch(/^notary_tip_seq\{service="scheduler"\} 40$/m);
    expect(text).toMatch(/^scheduler_job_held\{job="job:notary",service="scheduler"\} 1$/m);
  });
});
