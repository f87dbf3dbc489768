import { IsCalendarDate, IsText } from '../../http/request-rules';

export class ReviewDeferralRequest {
  /** 复查情况: is the obstacle still there? */
  @IsText(5000)
  finding!: string;

  @IsCalendarDate()
  reReviewDate!: string;
}
