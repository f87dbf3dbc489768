import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arrOrNull, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** Rectification counts per responsible unit, rolled up */
export const GetRectificationTrackerAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  campaign: objOrNull({ campaignId: str(), name: str() }),
  today: str(),
  warningThresholds: objOrNull({ greenDays: numOrNull(), yellowDays: numOrNull() }),
  metricsVersion: numOrNull(),
  total: num(),
  skip: numOrNull(),
  limit: numOrNull(),
  units: arrOrNull(objOrNull({
    unitId: str(),
    name: str(),
    counts: objOrNull(),
    completionRate: numOrNull(),
    onTimeRate: {},
  })),
  rollups: arrOrNull(objOrNull({
    unitId: str(),
    name: str(),
    level: strOrNull(),
    levelName: strOrNull(),
    counts: objOrNull(),
    completionRate: numOrNull(),
    onTimeRate: {},
  })),
  overall: objOrNull({
    counts: objOrNull({
      total: num(),
      closed: numOrNull(),
      verified: numOrNull(),
      fixedAwaitingVerification: numOrNull(),
      inProgress: numOrNull(),
      byDeadline: numOrNull(),
      deferred: numOrNull(),
      joint: numOrNull(),
      byHandling: objOrNull(),
      overdue: numOrNull(),
      warnings: objOrNull(),
      jointParts: objOrNull(),
    }),
    completionRate: numOrNull(),
    onTimeRate: {},
  }),
}, { required: ['asOf', 'campaign', 'today', 'warningThresholds', 'metricsVersion', 'units', 'rollups', 'overall'] });
