import type { SchemaObject } from '@nestjs/swagger';
import { arr, arrOrNull, boolOrNull, num, numOrNull, obj, objOrNull, positionToken, positionTokenOrNull, str, strOrNull } from '@platform/common';
import { BOARD_BASIS_PROPERTIES } from '../shared-schemas';

/** The ranked board snapshot a notice freezes; reproducing a notice answers the same shape */
export const NoticeSnapshotSchema: SchemaObject = objOrNull({
  campaign: objOrNull({
    campaignId: str(),
    name: str(),
    batch: numOrNull(),
    templateName: strOrNull(),
    phases: arrOrNull({}),
  }),
  ...BOARD_BASIS_PROPERTIES,
  rows: arrOrNull(objOrNull()),
  rollups: arrOrNull(objOrNull()),
  overall: objOrNull({
    unitCount: numOrNull(),
    makeUpUnits: numOrNull(),
    problemsByHandling: objOrNull(),
    counts: objOrNull(),
    metrics: objOrNull(),
  }),
});

/** A published notice as it was published: a campaign board's (campaignId, metrics) or a key task's stock-take (taskId, stockTakeId) */
export const GetNoticeAnswer: SchemaObject = obj({
  noticeId: str(),
  kind: str({ enum: ['board', 'key-task'] }),
  campaignId: str(),
  taskId: str(),
  stockTakeId: str(),
  title: str(),
  noticeDate: strOrNull(),
  position: positionToken(),
  metricsVersion: numOrNull(),
  handlingVersion: num({ description: '五类问题分类口径版本；未记录的（分类口径版本化之前发布的）为第1版' }),
  rankBy: strOrNull(),
  root: {},
  scope: objOrNull({ all: boolOrNull(), roots: arrOrNull({}) }),
  unitIds: arr(str()),
  snapshotHash: strOrNull(),
  snapshot: NoticeSnapshotSchema,
  publishedBy: strOrNull(),
  publishedAt: strOrNull(),
  eventPosition: positionTokenOrNull(),
}, { required: ['noticeId', 'kind', 'title', 'noticeDate', 'position', 'root', 'scope', 'unitIds', 'snapshotHash', 'snapshot', 'publishedBy', 'publishedAt', 'eventPosition'] });
