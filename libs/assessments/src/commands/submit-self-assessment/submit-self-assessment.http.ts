import { fromParams, IsOptionalText } from '@platform/common';
import { assessmentsEdge } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { MarksRequest } from '../../http/marks.request';
import { submitSelfAssessment } from './submit-self-assessment';

export class SubmitSelfAssessmentRequest extends MarksRequest {
  /** 自评说明 */
  @IsOptionalText(5000)
  note?: string;
}

export const SubmitSelfAssessmentHttpController = assessmentsEdge(submitSelfAssessment, 'api/assessments/:periodId/units/:unitId/self-assessment', {
  operation: { summary: '单位自评 (self-assessment by the unit)', description: '本单位联络员按考核方案逐项自评；考核组评分后不能再改' },
  example: { summary: '自评 (self-assessment)', value: { marks: { duty: { points: 36 }, report: { passed: true }, tasks: { items: 1 } }, note: '述职报告已报送' } },
  access: { roles: ['operator'], mode: 'write', units: fromParams('unitId') },
  params: PeriodUnitParams, body: SubmitSelfAssessmentRequest,
});
