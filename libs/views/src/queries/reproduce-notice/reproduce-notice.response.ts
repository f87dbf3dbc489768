import type { SchemaObject } from '@nestjs/swagger';
import { NoticeSnapshotSchema } from '../get-notice/get-notice.response';

/** A notice recomputed from the events and compared with its snapshot; a board notice also names its campaign and metrics versions, a key-task notice its task and stock-take */
export const ReproduceNoticeAnswer: SchemaObject = {
  type: 'object',
  properties: {
    noticeId: { type: 'string' },
    kind: { type: 'string', enum: ['board', 'key-task'] },
    campaignId: { type: 'string' },
    taskId: { type: 'string' },
    stockTakeId: { type: 'string' },
    position: { type: 'number' },
    publishedMetricsVersion: { type: 'number', nullable: true },
    metricsVersion: { type: 'number', nullable: true },
    handlingVersion: { type: 'number', description: '复核所用的五类问题分类口径（通报发布时的；未记录的为第1版）' },
    storedHash: { type: 'string', nullable: true },
    storedSnapshotIntact: { type: 'boolean', nullable: true },
    reproducedHash: { type: 'string', nullable: true },
    identical: { type: 'boolean' },
    differences: { type: 'array', items: {}, nullable: true },
    snapshot: NoticeSnapshotSchema,
  },
  required: [
    'noticeId',
    'kind',
    'position',
    'storedHash',
    'storedSnapshotIntact',
    'reproducedHash',
    'identical',
    'differences',
    'snapshot',
  ],
};
