import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { ClaimFixedRequest } from './claim-fixed.http';

export const claimFixed = streamUseCase(problemDecider)({
  name: 'ClaimFixed',
  streamId: (i: { problemId: string } & ClaimFixedRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'ClaimFixed', ...context, evidence: i.evidence, attachmentRefs: i.attachmentRefs ?? [] }),
});
