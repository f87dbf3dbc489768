import { fromParams, IsOptionalText, REVIEWERS } from '@platform/common';
import { assessmentsEdge } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { MarksRequest } from '../../http/marks.request';
import { scoreAssessment } from './score-assessment';

export class ScoreAssessmentRequest extends MarksRequest {
  /** 改分原因（首次评分可省略，再次评分必填） */
  @IsOptionalText(5000)
  reason?: string;
}

export const ScoreAssessmentHttpController = assessmentsEdge(scoreAssessment, 'api/assessments/:periodId/units/:unitId/score', {
  operation: { summary: '考核组评分 (score a unit)', description: '考核组（督导组）在其负责范围内逐项评分；改分须说明原因，每次评分都记录评分人与原因' },
  example: { summary: '评分 (score)', value: { marks: { duty: { points: 34 }, report: { passed: true }, tasks: { items: 2 } } } },
  access: { roles: REVIEWERS, mode: 'write', units: fromParams('unitId') },
  params: PeriodUnitParams, body: ScoreAssessmentRequest,
});
