import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { ClosePartRequest } from './close-part.http';

export const closePart = streamUseCase(problemDecider)({
  name: 'ClosePart',
  streamId: (i: { problemId: string; partId: string } & ClosePartRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'ClosePart', ...context, partId: i.partId, evidence: i.evidence }),
});
