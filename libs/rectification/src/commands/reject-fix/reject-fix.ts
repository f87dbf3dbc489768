import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { RejectFixRequest } from './reject-fix.http';

export const rejectFix = streamUseCase(problemDecider)({
  name: 'RejectFix',
  streamId: (i: { problemId: string } & RejectFixRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'RejectFix', ...context, reason: i.reason }),
});
