import type { SchemaObject } from '@nestjs/swagger';

/** The warnings this run raised */
export const WarningCheckAnswer: SchemaObject = {
  type: 'object',
  properties: {
    today: { type: 'string' },
    due: { type: 'number', nullable: true },
    raised: { type: 'array', items: {}, nullable: true },
    alreadyRecorded: { type: 'number', nullable: true },
    failed: { type: 'array', items: {}, nullable: true },
  },
  required: ['today', 'due', 'raised', 'alreadyRecorded', 'failed'],
};
