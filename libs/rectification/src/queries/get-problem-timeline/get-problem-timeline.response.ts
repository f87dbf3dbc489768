import type { SchemaObject } from '@nestjs/swagger';

/** A problem's events, each with the rectification cycle it belongs to */
export const GetProblemCyclesAnswer: SchemaObject = {
  type: 'object',
  properties: {
    problemId: { type: 'string' },
    revision: { type: 'number' },
    cycles: { type: 'number', nullable: true },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          cycle: { type: 'number', nullable: true },
          revision: { type: 'number' },
          position: { type: 'number' },
          type: { type: 'string' },
          occurredAt: { type: 'string', nullable: true },
          recordedAt: { type: 'string', nullable: true },
          actor: { type: 'object', nullable: true },
          correlationId: { type: 'string' },
          data: { type: 'object', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['problemId', 'revision', 'cycles', 'events'],
};
