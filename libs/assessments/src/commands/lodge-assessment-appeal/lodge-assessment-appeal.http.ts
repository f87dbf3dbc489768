import { fromParams, IsId, IsText } from '@platform/common';
import { assessmentsEdge } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { lodgeAssessmentAppeal } from './lodge-assessment-appeal';

export class LodgeAssessmentAppealRequest {
  @IsId()
  appealId!: string;

  /** 申诉理由 */
  @IsText(5000)
  reason!: string;
}

export const LodgeAssessmentAppealHttpController = assessmentsEdge(lodgeAssessmentAppeal, 'api/assessments/:periodId/units/:unitId/appeals', {
  operation: { summary: '对考核结果申诉 (appeal a published result)', description: '结果公布后，本单位联络员可对本单位结果申诉；同一时间只能有一项申诉在处理' },
  example: { summary: '申诉 (appeal)', value: { appealId: 'appeal-1', reason: '重点任务已于 11 月完成，佐证材料见附件' } },
  access: { roles: ['operator'], mode: 'write', units: fromParams('unitId') },
  params: PeriodUnitParams, body: LodgeAssessmentAppealRequest,
});
