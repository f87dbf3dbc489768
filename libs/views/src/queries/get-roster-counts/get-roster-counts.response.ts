import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { ROSTER_FIGURES_PROPERTIES } from '../get-unit-roster/get-unit-roster.response';

/** Roster counts per unit and rolled up the tree: never a name */
export const GetRosterCountsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    units: {
      type: 'array',
      items: {
        type: 'object',
        properties: { unitId: { type: 'string' }, name: { type: 'string' }, level: { type: 'string', nullable: true }, parentId: { type: 'string', nullable: true }, ...ROSTER_FIGURES_PROPERTIES },
      },
    },
    rollups: {
      type: 'array',
      items: {
        type: 'object',
        properties: { unitId: { type: 'string' }, name: { type: 'string' }, level: { type: 'string' }, levelName: { type: 'string' }, units: { type: 'number' }, ...ROSTER_FIGURES_PROPERTIES },
      },
    },
    overall: { type: 'object', properties: { units: { type: 'number' }, ...ROSTER_FIGURES_PROPERTIES } },
  },
};
