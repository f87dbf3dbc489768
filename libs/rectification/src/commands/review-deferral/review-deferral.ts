import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { ReviewDeferralRequest } from './review-deferral.http';

export const reviewDeferral = streamUseCase(problemDecider)({
  name: 'ReviewDeferral',
  streamId: (i: { problemId: string } & ReviewDeferralRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'ReviewDeferral', ...context, finding: i.finding, reReviewDate: i.reReviewDate }),
});
