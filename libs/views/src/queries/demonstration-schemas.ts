import type { SchemaObject } from '@nestjs/swagger';
import { DEMONSTRATION_LEVELS, DEMONSTRATION_STAGES, UNIT_TYPES } from '@platform/domain';
import { arr, boolOrNull, num, numOrNull, obj, str, strOrNull } from '@platform/common';

const STEP_SCHEMA: SchemaObject = obj({
  cycle: num(),
  year: num(),
  stage: str({ enum: [...DEMONSTRATION_STAGES] }),
  stageName: str(),
  passed: boolOrNull(),
  score: numOrNull(),
  periodId: strOrNull(),
  note: str(),
  by: str(),
}, { required: ['cycle', 'year', 'stage', 'stageName', 'passed', 'score', 'periodId', 'note', 'by'] });

/** A demonstration point as the register lists it. */
export const POINT_PROPERTIES: Record<string, SchemaObject> = {
  unitId: str(),
  name: str(),
  pointType: str({ enum: [...UNIT_TYPES] }),
  pointTypeName: str(),
  level: str({ enum: [...DEMONSTRATION_LEVELS] }),
  levelName: str(),
  stage: str({ enum: [...DEMONSTRATION_STAGES] }),
  stageName: str(),
  cycle: num(),
  since: num(),
  lastAssessedYear: numOrNull(),
  dueYear: numOrNull(),
  reviewEveryYears: numOrNull(),
  history: arr(STEP_SCHEMA),
};

export const POINT_REQUIRED = ['unitId', 'name', 'pointType', 'level', 'stage', 'stageName', 'cycle', 'since', 'history'];
