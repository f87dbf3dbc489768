import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';

const COUNTS: SchemaObject = {
  type: 'object',
  properties: { done: { type: 'number' }, on_track: { type: 'number' }, behind: { type: 'number' }, not_reported: { type: 'number' } },
};

const STOCK_TAKE: Record<string, SchemaObject> = {
  stockTakeId: { type: 'string' },
  label: { type: 'string' },
  dueOn: { type: 'string' },
  open: { type: 'boolean' },
};

/** One key task's schedule at a stock-take: per unit standing and ranking, roll-ups, the series (a notice freezes the same shape) */
export const KeyTaskScheduleSchema: SchemaObject = {
  type: 'object',
  properties: {
    task: {
      type: 'object',
      properties: {
        taskId: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string', nullable: true },
        measuresOfDone: { type: 'array', items: { type: 'string' } },
        deadline: { type: 'string' },
        target: { type: 'object', properties: { quantity: { type: 'number' }, unit: { type: 'string' } }, nullable: true },
        definedAt: { type: 'string', nullable: true },
      },
    },
    stockTakes: { type: 'array', items: { type: 'object', properties: { ...STOCK_TAKE, counts: COUNTS } } },
    stockTake: { type: 'object', properties: { ...STOCK_TAKE, expectedShare: { type: 'number' } }, nullable: true },
    statusNames: { type: 'object', nullable: true },
    rankRule: { type: 'string', nullable: true },
    total: { type: 'number' },
    counts: COUNTS,
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          rank: { type: 'number' },
          unitId: { type: 'string' },
          name: { type: 'string' },
          levelName: { type: 'string', nullable: true },
          parentId: { type: 'string', nullable: true },
          responsible: { type: 'string' },
          status: { type: 'string', enum: ['done', 'on_track', 'behind', 'not_reported'] },
          statusName: { type: 'string' },
          value: { type: 'number', nullable: true },
          target: { type: 'number', nullable: true },
          share: { type: 'number', nullable: true },
          report: { type: 'object', nullable: true },
          history: { type: 'array', items: { type: 'object', properties: { stockTakeId: { type: 'string' }, status: { type: 'string' } } } },
        },
      },
    },
    rollups: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          unitId: { type: 'string' },
          name: { type: 'string' },
          level: { type: 'string' },
          levelName: { type: 'string' },
          parts: { type: 'number' },
          counts: COUNTS,
          onTrackShare: { type: 'number', nullable: true },
          rank: { type: 'number' },
        },
      },
    },
  },
  required: ['task', 'stockTakes', 'stockTake', 'total', 'counts', 'rows', 'rollups'],
};

export const GetKeyTaskScheduleAnswer: SchemaObject = {
  type: 'object',
  properties: { asOf: AS_OF_SCHEMA, ...KeyTaskScheduleSchema.properties },
  required: ['asOf', ...(KeyTaskScheduleSchema.required ?? [])],
};
