import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { ChangeDeadlineRequest } from './change-deadline.http';

export const changeDeadline = streamUseCase(problemDecider)({
  name: 'ChangeDeadline',
  streamId: (i: { problemId: string } & ChangeDeadlineRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'ChangeDeadline', ...context, deadline: i.deadline, reason: i.reason }),
});
