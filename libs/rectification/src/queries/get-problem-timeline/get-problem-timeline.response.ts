import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, numOrNull, obj, objOrNull, positionToken, str, strOrNull } from '@platform/common';

/** A problem's events, each with the rectification cycle it belongs to */
export const GetProblemCyclesAnswer: SchemaObject = obj({
  problemId: str(),
  revision: num(),
  cycles: numOrNull(),
  events: arrOrNull(objOrNull({
    cycle: numOrNull(),
    revision: num(),
    position: positionToken(),
    type: str(),
    occurredAt: strOrNull(),
    recordedAt: strOrNull(),
    actor: objOrNull(),
    correlationId: str(),
    data: objOrNull(),
  })),
}, { required: ['problemId', 'revision', 'cycles', 'events'] });
