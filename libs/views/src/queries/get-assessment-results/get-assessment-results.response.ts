import type { SchemaObject } from '@nestjs/swagger';
import { BAND_SCHEMA, PERIOD_PROPERTIES, RESULT_ROW_SCHEMA } from '../assessment-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, bool, obj } from '@platform/common';

/** A period's results: ranking and grade bands, with working scores for assessors only */
export const GetAssessmentResultsAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  period: obj(PERIOD_PROPERTIES, { required: ['periodId', 'title', 'criteria', 'bands', 'published', 'revision'] }),
  rows: arr(RESULT_ROW_SCHEMA),
  grades: arr({ ...BAND_SCHEMA, properties: { ...BAND_SCHEMA.properties, count: { type: 'number' } } }),
  scoresVisible: bool(),
}, { required: ['asOf', 'period', 'rows', 'grades', 'scoresVisible'] });
