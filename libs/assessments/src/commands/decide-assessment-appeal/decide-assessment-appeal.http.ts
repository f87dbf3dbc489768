import { IsBoolean, IsOptional } from 'class-validator';
import { fromLookup, IsText, MANAGERS } from '@platform/common';
import { assessmentsEdge } from '../../assessment-commands';
import { AssessmentPeriodUnits } from '../../assessment-period-units';
import { PeriodAppealParams } from '../../http/assessment-params';
import { IsMarks } from '../../http/marks.request';
import { decideAssessmentAppeal } from './decide-assessment-appeal';

export class DecideAssessmentAppealRequest {
  /** 申诉是否成立 */
  @IsBoolean()
  upheld!: boolean;

  /** 处理意见 */
  @IsText(5000)
  reason!: string;

  /** 申诉成立时更正后的全部评分；成立即按新分重新排名并公布新一版结果 */
  @IsOptional()
  @IsMarks(false)
  marks?: Record<string, object>;
}

export const DecideAssessmentAppealHttpController = assessmentsEdge(decideAssessmentAppeal, 'api/assessments/:periodId/appeals/:appealId/decision', {
  operation: { summary: '处理申诉 (decide an appeal)', description: '活动办公室处理申诉；成立时给出更正后的评分，结果重新排名并公布新一版' },
  example: { summary: '申诉成立 (upheld)', value: { upheld: true, reason: '佐证属实，重点任务扣分撤销', marks: { duty: { points: 34 }, report: { passed: true }, tasks: { items: 0 } } } },
  access: { roles: MANAGERS, mode: 'write', units: fromLookup(AssessmentPeriodUnits, 'periodId') },
  params: PeriodAppealParams, body: DecideAssessmentAppealRequest,
});
