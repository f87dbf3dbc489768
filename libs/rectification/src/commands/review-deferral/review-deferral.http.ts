import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { reviewDeferral } from './review-deferral';

export class ReviewDeferralRequest {
  /** 复查情况: is the obstacle still there? */
  @IsText(5000)
  finding!: string;

  @IsCalendarDate()
  reReviewDate!: string;
}

/** 复查暂缓解决的问题，确定下次复查日期 */
export const ReviewDeferralHttpController = rectificationEdge(reviewDeferral, 'api/problems/:problemId/deferral-review', {
  operation: { summary: '复查暂缓解决的问题，确定下次复查日期 (review a deferral)' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: ReviewDeferralRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
