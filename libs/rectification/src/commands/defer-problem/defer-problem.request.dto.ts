import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import { NoControlCharacters } from '@platform/common';
import { IsCalendarDate, IsText } from '../../http/request-rules';

/** 向群众说明情况: what the masses were told, and the day they were told it. */
export class ExplanationRequest {
  @IsText(5000)
  text!: string;

  @IsCalendarDate()
  date!: string;
}

export class DeferProblemRequest {
  /** The objective condition that blocks a solution for now */
  @IsText(2000)
  constraint!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => ExplanationRequest)
  explanation!: ExplanationRequest;

  /** When it is looked at again */
  @IsCalendarDate()
  reReviewDate!: string;

  /** 积极采取措施逐步解决 */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 2000, { each: true, message: 'gradualMeasures 中每项须为 1–2000 个字符' })
  @NoControlCharacters({ multiline: true, each: true })
  gradualMeasures!: string[];
}
