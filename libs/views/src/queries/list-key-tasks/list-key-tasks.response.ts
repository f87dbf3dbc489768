import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** The key tasks touching the reader's units */
export const ListKeyTasksAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    total: { type: 'number' },
    tasks: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          taskId: { type: 'string' },
          title: { type: 'string' },
          deadline: { type: 'string' },
          definedAt: { type: 'string' },
          target: { type: 'object', properties: { quantity: { type: 'number' }, unit: { type: 'string' } }, nullable: true },
          unitCount: { type: 'number' },
          stockTakeCount: { type: 'number' },
          latest: { type: 'object', nullable: true },
        },
      },
    },
  },
  required: ['asOf', 'total', 'tasks'],
};
