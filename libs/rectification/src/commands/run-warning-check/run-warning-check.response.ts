import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, numOrNull, obj, str } from '@platform/common';

/** The warnings this run raised */
export const WarningCheckAnswer: SchemaObject = obj({
  today: str(),
  due: numOrNull(),
  raised: arrOrNull({}),
  alreadyRecorded: numOrNull(),
  noLongerDue: numOrNull(),
  failed: arrOrNull({}),
}, { required: ['today', 'due', 'raised', 'alreadyRecorded', 'noLongerDue', 'failed'] });
