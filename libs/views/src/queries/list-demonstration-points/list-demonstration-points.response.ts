import type { SchemaObject } from '@nestjs/swagger';
import { POINT_PROPERTIES, POINT_REQUIRED } from '../demonstration-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, num, obj } from '@platform/common';

/** The register of demonstration points (示范点名册) */
export const ListDemonstrationPointsAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  total: num(),
  byStage: obj(undefined, { additionalProperties: num() }),
  points: arr(obj(POINT_PROPERTIES, { required: POINT_REQUIRED })),
}, { required: ['asOf', 'total', 'byStage', 'points'] });
