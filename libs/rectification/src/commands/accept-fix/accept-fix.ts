import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { AcceptFixRequest } from './accept-fix.http';

export const acceptFix = streamUseCase(problemDecider)({
  name: 'AcceptFix',
  streamId: (i: { problemId: string } & AcceptFixRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'AcceptFix', ...context, comment: i.comment ?? '' }),
});
