import type { SchemaObject } from '@nestjs/swagger';
import { BAND_SCHEMA, PERIOD_PROPERTIES, RESULT_ROW_SCHEMA } from '../assessment-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** A period's results: ranking and grade bands, with working scores for assessors only */
export const GetAssessmentResultsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    period: { type: 'object', properties: PERIOD_PROPERTIES, required: ['periodId', 'title', 'criteria', 'bands', 'published', 'revision'] },
    rows: { type: 'array', items: RESULT_ROW_SCHEMA },
    grades: { type: 'array', items: { ...BAND_SCHEMA, properties: { ...BAND_SCHEMA.properties, count: { type: 'number' } } } },
    scoresVisible: { type: 'boolean' },
  },
  required: ['asOf', 'period', 'rows', 'grades', 'scoresVisible'],
};
