import type { SchemaObject } from '@nestjs/swagger';
import { NoticeSnapshotSchema } from '../get-notice/get-notice.response';
import { arrOrNull, bool, boolOrNull, num, numOrNull, obj, positionToken, str, strOrNull } from '@platform/common';

/** A notice recomputed from the events and compared with its snapshot; a board notice also names its campaign and metrics versions, a key-task notice its task and stock-take */
export const ReproduceNoticeAnswer: SchemaObject = obj({
  noticeId: str(),
  kind: str({ enum: ['board', 'key-task'] }),
  campaignId: str(),
  taskId: str(),
  stockTakeId: str(),
  position: positionToken(),
  publishedMetricsVersion: numOrNull(),
  metricsVersion: numOrNull(),
  handlingVersion: num({ description: '复核所用的五类问题分类口径（通报发布时的；未记录的为第1版）' }),
  storedHash: strOrNull(),
  storedSnapshotIntact: boolOrNull(),
  reproducedHash: strOrNull(),
  identical: bool(),
  differences: arrOrNull({}),
  snapshot: NoticeSnapshotSchema,
}, { required: ['noticeId', 'kind', 'position', 'storedHash', 'storedSnapshotIntact', 'reproducedHash', 'identical', 'differences', 'snapshot'] });
