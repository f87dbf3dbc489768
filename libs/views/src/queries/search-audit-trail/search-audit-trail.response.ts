import type { SchemaObject } from '@nestjs/swagger';
import { ACTOR_KIND_SCHEMA, AS_OF_SCHEMA } from '../shared-schemas';
import { arr, arrOrNull, boolOrNull, num, numOrNull, obj, objOrNull, positionTokenOrNull, storedEventHead, str, strOrNull } from '@platform/common';

/** One page of the audit trail */
export const SearchAuditTrailAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  backdatingThresholdHours: numOrNull(),
  total: num({ nullable: true, description: 'exact when at most 1000 entries match; otherwise null and totalMoreThan says so' }),
  totalMoreThan: numOrNull(),
  order: str({ enum: ['asc', 'desc'] }),
  after: positionTokenOrNull(),
  before: positionTokenOrNull(),
  limit: numOrNull(),
  nextAfter: positionTokenOrNull(),
  nextBefore: positionTokenOrNull(),
  items: arrOrNull(objOrNull({
    ...storedEventHead(),
    occurredAt: strOrNull(),
    recordedAt: strOrNull(),
    recordedAfterMs: numOrNull(),
    backdated: boolOrNull(),
    actor: objOrNull(),
    actorKind: ACTOR_KIND_SCHEMA,
    unitIds: arr(str()),
    correlationId: str(),
    causationId: strOrNull(),
    hash: strOrNull(),
    typeName: strOrNull(),
    prevHash: strOrNull(),
    data: objOrNull(),
    dataOmitted: arrOrNull(str(), { description: '页面未列出的 data 字段：通报的 snapshot（整张看板）见 GET /api/notices/{noticeId}，可用 snapshotHash 核对' }),
  }, { required: ['actorKind'] })),
}, { required: ['asOf', 'backdatingThresholdHours', 'items'] });
