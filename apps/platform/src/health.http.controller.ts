import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Liveness and the event store's head position */
  @Access({ roles: [...STAFF, 'public'], mode: 'read', units: null })
  @Get()
  async health() {
    return { status: 'ok', eventStore: { headPosition: await this.store.headPosition() } };
  }
}
