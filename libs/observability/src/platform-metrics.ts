import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where a projection stands: its name and how many events it has still to apply. */
export interface ProjectionLag {
  readonly name: string;
  /** null: not counted (the store cannot count events by position); the gauge keeps its last value. */
  readonly lag: number | null;
}

/**
 * The figures an operator scrapes from each process (Prometheus text format at /metrics): request
 * latency by route template, append latency, projection lag, and the process's own (memory, event
 * loop, GC). One registry per application, so two platforms in one test process never share counts.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly appendDuration: Histogram<'streams'>;
  /** The platform's projector thread ended without being asked to and was started again. */
  readonly projectorRestarts: Counter;
  private lagSource: (() => Promise<readonly ProjectionLag[]>) | null = null;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.appendDuration = new Histogram({
      name: 'event_store_append_duration_seconds',
      help: 'Event-store append latency, by streams written in the one transaction (one, several)',
      labelNames: ['streams'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [this.registry],
    });
    this.projectorRestarts = new Counter({
      name: 'projector_thread_restarts_total',
      help: 'Times the projector thread of the platform ended unasked (a crash) and was started again',
      registers: [this.registry],
    });
    const metrics = this;
    new Gauge({
      name: 'projection_lag_events',
      help: 'Events committed but not yet applied, per projection (from the stored checkpoints)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        if (!metrics.lagSource) return;
        this.reset();
        for (const p of await metrics.lagSource()) if (p.lag !== null) this.set({ projection: p.name }, p.lag);
      },
    });
  }

  /** The projections' lag is read when scraped, never pushed: a query-only process reports it too. */
  reportProjectionLag(source: () => Promise<readonly ProjectionLag[]>): void {
    this.lagSource = source;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
