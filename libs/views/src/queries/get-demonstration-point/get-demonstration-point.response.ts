import type { SchemaObject } from '@nestjs/swagger';
import { CRITERION_SCHEMA, SCORES_SCHEMA } from '../assessment-schemas';
import { POINT_PROPERTIES, POINT_REQUIRED } from '../demonstration-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** One demonstration point with its history and the assessments behind it */
export const GetDemonstrationPointAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    point: { type: 'object', properties: POINT_PROPERTIES, required: POINT_REQUIRED },
    evidence: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          periodId: { type: 'string' },
          title: { type: 'string' },
          schemeId: { type: 'string' },
          schemeVersion: { type: 'number' },
          criteria: { type: 'array', items: CRITERION_SCHEMA },
          byCriterion: SCORES_SCHEMA,
          total: { type: 'number', nullable: true },
          grade: { type: 'string', nullable: true },
          rank: { type: 'number', nullable: true },
          selfTotal: { type: 'number', nullable: true },
        },
        required: ['periodId', 'title', 'criteria', 'byCriterion', 'total', 'grade', 'rank'],
      },
    },
  },
  required: ['asOf', 'point', 'evidence'],
};
