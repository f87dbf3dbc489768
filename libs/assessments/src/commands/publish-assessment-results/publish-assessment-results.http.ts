import { fromLookup, MANAGERS } from '@platform/common';
import { assessmentsEdge } from '../../assessment-commands';
import { AssessmentPeriodUnits } from '../../assessment-period-units';
import { PeriodParams } from '../../http/assessment-params';
import { publishAssessmentResults } from './publish-assessment-results';

/** Nothing to say but the period: the ranking follows from the scores. */
export class PublishAssessmentResultsRequest {}

export const PublishAssessmentResultsHttpController = assessmentsEdge(publishAssessmentResults, 'api/assessments/:periodId/publication', {
  operation: { summary: '公布考核结果 (publish the results)', description: '全部考核对象评分后，按总分排名（同分同名次）并按等次分数线定等次后公布' },
  access: { roles: MANAGERS, mode: 'write', units: fromLookup(AssessmentPeriodUnits, 'periodId') },
  params: PeriodParams, body: PublishAssessmentResultsRequest, input: (p, _body) => ({ periodId: p.periodId }),
});
