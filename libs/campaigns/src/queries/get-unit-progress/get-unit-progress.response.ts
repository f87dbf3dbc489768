import type { SchemaObject } from '@nestjs/swagger';

/** One unit's progress in a campaign */
export const GetUnitProgressAnswer: SchemaObject = {
  type: 'object',
  properties: {
    campaignId: { type: 'string' },
    unitId: { type: 'string' },
    stage: { type: 'string', nullable: true },
    currentPhase: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } }, nullable: true },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          name: { type: 'string' },
          required: { type: 'boolean', nullable: true },
          done: { type: 'boolean', nullable: true },
          record: {},
        },
        nullable: true,
      },
      nullable: true,
    },
    requiredDone: { type: 'number', nullable: true },
    requiredTotal: { type: 'number', nullable: true },
    transition: { type: 'object', properties: { status: { type: 'string' } }, nullable: true },
    participation: {},
    outcome: {},
    stepsByPhase: { type: 'object', properties: {}, nullable: true },
  },
  required: [
    'campaignId',
    'unitId',
    'stage',
    'currentPhase',
    'steps',
    'requiredDone',
    'requiredTotal',
    'transition',
    'participation',
    'outcome',
    'stepsByPhase',
  ],
};
