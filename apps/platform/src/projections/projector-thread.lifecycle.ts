import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { EMBEDDED_STORES, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { PlatformMetrics } from '@platform/observability';
import { PROJECTION_CATCH_UP, ProjectionCatchUp, projectorOwnerId } from '@platform/read-models';
import { ProjectorThread } from './projector-thread';

type AppendSignal = { onAppended?(listener: () => void): () => void };
type Notified = ProjectionCatchUp & { notify?(): void };

/**
 * PROJECTIONS=worker (the default of `npm start`): the platform runs its projections in a thread
 * of its own, stopped when the platform closes. It starts as soon as the stores it shares are open
 * (they are this provider's dependencies, so their files and schemas exist), so that loading its
 * modules overlaps the rest of the platform's start instead of following it. The API waits for
 * the stored checkpoints as with any projector; this thread's commits wake those waits at once,
 * and the platform's appends wake the thread.
 */
@Injectable()
export class ProjectorThreadLifecycle implements OnModuleDestroy {
  readonly thread: ProjectorThread;
  private readonly unlisten: (() => void) | null;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(PROJECTION_CATCH_UP) catchUp: Notified,
    metrics: PlatformMetrics,
  ) {
    this.thread = new ProjectorThread({
      data: {
        dataDir: config.dataDir,
        leaseMs: config.projections?.leaseMs ?? 10_000,
        fillFromEvents: config.projections?.fillFromEvents,
        settleMs: config.projections?.settleMs,
        owner: projectorOwnerId(),
        readStore: (config.stores ?? EMBEDDED_STORES).readStore,
      },
      logger: new Logger('Projections'),
      onCommitted: () => catchUp.notify?.(),
      onRestart: () => metrics.projectorRestarts.inc(),
      heapMiB: config.projections?.heapMiB,
    });
    this.thread.start();
    this.unlisten = (events as EventStore & AppendSignal).onAppended?.(() => this.thread.appended()) ?? null;
  }

  async onModuleDestroy(): Promise<void> {
    this.unlisten?.();
    await this.thread.stop();
  }
}
