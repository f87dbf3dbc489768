import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';

export const publishPlan = streamUseCase(problemDecider)({
  name: 'PublishPlan',
  streamId: (i: { problemId: string }) => problemStreamId(i.problemId),
  toCommand: (_, __, context) => ({ type: 'PublishPlan', ...context }),
});
