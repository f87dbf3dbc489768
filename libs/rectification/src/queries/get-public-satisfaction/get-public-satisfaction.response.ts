import type { SchemaObject } from '@nestjs/swagger';

/** A unit's published satisfaction results */
export const GetPublicSatisfactionAnswer: SchemaObject = {
  type: 'object',
  properties: {
    campaignId: { type: 'string' },
    unitId: { type: 'string' },
    threshold: { type: 'number', nullable: true },
    standing: { type: 'string', nullable: true },
    standingName: { type: 'string', nullable: true },
    openRound: {},
    results: { type: 'array', items: {}, nullable: true },
  },
  required: ['campaignId', 'unitId', 'threshold', 'standing', 'standingName', 'openRound', 'results'],
};
