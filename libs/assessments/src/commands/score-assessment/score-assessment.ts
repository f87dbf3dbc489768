import { streamUseCase } from '@platform/common';
import { assessmentDecider, assessmentStreamId, Marks } from '@platform/domain';
import type { ScoreAssessmentRequest } from './score-assessment.http';

export const scoreAssessment = streamUseCase(assessmentDecider)({
  name: 'ScoreAssessment',
  streamId: (i: { periodId: string; unitId: string } & ScoreAssessmentRequest) => assessmentStreamId(i.periodId),
  toCommand: (i, _facts, context) => ({ type: 'ScoreAssessment', ...context, unitId: i.unitId, marks: i.marks as Marks, reason: i.reason ?? '' }),
});
