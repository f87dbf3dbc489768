import type { SchemaObject } from '@nestjs/swagger';
import { POINT_PROPERTIES, POINT_REQUIRED } from '../demonstration-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** The register of demonstration points (示范点名册) */
export const ListDemonstrationPointsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    total: { type: 'number' },
    byStage: { type: 'object', additionalProperties: { type: 'number' } },
    points: { type: 'array', items: { type: 'object', properties: POINT_PROPERTIES, required: POINT_REQUIRED } },
  },
  required: ['asOf', 'total', 'byStage', 'points'],
};
