import { streamUseCase } from '@platform/common';
import { assessmentDecider, assessmentStreamId, Mark } from '@platform/domain';
import type { ModerateAssessmentRequest } from './moderate-assessment.http';

export const moderateAssessment = streamUseCase(assessmentDecider)({
  name: 'ModerateAssessment',
  streamId: (i: { periodId: string; unitId: string } & ModerateAssessmentRequest) => assessmentStreamId(i.periodId),
  toCommand: (i, _facts, context) => ({ type: 'ModerateAssessment', ...context, unitId: i.unitId, criterionId: i.criterionId, mark: i.mark as Mark, reason: i.reason }),
});
