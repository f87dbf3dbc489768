import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsText } from '../../http/request-rules';

export class ResumeRectificationRequest {
  /** What changed so the work can go on */
  @IsText(5000)
  note!: string;

  /** A new 整改时限, recorded in the deadline history like any change */
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;
}
