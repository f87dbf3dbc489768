import type { SchemaObject } from '@nestjs/swagger';
import { DEMONSTRATION_LEVELS, DEMONSTRATION_STAGES, UNIT_TYPES } from '@platform/domain';

const STEP_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    cycle: { type: 'number' },
    year: { type: 'number' },
    stage: { type: 'string', enum: [...DEMONSTRATION_STAGES] },
    stageName: { type: 'string' },
    passed: { type: 'boolean', nullable: true },
    score: { type: 'number', nullable: true },
    periodId: { type: 'string', nullable: true },
    note: { type: 'string' },
    by: { type: 'string' },
  },
  required: ['cycle', 'year', 'stage', 'stageName', 'passed', 'score', 'periodId', 'note', 'by'],
};

/** A demonstration point as the register lists it. */
export const POINT_PROPERTIES: Record<string, SchemaObject> = {
  unitId: { type: 'string' },
  name: { type: 'string' },
  pointType: { type: 'string', enum: [...UNIT_TYPES] },
  pointTypeName: { type: 'string' },
  level: { type: 'string', enum: [...DEMONSTRATION_LEVELS] },
  levelName: { type: 'string' },
  stage: { type: 'string', enum: [...DEMONSTRATION_STAGES] },
  stageName: { type: 'string' },
  cycle: { type: 'number' },
  since: { type: 'number' },
  lastAssessedYear: { type: 'number', nullable: true },
  dueYear: { type: 'number', nullable: true },
  reviewEveryYears: { type: 'number', nullable: true },
  history: { type: 'array', items: STEP_SCHEMA },
};

export const POINT_REQUIRED = ['unitId', 'name', 'pointType', 'level', 'stage', 'stageName', 'cycle', 'since', 'history'];
