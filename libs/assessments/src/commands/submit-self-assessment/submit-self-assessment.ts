import { streamUseCase } from '@platform/common';
import { assessmentDecider, assessmentStreamId, Marks } from '@platform/domain';
import type { SubmitSelfAssessmentRequest } from './submit-self-assessment.http';

export const submitSelfAssessment = streamUseCase(assessmentDecider)({
  name: 'SubmitSelfAssessment',
  streamId: (i: { periodId: string; unitId: string } & SubmitSelfAssessmentRequest) => assessmentStreamId(i.periodId),
  toCommand: (i, _facts, context) => ({ type: 'SubmitSelfAssessment', ...context, unitId: i.unitId, marks: i.marks as Marks, note: i.note ?? '' }),
});
