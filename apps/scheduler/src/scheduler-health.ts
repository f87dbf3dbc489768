import { EventStore, IssuedCheckpoint, NotaryStatus } from '@platform/event-store';
import { PlatformMetrics, ServiceReadiness } from '@platform/observability';
import { ProjectionLeases } from '@platform/read-models';
import { Gauge } from 'prom-client';

export interface SchedulerProbe {
  readonly owner: string;
  readonly events: Pick<EventStore, 'headPosition'>;
  readonly leases: Pick<ProjectionLeases, 'leases'>;
  readonly latestCheckpoint: () => IssuedCheckpoint | null;
  readonly notary: () => Promise<NotaryStatus>;
}

export interface SchedulerHealth extends ServiceReadiness {
  readonly owner: string;
  readonly head: number;
  /** The latest signed checkpoint and how many events were appended after it (not yet witnessed). */
  readonly checkpoint: { readonly position: number; readonly issuedAt: string; readonly lag: number } | null;
  /** The global notary's tip and the events not yet notarized (its window of exposure). */
  readonly notary: NotaryStatus;
  /** Who holds each job's lease now; `mine` when it is this scheduler. */
  readonly jobs: ReadonlyArray<{ readonly job: string; readonly owner: string; readonly expiresAt: string; readonly mine: boolean }>;
}

/** Ready once the stores answer: a standby scheduler is ready too, it takes a job over when its holder's lease lapses. */
export async function schedulerHealth(probe: SchedulerProbe, now: Date = new Date()): Promise<SchedulerHealth> {
  const head = await probe.events.headPosition();
  const latest = probe.latestCheckpoint();
  const notary = await probe.notary();
  // The notary names itself in its lease; the other jobs by the scheduler's owner id.
  const mine = new Set([probe.owner, notary.owner]);
  const jobs = (await probe.leases.leases())
    .filter((l) => l.projection.startsWith('job:') && Date.parse(l.expiresAt) > now.getTime())
    .map((l) => ({ job: l.projection, owner: l.owner, expiresAt: l.expiresAt, mine: mine.has(l.owner) }));
  return {
    ready: true,
    owner: probe.owner,
    head,
    checkpoint: latest ? { position: latest.position, issuedAt: latest.issuedAt, lag: head - latest.position } : null,
    notary,
    jobs,
  };
}

/** The scheduler's figures: events not yet covered by a signed checkpoint, and which jobs this process holds. */
export function schedulerMetrics(health: () => Promise<SchedulerHealth>, metrics = new PlatformMetrics('scheduler')): PlatformMetrics {
  new Gauge({
    name: 'audit_checkpoint_lag_events',
    help: 'Events appended after the latest signed checkpoint',
    registers: [metrics.registry],
    async collect() {
      const h = await health();
      if (h.checkpoint) this.set(h.checkpoint.lag);
      else this.reset();
    },
  });
  new Gauge({
    name: 'notary_lag_events',
    help: 'Events appended but not yet chained by the global notary',
    registers: [metrics.registry],
    async collect() {
      const lag = (await health()).notary.lagEvents;
      if (lag === null) this.reset();
      else this.set(lag);
    },
  });
  new Gauge({
    name: 'notary_tip_seq',
    help: 'Events chained by the global notary so far',
    registers: [metrics.registry],
    async collect() {
      this.set((await health()).notary.tip.seq);
    },
  });
  new Gauge({
    name: 'scheduler_job_held',
    help: '1 for each job whose lease this scheduler holds',
    labelNames: ['job'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const j of (await health()).jobs) if (j.mine) this.set({ job: j.job }, 1);
    },
  });
  return metrics;
}
