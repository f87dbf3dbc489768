import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, obj, objOrNull, storedEventHead, str, strOrNull } from '../http/openapi/schema-pieces';

/** One stream's events with their full envelopes */
export const ReadStreamAnswer: SchemaObject = obj({
  streamId: str(),
  revision: num(),
  events: arrOrNull(objOrNull({
    ...storedEventHead(),
    data: objOrNull(),
    occurredAt: strOrNull(),
    recordedAt: strOrNull(),
    actor: objOrNull(),
    correlationId: str(),
    causationId: strOrNull(),
    idempotencyKey: {},
    commandFingerprint: {},
    prevHash: strOrNull(),
    hash: strOrNull(),
  })),
}, { required: ['streamId', 'revision', 'events'] });
