import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA, TRACKED_PROBLEM_PROPERTIES } from '../shared-schemas';

/** One page of ledger entries */
export const ListTrackedProblemsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    today: { type: 'string' },
    warningThresholds: {
      type: 'object',
      properties: { greenDays: { type: 'number', nullable: true }, yellowDays: { type: 'number', nullable: true } },
      nullable: true,
    },
    /** Exact up to 1000 matches; beyond, null and `totalMoreThan` says so. */
    total: { type: 'number', nullable: true },
    totalMoreThan: { type: 'number', nullable: true },
    totalText: { type: 'string' },
    next: { type: 'string', nullable: true },
    skip: { type: 'number', nullable: true },
    limit: { type: 'number', nullable: true },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: TRACKED_PROBLEM_PROPERTIES,
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['asOf', 'today', 'warningThresholds', 'items'],
};
