import type { EventStore } from '@platform/event-store';
import { FeedConsumer, FeedLogger, FeedProjectionSource, Projection, ProjectionRunner, ProjectionStatus, ReadStore } from '@platform/read-models';

export interface ProjectorFeed {
  readonly source: FeedProjectionSource;
  start(runner: ProjectionRunner, leaseMs: number): void;
  /** The runner's onCommitted: the feed's offsets follow the stored checkpoints. */
  committed(name: string, position: number): void;
  /** The runner's onError: a failure on an event names the correlation id its message carried. */
  failed(status: ProjectionStatus, error: unknown): void;
  stop(): Promise<void>;
}

/**
 * The projector's side of PROJECTION_SOURCE=kafka: the feed source over the consumer, told which
 * projections this projector runs (its share under the leases) so those another one runs hold no
 * offsets back, and told each stored checkpoint.
 */
export function feedSource(consumer: FeedConsumer, events: EventStore, store: ReadStore, projections: readonly Projection[], logger?: FeedLogger): ProjectorFeed {
  const names = projections.map((p) => p.name);
  const source = new FeedProjectionSource({ consumer, history: events, projections: names, logger });
  let timer: NodeJS.Timeout | null = null;
  const report = (error: unknown) => logger?.error({ err: error }, 'projection feed');
  return {
    source,
    start(runner, leaseMs) {
      // What is already stored counts, so a projection with nothing new to apply does not hold the offsets back.
      void Promise.all(names.map(async (n) => ({ n, c: await store.checkpoint(n) })))
        .then((stored) => stored.forEach(({ n, c }) => void source.checkpointed(n, c?.position ?? 0)))
        .catch(report);
      source.start().catch(report);
      timer = setInterval(() => {
        runner
          .status()
          .then((s) => source.feeding(s.projections.filter((p) => p.state !== 'standby').map((p) => p.name)))
          .catch(report);
      }, Math.max(100, Math.floor(leaseMs / 3)));
      timer.unref();
    },
    committed: (name, position) => void source.checkpointed(name, position),
    failed(status) {
      const at = status.lastError?.position ?? 0;
      logger?.error(
        { projection: status.name, position: at, eventType: status.lastError?.eventType ?? null, correlationId: source.correlationAt(at) },
        `projection ${status.name} failed on an event of the feed: ${status.lastError?.message ?? ''}`,
      );
    },
    async stop() {
      if (timer) clearInterval(timer);
      await source.stop();
    },
  };
}
