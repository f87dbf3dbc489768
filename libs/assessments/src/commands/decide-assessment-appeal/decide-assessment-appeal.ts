import { streamUseCase } from '@platform/common';
import { assessmentDecider, assessmentStreamId, Marks } from '@platform/domain';
import type { DecideAssessmentAppealRequest } from './decide-assessment-appeal.http';

export const decideAssessmentAppeal = streamUseCase(assessmentDecider)({
  name: 'DecideAssessmentAppeal',
  streamId: (i: { periodId: string; appealId: string } & DecideAssessmentAppealRequest) => assessmentStreamId(i.periodId),
  toCommand: (i, _facts, context) => ({
    type: 'DecideAssessmentAppeal',
    ...context,
    appealId: i.appealId,
    upheld: i.upheld,
    reason: i.reason,
    marks: (i.marks as Marks | undefined) ?? null,
  }),
});
