import type { SchemaObject } from '@nestjs/swagger';
import { CRITERION_SCHEMA, SCORES_SCHEMA } from '../assessment-schemas';
import { POINT_PROPERTIES, POINT_REQUIRED } from '../demonstration-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, num, numOrNull, obj, str, strOrNull } from '@platform/common';

/** One demonstration point with its history and the assessments behind it */
export const GetDemonstrationPointAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  point: obj(POINT_PROPERTIES, { required: POINT_REQUIRED }),
  evidence: arr(obj({
    periodId: str(),
    title: str(),
    schemeId: str(),
    schemeVersion: num(),
    criteria: arr(CRITERION_SCHEMA),
    byCriterion: SCORES_SCHEMA,
    total: numOrNull(),
    grade: strOrNull(),
    rank: numOrNull(),
    selfTotal: numOrNull(),
  }, { required: ['periodId', 'title', 'criteria', 'byCriterion', 'total', 'grade', 'rank'] })),
}, { required: ['asOf', 'point', 'evidence'] });
