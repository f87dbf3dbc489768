import { IsCalendarDate, IsText } from '../../http/request-rules';

export class ChangeDeadlineRequest {
  @IsCalendarDate()
  deadline!: string;

  /** Why: never a silent extension */
  @IsText(2000)
  reason!: string;
}
