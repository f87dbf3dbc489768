import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { DeferProblemRequest } from './defer-problem.http';

export const deferProblem = streamUseCase(problemDecider)({
  name: 'DeferProblem',
  streamId: (i: { problemId: string } & DeferProblemRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({
    type: 'DeferProblem',
    ...context,
    constraint: i.constraint,
    explanation: { text: i.explanation.text, date: i.explanation.date },
    reReviewDate: i.reReviewDate,
    gradualMeasures: i.gradualMeasures,
  }),
});
