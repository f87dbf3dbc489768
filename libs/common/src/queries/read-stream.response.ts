import type { SchemaObject } from '@nestjs/swagger';

/** One stream's events with their full envelopes */
export const ReadStreamAnswer: SchemaObject = {
  type: 'object',
  properties: {
    streamId: { type: 'string' },
    revision: { type: 'number' },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          position: { type: 'number' },
          eventId: { type: 'string' },
          streamId: { type: 'string' },
          streamRevision: { type: 'number', nullable: true },
          type: { type: 'string' },
          schemaVersion: { type: 'number', nullable: true },
          data: { type: 'object', nullable: true },
          occurredAt: { type: 'string', nullable: true },
          recordedAt: { type: 'string', nullable: true },
          actor: { type: 'object', nullable: true },
          correlationId: { type: 'string' },
          causationId: { type: 'string', nullable: true },
          idempotencyKey: {},
          commandFingerprint: {},
          prevHash: { type: 'string', nullable: true },
          hash: { type: 'string', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['streamId', 'revision', 'events'],
};
