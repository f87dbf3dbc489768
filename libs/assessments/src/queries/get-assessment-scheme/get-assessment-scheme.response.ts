import type { SchemaObject } from '@nestjs/swagger';

const RULE = {
  type: 'object',
  properties: { kind: { type: 'string', enum: ['points', 'pass_fail', 'deduction'] }, max: { type: 'number' }, perItem: { type: 'number' } },
  required: ['kind', 'max'],
};

/** An assessment scheme's current version */
export const GetAssessmentSchemeAnswer: SchemaObject = {
  type: 'object',
  properties: {
    schemeId: { type: 'string' },
    version: { type: 'number' },
    title: { type: 'string' },
    maxScore: { type: 'number' },
    criteria: {
      type: 'array',
      items: { type: 'object', properties: { criterionId: { type: 'string' }, title: { type: 'string' }, rule: RULE }, required: ['criterionId', 'title', 'rule'] },
    },
    bands: { type: 'array', items: { type: 'object', properties: { grade: { type: 'string' }, minScore: { type: 'number' } }, required: ['grade', 'minScore'] } },
    subject: {
      type: 'object',
      properties: { unitTypes: { type: 'array', items: { type: 'string' } }, post: { type: 'string', nullable: true } },
      required: ['unitTypes', 'post'],
    },
  },
  required: ['schemeId', 'version', 'title', 'maxScore', 'criteria', 'bands', 'subject'],
};
