import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, boolOrNull, numOrNull, obj, objOrNull, str } from '@platform/common';

/** Liveness, the event store head and each projection's position and lag */
export const HealthAnswer: SchemaObject = obj({
  status: str(),
  eventStore: objOrNull({ headPosition: numOrNull() }),
  notary: objOrNull({
    tip: objOrNull({ seq: numOrNull(), position: numOrNull() }),
    headPosition: numOrNull(),
    lagEvents: numOrNull(),
    behind: boolOrNull(),
  }),
  projections: objOrNull({
    healthy: boolOrNull(),
    head: numOrNull(),
    items: arrOrNull(objOrNull()),
  }),
}, { required: ['status', 'eventStore', 'projections'] });
