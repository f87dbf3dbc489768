import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { ChangePartDeadlineRequest } from './change-part-deadline.http';

export const changePartDeadline = streamUseCase(problemDecider)({
  name: 'ChangePartDeadline',
  streamId: (i: { problemId: string; partId: string } & ChangePartDeadlineRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'ChangePartDeadline', ...context, partId: i.partId, deadline: i.deadline, reason: i.reason }),
});
