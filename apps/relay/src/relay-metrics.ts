import { PlatformMetrics } from '@platform/observability';
import { RelayStatus } from '@platform/relay';
import { Gauge } from 'prom-client';

/** The relay's figures beside the process's own: its lag in events and in time, its position, and whether it fails. */
export function relayMetrics(status: () => Promise<RelayStatus>): PlatformMetrics {
  const metrics = new PlatformMetrics('relay');
  const gauge = (name: string, help: string, value: (s: RelayStatus) => number | null) =>
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      async collect() {
        const v = value(await status());
        if (v === null) this.reset();
        else this.set(v);
      },
    });
  gauge('relay_lag_events', 'Committed events not yet published (dense positions only)', (s) => s.lagEvents);
  gauge('relay_behind_seconds', 'How long the oldest unpublished event has waited', (s) => s.behindSeconds);
  gauge('relay_position', 'Last position published and checkpointed', (s) => s.position);
  gauge('relay_failing', '1 while the last batch failed and is being retried', (s) => (s.failing ? 1 : 0));
  gauge('relay_published_messages', 'Integration messages published by this process since it started', (s) => s.published);
  return metrics;
}
