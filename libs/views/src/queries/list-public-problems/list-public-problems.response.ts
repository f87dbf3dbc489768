import type { SchemaObject } from '@nestjs/swagger';

/** The published problems of a campaign, without any person's name */
export const ListPublicProblemsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    campaignId: { type: 'string' },
    campaignName: { type: 'string', nullable: true },
    total: { type: 'number' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          problemId: { type: 'string' },
          source: { type: 'string', nullable: true },
          category: { type: 'string', nullable: true },
          description: { type: 'string', nullable: true },
          responsibleUnitId: { type: 'string' },
          cycle: { type: 'number', nullable: true },
          status: { type: 'string' },
          handling: { type: 'string', nullable: true },
          measures: { type: 'array', items: {}, nullable: true },
          timing: { type: 'string', nullable: true },
          deadline: { type: 'string', nullable: true },
          deadlineChanges: { type: 'array', items: {}, nullable: true },
          deferral: {},
          jointParts: { type: 'array', items: {}, nullable: true },
          mechanisms: {},
          responsibleUnitName: { type: 'string', nullable: true },
          sourceName: { type: 'string', nullable: true },
          statusName: { type: 'string', nullable: true },
          handlingName: { type: 'string', nullable: true },
          timingName: { type: 'string', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['campaignId', 'campaignName', 'problems'],
};
