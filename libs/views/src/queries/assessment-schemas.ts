import type { SchemaObject } from '@nestjs/swagger';

const num = { type: 'number' } as const;
const str = { type: 'string' } as const;
const nullableNum = { type: 'number', nullable: true } as const;
const nullableStr = { type: 'string', nullable: true } as const;

export const CRITERION_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    criterionId: str,
    title: str,
    rule: { type: 'object', properties: { kind: { type: 'string', enum: ['points', 'pass_fail', 'deduction'] }, max: num, perItem: num }, required: ['kind', 'max'] },
  },
  required: ['criterionId', 'title', 'rule'],
};

export const BAND_SCHEMA: SchemaObject = { type: 'object', properties: { grade: str, minScore: num }, required: ['grade', 'minScore'] };

/** An assessment period as views list it. */
export const PERIOD_PROPERTIES: Record<string, SchemaObject> = {
  periodId: str,
  title: str,
  from: str,
  to: str,
  schemeId: str,
  schemeVersion: num,
  criteria: { type: 'array', items: CRITERION_SCHEMA },
  bands: { type: 'array', items: BAND_SCHEMA },
  revision: num,
  publishedAt: nullableStr,
  published: { type: 'boolean' },
  maxScore: num,
  unitCount: num,
};

export const SCORES_SCHEMA: SchemaObject = { type: 'object', additionalProperties: num, nullable: true };

export const RESULT_ROW_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    unitId: str,
    name: str,
    rank: nullableNum,
    grade: nullableStr,
    total: nullableNum,
    selfTotal: nullableNum,
    byCriterion: SCORES_SCHEMA,
    scored: { type: 'boolean' },
    appeal: { type: 'string', nullable: true, description: 'open 处理中 | upheld 成立 | dismissed 不成立' },
  },
  required: ['unitId', 'name', 'rank', 'grade', 'total', 'selfTotal', 'byCriterion', 'scored', 'appeal'],
};
