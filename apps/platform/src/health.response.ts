import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, boolOrNull, numOrNull, obj, objOrNull, str } from '@platform/common';

/** Liveness, the event store head and each projection's position and lag */
export const HealthAnswer: SchemaObject = obj({
  status: str(),
  eventStore: objOrNull({ headPosition: numOrNull() }),
  projections: objOrNull({
    healthy: boolOrNull(),
    head: numOrNull(),
    items: arrOrNull(objOrNull()),
  }),
}, { required: ['status', 'eventStore', 'projections'] });
