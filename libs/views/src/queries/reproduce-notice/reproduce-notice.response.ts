import type { SchemaObject } from '@nestjs/swagger';

/** A notice recomputed from the events and compared with its snapshot */
export const ReproduceNoticeAnswer: SchemaObject = {
  type: 'object',
  properties: {
    noticeId: { type: 'string' },
    campaignId: { type: 'string' },
    position: { type: 'number' },
    publishedMetricsVersion: { type: 'number', nullable: true },
    metricsVersion: { type: 'number', nullable: true },
    storedHash: { type: 'string', nullable: true },
    storedSnapshotIntact: { type: 'boolean', nullable: true },
    reproducedHash: { type: 'string', nullable: true },
    identical: { type: 'boolean' },
    differences: { type: 'array', items: {}, nullable: true },
    snapshot: {
      type: 'object',
      properties: {
        campaign: {
          type: 'object',
          properties: {
            campaignId: { type: 'string' },
            name: { type: 'string' },
            batch: { type: 'number', nullable: true },
            templateName: { type: 'string', nullable: true },
            phases: { type: 'array', items: {}, nullable: true },
          },
          nullable: true,
        },
        metricsVersion: { type: 'number', nullable: true },
        metricsDefinition: { type: 'string', nullable: true },
        rankBy: { type: 'string', nullable: true },
        rankByName: { type: 'string', nullable: true },
        tieBreak: { type: 'string', nullable: true },
        filters: { type: 'object', properties: { root: {}, unitType: {}, phaseKey: {}, stage: {} }, nullable: true },
        total: { type: 'number' },
        rows: { type: 'array', items: { type: 'object', nullable: true }, nullable: true },
        rollups: { type: 'array', items: { type: 'object', nullable: true }, nullable: true },
        overall: {
          type: 'object',
          properties: {
            unitCount: { type: 'number', nullable: true },
            makeUpUnits: { type: 'number', nullable: true },
            problemsByHandling: { type: 'object', nullable: true },
            counts: { type: 'object', nullable: true },
            metrics: { type: 'object', nullable: true },
          },
          nullable: true,
        },
      },
      nullable: true,
    },
  },
  required: [
    'noticeId',
    'campaignId',
    'position',
    'publishedMetricsVersion',
    'metricsVersion',
    'storedHash',
    'storedSnapshotIntact',
    'reproducedHash',
    'identical',
    'differences',
    'snapshot',
  ],
};
