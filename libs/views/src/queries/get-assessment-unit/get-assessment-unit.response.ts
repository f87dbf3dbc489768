import type { SchemaObject } from '@nestjs/swagger';
import { PERIOD_PROPERTIES, SCORES_SCHEMA } from '../assessment-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** One unit in one period: its scores and who changed them, when and why */
export const GetAssessmentUnitAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    period: { type: 'object', properties: PERIOD_PROPERTIES, required: ['periodId', 'title', 'criteria', 'bands', 'published'] },
    unit: {
      type: 'object',
      properties: {
        unitId: { type: 'string' },
        name: { type: 'string' },
        selfTotal: { type: 'number', nullable: true },
        total: { type: 'number', nullable: true },
        byCriterion: SCORES_SCHEMA,
        marks: { type: 'object', additionalProperties: { type: 'object' }, nullable: true },
        grade: { type: 'string', nullable: true },
        rank: { type: 'number', nullable: true },
        changes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['self', 'scored', 'moderated'] },
              total: { type: 'number' },
              criterionId: { type: 'string', nullable: true },
              by: { type: 'string' },
              reason: { type: 'string' },
              occurredAt: { type: 'string' },
              position: { type: 'number' },
            },
            required: ['kind', 'total', 'by', 'reason', 'occurredAt'],
          },
        },
        appeals: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              appealId: { type: 'string' },
              reason: { type: 'string' },
              lodgedAt: { type: 'string' },
              decision: {
                type: 'object',
                properties: { upheld: { type: 'boolean' }, reason: { type: 'string' }, decidedAt: { type: 'string' } },
                nullable: true,
              },
            },
            required: ['appealId', 'reason', 'lodgedAt', 'decision'],
          },
        },
      },
      required: ['unitId', 'name', 'selfTotal', 'total', 'byCriterion', 'grade', 'rank', 'changes', 'appeals'],
    },
    scoresVisible: { type: 'boolean' },
  },
  required: ['asOf', 'period', 'unit', 'scoresVisible'],
};
