import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { PlanRectificationRequest } from './plan-rectification.http';

export const planRectification = streamUseCase(problemDecider)({
  name: 'PlanRectification',
  streamId: (i: { problemId: string } & PlanRectificationRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'PlanRectification', ...context, measures: i.measures, timing: i.timing, deadline: i.deadline ?? null }),
});
