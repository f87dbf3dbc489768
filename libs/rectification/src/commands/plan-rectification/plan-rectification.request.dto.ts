import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { NoControlCharacters } from '@platform/common';
import { TIMING_CLASSES, TimingClass } from '@platform/domain';
import { IsCalendarDate } from '../../http/request-rules';

export class PlanRectificationRequest {
  /** 整改措施, one per entry */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 2000, { each: true, message: 'measures 中每项须为 1–2000 个字符' })
  @NoControlCharacters({ multiline: true, each: true })
  measures!: string[];

  /** immediate 立行立改 | by_deadline 限期整改 | ongoing 持续整改 */
  @IsIn(TIMING_CLASSES, { message: `timing 须为: ${TIMING_CLASSES.join(', ')}` })
  timing!: TimingClass;

  /** 整改时限; required unless the work is ongoing */
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;
}
