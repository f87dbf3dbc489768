import type { SchemaObject } from '@nestjs/swagger';
import { PERIOD_PROPERTIES } from '../assessment-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, num, obj } from '@platform/common';

/** The assessment periods concerning units in one's scope */
export const ListAssessmentPeriodsAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  total: num(),
  periods: arr(obj({ ...PERIOD_PROPERTIES, unitsInScope: num() }, { required: ['periodId', 'title', 'published', 'unitsInScope'] })),
}, { required: ['asOf', 'total', 'periods'] });
