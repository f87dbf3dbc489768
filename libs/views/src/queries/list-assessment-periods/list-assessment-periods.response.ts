import type { SchemaObject } from '@nestjs/swagger';
import { PERIOD_PROPERTIES } from '../assessment-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** The assessment periods concerning units in one's scope */
export const ListAssessmentPeriodsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    total: { type: 'number' },
    periods: {
      type: 'array',
      items: { type: 'object', properties: { ...PERIOD_PROPERTIES, unitsInScope: { type: 'number' } }, required: ['periodId', 'title', 'published', 'unitsInScope'] },
    },
  },
  required: ['asOf', 'total', 'periods'],
};
