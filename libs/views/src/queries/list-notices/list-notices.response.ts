import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arrOrNull, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** The notices of a campaign */
export const ListNoticesAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  total: num(),
  notices: arrOrNull(objOrNull({
    noticeId: str(),
    campaignId: str(),
    title: str(),
    noticeDate: strOrNull(),
    position: num(),
    metricsVersion: numOrNull(),
    rankBy: strOrNull(),
    root: {},
    snapshotHash: strOrNull(),
    publishedBy: strOrNull(),
    publishedAt: strOrNull(),
    eventPosition: numOrNull(),
    unitCount: numOrNull(),
  })),
}, { required: ['asOf', 'notices'] });
