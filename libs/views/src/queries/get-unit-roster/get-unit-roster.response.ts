import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';

const STATUS_COUNTS: SchemaObject = {
  type: 'object',
  properties: { active: { type: 'number' }, mobile: { type: 'number' }, missing: { type: 'number' }, transferred_out: { type: 'number' }, deceased: { type: 'number' } },
};

/** Counts of a roster: every reader in scope gets these. */
export const ROSTER_FIGURES_PROPERTIES: Record<string, SchemaObject> = {
  counts: STATUS_COUNTS,
  onRoll: { type: 'number' },
  sought: { type: 'number' },
};

const SEARCH_CASE: SchemaObject = {
  type: 'object',
  properties: {
    caseId: { type: 'string' },
    lostSince: { type: 'string' },
    lastKnown: { type: 'string' },
    attempts: { type: 'array', items: { type: 'object', properties: { attemptId: { type: 'string' }, on: { type: 'string' }, method: { type: 'string' }, result: { type: 'string' } } } },
    outcome: { type: 'string' },
    closedOn: { type: 'string' },
    note: { type: 'string' },
  },
};

/** One unit's roster: names only for the unit, the office and administrators */
export const GetUnitRosterAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    unitId: { type: 'string' },
    name: { type: 'string' },
    ...ROSTER_FIGURES_PROPERTIES,
    namesShown: { type: 'boolean' },
    members: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        properties: {
          memberId: { type: 'string' },
          name: { type: 'string' },
          status: { type: 'string', enum: ['active', 'mobile', 'missing', 'transferred_out', 'deceased'] },
          statusName: { type: 'string' },
          workplace: { type: 'string', nullable: true },
          toUnit: { type: 'string', nullable: true },
          search: { ...SEARCH_CASE, nullable: true },
          searchesClosed: { type: 'number' },
          closedSearches: { type: 'array', items: SEARCH_CASE },
        },
      },
    },
  },
};
