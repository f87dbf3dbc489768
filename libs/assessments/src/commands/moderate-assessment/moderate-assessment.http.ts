import { fromParams, IsId, IsText, MANAGERS } from '@platform/common';
import { assessmentsEdge } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { IsMark } from '../../http/marks.request';
import { moderateAssessment } from './moderate-assessment';

export class ModerateAssessmentRequest {
  @IsId()
  criterionId!: string;

  /** 调整后的评分 */
  @IsMark()
  mark!: object;

  /** 调整原因 */
  @IsText(5000)
  reason!: string;
}

export const ModerateAssessmentHttpController = assessmentsEdge(moderateAssessment, 'api/assessments/:periodId/units/:unitId/moderation', {
  operation: { summary: '办公室审核调整一项得分 (moderate one criterion)', description: '活动办公室审核时调整某项指标的得分，须说明原因；公布后只能通过申诉更正' },
  example: { summary: '调整 (moderate)', value: { criterionId: 'duty', mark: { points: 38 }, reason: '述职材料补充后复核' } },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: PeriodUnitParams, body: ModerateAssessmentRequest,
});
