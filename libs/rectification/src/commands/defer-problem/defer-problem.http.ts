import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import { NoControlCharacters } from '@platform/common';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { deferProblem } from './defer-problem';

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

export const DeferProblemHttpController = rectificationEdge(deferProblem, 'api/problems/:problemId/defer', {
  operation: { summary: '暂缓解决 (defer a problem)', description: '暂缓解决：说明客观条件、向群众说明情况、复查日期与逐步解决措施' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: DeferProblemRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
