import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arrOrNull, num, numOrNull, obj, objOrNull, positionToken, positionTokenOrNull, str, strOrNull } from '@platform/common';

/** The notices of a campaign */
export const ListNoticesAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  total: num(),
  notices: arrOrNull(objOrNull({
    noticeId: str(),
    campaignId: str(),
    title: str(),
    noticeDate: strOrNull(),
    position: positionToken(),
    metricsVersion: numOrNull(),
    rankBy: strOrNull(),
    root: {},
    snapshotHash: strOrNull(),
    publishedBy: strOrNull(),
    publishedAt: strOrNull(),
    eventPosition: positionTokenOrNull(),
    unitCount: numOrNull(),
  })),
}, { required: ['asOf', 'notices'] });
