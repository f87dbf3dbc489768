import type { SchemaObject } from '@nestjs/swagger';
import { INSTRUCTION_SCHEMA } from '../list-instructions/list-instructions.response';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** An instruction and every event of it */
export const GetInstructionAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    instruction: INSTRUCTION_SCHEMA,
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          position: { type: 'number' },
          type: { type: 'string' },
          typeName: { type: 'string' },
          occurredAt: { type: 'string' },
          recordedAt: { type: 'string' },
          actor: { type: 'object' },
          data: { type: 'object' },
        },
        required: ['position', 'type', 'typeName', 'occurredAt', 'recordedAt', 'actor', 'data'],
      },
    },
  },
  required: ['asOf', 'instruction', 'events'],
};
