import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { NoControlCharacters } from '@platform/common';
import { TIMING_CLASSES, TimingClass } from '@platform/domain';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { planRectification } from './plan-rectification';

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

/** 制定整改措施、时限类别与整改时限 */
export const PlanRectificationHttpController = rectificationEdge(planRectification, 'api/problems/:problemId/plan', {
  operation: { summary: '制定整改措施、时限类别与整改时限 (plan the rectification)' },
  example: { summary: '限期整改 (by a deadline)', value: { measures: ['建立首问负责制', '每月公开办事时限'], timing: 'by_deadline', deadline: '2026-06-30' } },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: PlanRectificationRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
