import type { SchemaObject } from '@nestjs/swagger';

/** A unit's satisfaction rounds and standing */
export const GetSatisfactionAnswer: SchemaObject = {
  type: 'object',
  properties: {
    campaignId: { type: 'string' },
    unitId: { type: 'string' },
    threshold: { type: 'number', nullable: true },
    standing: { type: 'string', nullable: true },
    standingName: { type: 'string', nullable: true },
    openRound: {},
    rounds: { type: 'array', items: {}, nullable: true },
    revision: { type: 'number' },
  },
  required: ['campaignId', 'unitId', 'threshold', 'standing', 'standingName', 'openRound', 'rounds', 'revision'],
};
