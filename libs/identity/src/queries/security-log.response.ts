import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** One page of the security log */
export const SecurityLogAnswer: SchemaObject = obj({
  entries: arrOrNull(objOrNull({
    id: num(),
    at: str(),
    kind: str(),
    userId: strOrNull(),
    username: strOrNull(),
    ip: {},
    detail: objOrNull(),
  })),
  next: numOrNull(),
}, { required: ['entries'] });
