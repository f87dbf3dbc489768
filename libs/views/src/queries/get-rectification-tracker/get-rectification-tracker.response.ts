import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** Rectification counts per responsible unit, rolled up */
export const GetRectificationTrackerAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    campaign: {
      type: 'object',
      properties: { campaignId: { type: 'string' }, name: { type: 'string' } },
      nullable: true,
    },
    today: { type: 'string' },
    warningThresholds: {
      type: 'object',
      properties: { greenDays: { type: 'number', nullable: true }, yellowDays: { type: 'number', nullable: true } },
      nullable: true,
    },
    metricsVersion: { type: 'number', nullable: true },
    total: { type: 'number' },
    skip: { type: 'number', nullable: true },
    limit: { type: 'number', nullable: true },
    units: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          unitId: { type: 'string' },
          name: { type: 'string' },
          counts: { type: 'object', nullable: true },
          completionRate: { type: 'number', nullable: true },
          onTimeRate: {},
        },
        nullable: true,
      },
      nullable: true,
    },
    rollups: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          unitId: { type: 'string' },
          name: { type: 'string' },
          level: { type: 'string', nullable: true },
          levelName: { type: 'string', nullable: true },
          counts: { type: 'object', nullable: true },
          completionRate: { type: 'number', nullable: true },
          onTimeRate: {},
        },
        nullable: true,
      },
      nullable: true,
    },
    overall: {
      type: 'object',
      properties: {
        counts: {
          type: 'object',
          properties: {
            total: { type: 'number' },
            closed: { type: 'number', nullable: true },
            verified: { type: 'number', nullable: true },
            fixedAwaitingVerification: { type: 'number', nullable: true },
            inProgress: { type: 'number', nullable: true },
            byDeadline: { type: 'number', nullable: true },
            deferred: { type: 'number', nullable: true },
            joint: { type: 'number', nullable: true },
            byHandling: { type: 'object', nullable: true },
            overdue: { type: 'number', nullable: true },
            warnings: { type: 'object', nullable: true },
            jointParts: { type: 'object', nullable: true },
          },
          nullable: true,
        },
        completionRate: { type: 'number', nullable: true },
        onTimeRate: {},
      },
      nullable: true,
    },
  },
  required: ['asOf', 'campaign', 'today', 'warningThresholds', 'metricsVersion', 'units', 'rollups', 'overall'],
};
