import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA, TRACKED_PROBLEM_PROPERTIES } from '../shared-schemas';
import { arrOrNull, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** One page of ledger entries */
export const ListTrackedProblemsAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  today: str(),
  warningThresholds: objOrNull({ greenDays: numOrNull(), yellowDays: numOrNull() }),
  /** Exact up to 1000 matches; beyond, null and `totalMoreThan` says so. */
  total: numOrNull(),
  totalMoreThan: numOrNull(),
  totalText: str(),
  next: strOrNull(),
  skip: numOrNull(),
  limit: numOrNull(),
  items: arrOrNull(objOrNull(TRACKED_PROBLEM_PROPERTIES)),
}, { required: ['asOf', 'today', 'warningThresholds', 'items'] });
