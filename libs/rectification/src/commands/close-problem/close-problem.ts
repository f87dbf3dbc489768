import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { CloseProblemRequest } from './close-problem.http';

export const closeProblem = streamUseCase(problemDecider)({
  name: 'CloseProblem',
  streamId: (i: { problemId: string } & CloseProblemRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'CloseProblem', ...context, mechanisms: i.mechanisms ?? null }),
});
