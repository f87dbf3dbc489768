import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { ProjectionRunner } from '@platform/read-models';

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  /** Liveness, the event store's head position, and each projection's lag and last error */
  @Access({ roles: [...STAFF, 'public'], mode: 'read', units: null })
  @Get()
  async health() {
    const runner = await this.projections.status();
    return {
      status: 'ok',
      eventStore: { headPosition: await this.store.headPosition() },
      projections: {
        healthy: runner.healthy,
        head: runner.head,
        items: runner.projections.map((p) => ({
          name: p.name,
          version: p.version,
          state: p.state,
          position: p.position,
          lag: p.lag,
          lastError: p.lastError,
          retrying: p.retrying,
          nextRetryAt: p.nextRetryAt,
        })),
      },
    };
  }
}
