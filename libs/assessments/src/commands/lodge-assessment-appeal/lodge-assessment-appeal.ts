import { streamUseCase } from '@platform/common';
import { assessmentDecider, assessmentStreamId } from '@platform/domain';
import type { LodgeAssessmentAppealRequest } from './lodge-assessment-appeal.http';

export const lodgeAssessmentAppeal = streamUseCase(assessmentDecider)({
  name: 'LodgeAssessmentAppeal',
  streamId: (i: { periodId: string; unitId: string } & LodgeAssessmentAppealRequest) => assessmentStreamId(i.periodId),
  toCommand: (i, _facts, context) => ({ type: 'LodgeAssessmentAppeal', ...context, unitId: i.unitId, appealId: i.appealId, reason: i.reason }),
});
