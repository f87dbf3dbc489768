import { streamUseCase } from '@platform/common';
import { assessmentDecider, assessmentStreamId } from '@platform/domain';

export const publishAssessmentResults = streamUseCase(assessmentDecider)({
  name: 'PublishAssessmentResults',
  streamId: (i: { periodId: string }) => assessmentStreamId(i.periodId),
  toCommand: (_i, _facts, context) => ({ type: 'PublishAssessmentResults', ...context }),
});
