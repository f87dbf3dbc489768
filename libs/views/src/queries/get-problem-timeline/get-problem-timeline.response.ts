import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA, TRACKED_PROBLEM_PROPERTIES } from '../shared-schemas';

/** A problem's ledger entry and every event of its life */
export const GetProblemTimelineAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    today: { type: 'string' },
    problem: {
      type: 'object',
      properties: TRACKED_PROBLEM_PROPERTIES,
      nullable: true,
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          position: { type: 'number' },
          /** problem-<id>, or instruction-<id> for an instruction on the problem */
          streamId: { type: 'string', nullable: true },
          streamRevision: { type: 'number', nullable: true },
          type: { type: 'string' },
          typeName: { type: 'string', nullable: true },
          occurredAt: { type: 'string', nullable: true },
          recordedAt: { type: 'string', nullable: true },
          backdated: { type: 'boolean', nullable: true },
          actor: { type: 'object', nullable: true },
          data: { type: 'object', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['asOf', 'today', 'problem', 'events'],
};
