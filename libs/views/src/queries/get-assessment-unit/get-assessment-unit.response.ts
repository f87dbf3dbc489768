import type { SchemaObject } from '@nestjs/swagger';
import { PERIOD_PROPERTIES, SCORES_SCHEMA } from '../assessment-schemas';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, bool, num, numOrNull, obj, objOrNull, positionToken, str, strOrNull } from '@platform/common';

/** One unit in one period: its scores and who changed them, when and why */
export const GetAssessmentUnitAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  period: obj(PERIOD_PROPERTIES, { required: ['periodId', 'title', 'criteria', 'bands', 'published'] }),
  unit: obj({
    unitId: str(),
    name: str(),
    selfTotal: numOrNull(),
    total: numOrNull(),
    byCriterion: SCORES_SCHEMA,
    marks: objOrNull(undefined, { additionalProperties: obj() }),
    grade: strOrNull(),
    rank: numOrNull(),
    changes: arr(obj({
      kind: str({ enum: ['self', 'scored', 'moderated'] }),
      total: num(),
      criterionId: strOrNull(),
      by: str(),
      reason: str(),
      occurredAt: str(),
      position: positionToken(),
    }, { required: ['kind', 'total', 'by', 'reason', 'occurredAt'] })),
    appeals: arr(obj({
      appealId: str(),
      reason: str(),
      lodgedAt: str(),
      decision: objOrNull({ upheld: bool(), reason: str(), decidedAt: str() }),
    }, { required: ['appealId', 'reason', 'lodgedAt', 'decision'] })),
  }, { required: ['unitId', 'name', 'selfTotal', 'total', 'byCriterion', 'grade', 'rank', 'changes', 'appeals'] }),
  scoresVisible: bool(),
}, { required: ['asOf', 'period', 'unit', 'scoresVisible'] });
