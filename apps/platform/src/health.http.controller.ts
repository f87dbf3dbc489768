import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorRequest, MANAGERS, STAFF } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { ProjectionRunner } from '@platform/read-models';
import { HealthAnswer } from './health.response';

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  /** Liveness, the event store's head position, and each projection's lag and last error */
  @ApiOperation({ summary: '运行状况 (health: event store head and projection lag)' })
  @ApiOkResponse({ schema: HealthAnswer })
  @Access({ roles: [...STAFF, 'public'], mode: 'read', units: null })
  @Get()
  async health(@Req() req: ActorRequest) {
    const runner = await this.projections.status();
    // Error messages may quote data; the public sees that a projection fails and where, not why.
    const operator = req.actor !== undefined && MANAGERS.includes(req.actor.role);
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
          lastError: p.lastError && (operator ? p.lastError : { position: p.lastError.position, at: p.lastError.at }),
          retrying: p.retrying,
          nextRetryAt: p.nextRetryAt,
        })),
      },
    };
  }
}
