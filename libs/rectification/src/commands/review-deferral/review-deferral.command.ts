import { CommandMeta } from '@platform/common';
import { ReviewDeferralRequest } from './review-deferral.request.dto';

export class ReviewDeferralCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: ReviewDeferralRequest,
  ) {}
}
