import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EMBEDDED_STORES, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { PlatformMetrics } from '@platform/observability';
import { PROJECTION_CATCH_UP, ProjectionCatchUp, projectorOwnerId } from '@platform/read-models';
import { ProjectorThread } from './projector-thread';

type AppendSignal = { onAppended?(listener: () => void): () => void };
type Notified = ProjectionCatchUp & { notify?(): void };

/**
 * PROJECTIONS=worker (the default of `npm start`): the platform runs its projections in a thread
 * of its own, started before the platform catches up and listens, stopped when it closes. The API
 * waits for the stored checkpoints as with any projector; this thread's commits wake those waits
 * at once, and the platform's appends wake the thread.
 */
@Injectable()
export class ProjectorThreadLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  readonly thread: ProjectorThread;
  private unlisten: (() => void) | null = null;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_CATCH_UP) catchUp: Notified,
    metrics: PlatformMetrics,
  ) {
    this.thread = new ProjectorThread({
      data: {
        dataDir: config.dataDir,
        leaseMs: config.projections?.leaseMs ?? 10_000,
        owner: projectorOwnerId(),
        readStore: (config.stores ?? EMBEDDED_STORES).readStore,
      },
      logger: new Logger('Projections'),
      onCommitted: () => catchUp.notify?.(),
      onRestart: () => metrics.projectorRestarts.inc(),
    });
  }

  onApplicationBootstrap(): void {
    this.thread.start();
    const signal = this.events as EventStore & AppendSignal;
    this.unlisten = signal.onAppended?.(() => this.thread.appended()) ?? null;
  }

  async onModuleDestroy(): Promise<void> {
    this.unlisten?.();
    await this.thread.stop();
  }
}
