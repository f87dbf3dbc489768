import { IsCalendarDate, IsText } from '../../http/request-rules';

export class ChangePartDeadlineRequest {
  @IsCalendarDate()
  deadline!: string;

  @IsText(2000)
  reason!: string;
}
