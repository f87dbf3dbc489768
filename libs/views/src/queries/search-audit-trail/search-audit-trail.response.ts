import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** One page of the audit trail */
export const SearchAuditTrailAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    backdatingThresholdHours: { type: 'number', nullable: true },
    total: { type: 'number', nullable: true, description: 'exact when at most 1000 entries match; otherwise null and totalMoreThan says so' },
    totalMoreThan: { type: 'number', nullable: true },
    after: { type: 'number', nullable: true },
    limit: { type: 'number', nullable: true },
    nextAfter: { type: 'number', nullable: true },
    items: {
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
          occurredAt: { type: 'string', nullable: true },
          recordedAt: { type: 'string', nullable: true },
          recordedAfterMs: { type: 'number', nullable: true },
          backdated: { type: 'boolean', nullable: true },
          actor: { type: 'object', nullable: true },
          unitIds: { type: 'array', items: { type: 'string' } },
          correlationId: { type: 'string' },
          causationId: { type: 'string', nullable: true },
          hash: { type: 'string', nullable: true },
          typeName: { type: 'string', nullable: true },
          prevHash: { type: 'string', nullable: true },
          data: { type: 'object', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['asOf', 'backdatingThresholdHours', 'items'],
};
