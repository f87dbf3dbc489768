import type { SchemaObject } from '@nestjs/swagger';
import { arr, bool, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

export const CRITERION_SCHEMA: SchemaObject = obj({
  criterionId: str(),
  title: str(),
  rule: obj({ kind: str({ enum: ['points', 'pass_fail', 'deduction'] }), max: num(), perItem: num() }, { required: ['kind', 'max'] }),
}, { required: ['criterionId', 'title', 'rule'] });

export const BAND_SCHEMA: SchemaObject = obj({ grade: str(), minScore: num() }, { required: ['grade', 'minScore'] });

/** An assessment period as views list it. */
export const PERIOD_PROPERTIES: Record<string, SchemaObject> = {
  periodId: str(),
  title: str(),
  from: str(),
  to: str(),
  schemeId: str(),
  schemeVersion: num(),
  criteria: arr(CRITERION_SCHEMA),
  bands: arr(BAND_SCHEMA),
  revision: num(),
  publishedAt: strOrNull(),
  published: bool(),
  maxScore: num(),
  unitCount: num(),
};

export const SCORES_SCHEMA: SchemaObject = objOrNull(undefined, { additionalProperties: num() });

export const RESULT_ROW_SCHEMA: SchemaObject = obj({
  unitId: str(),
  name: str(),
  rank: numOrNull(),
  grade: strOrNull(),
  total: numOrNull(),
  selfTotal: numOrNull(),
  byCriterion: SCORES_SCHEMA,
  scored: bool(),
  appeal: str({ nullable: true, description: 'open 处理中 | upheld 成立 | dismissed 不成立' }),
}, { required: ['unitId', 'name', 'rank', 'grade', 'total', 'selfTotal', 'byCriterion', 'scored', 'appeal'] });
