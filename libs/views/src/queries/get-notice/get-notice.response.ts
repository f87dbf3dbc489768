import type { SchemaObject } from '@nestjs/swagger';

/** The ranked board snapshot a notice freezes; reproducing a notice answers the same shape */
export const NoticeSnapshotSchema: SchemaObject = {
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
    handlingVersion: { type: 'number', description: '五类问题分类口径版本（第1版的看板和通报不含此项）' },
    handlingDefinition: { type: 'string' },
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
};

/** A published notice as it was published: a campaign board's (campaignId, metrics) or a key task's stock-take (taskId, stockTakeId) */
export const GetNoticeAnswer: SchemaObject = {
  type: 'object',
  properties: {
    noticeId: { type: 'string' },
    kind: { type: 'string', enum: ['board', 'key-task'] },
    campaignId: { type: 'string' },
    taskId: { type: 'string' },
    stockTakeId: { type: 'string' },
    title: { type: 'string' },
    noticeDate: { type: 'string', nullable: true },
    position: { type: 'number' },
    metricsVersion: { type: 'number', nullable: true },
    handlingVersion: { type: 'number', description: '五类问题分类口径版本；未记录的（分类口径版本化之前发布的）为第1版' },
    rankBy: { type: 'string', nullable: true },
    root: {},
    scope: {
      type: 'object',
      properties: { all: { type: 'boolean', nullable: true }, roots: { type: 'array', items: {}, nullable: true } },
      nullable: true,
    },
    unitIds: { type: 'array', items: { type: 'string' } },
    snapshotHash: { type: 'string', nullable: true },
    snapshot: NoticeSnapshotSchema,
    publishedBy: { type: 'string', nullable: true },
    publishedAt: { type: 'string', nullable: true },
    eventPosition: { type: 'number', nullable: true },
  },
  required: [
    'noticeId',
    'kind',
    'title',
    'noticeDate',
    'position',
    'root',
    'scope',
    'unitIds',
    'snapshotHash',
    'snapshot',
    'publishedBy',
    'publishedAt',
    'eventPosition',
  ],
};
