import { NotFoundException } from '@nestjs/common';
import { fromLookup, STAFF } from '@platform/common';
import { AssessmentPeriodUnits } from '@platform/assessments';
import { ASSESSMENT_PROJECTIONS, readAssessmentResults } from '../../assessment-results/assessment-results.reader';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { NOT_FOUND, unitFilter } from '../../shared/view-scope';
import { AssessmentPeriodParams, GetAssessmentResultsRequest } from './get-assessment-results.request.dto';
import { GetAssessmentResultsAnswer } from './get-assessment-results.response';
import { assessmentsQuery } from '../query-routes';

export const GetAssessmentResultsHttpController = assessmentsQuery('GetAssessmentResults', 'api/assessments/:periodId/results', {
  operation: {
    summary: '考核结果：排名与等次 (assessment results)',
    description: '本人范围内考核对象的排名（同分同名次）、总分、等次及各等次人数；公布前的评分只有活动办公室、考核组和管理员可见；可按 asOf 查看当时的结果',
  },
  answer: GetAssessmentResultsAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(AssessmentPeriodUnits, 'periodId'), match: 'any' },
  params: AssessmentPeriodParams, query: GetAssessmentResultsRequest, inject: { moments: ViewMoments },
  handle: atMoment(ASSESSMENT_PROJECTIONS, async ({ params: p, query: q, scope, actor }, moment) => {
    const view = await readAssessmentResults(moment.store('assessment-results'), moment.tree, p.periodId, unitFilter(moment.tree, scope, q.root), actor.role);
    if (!view) throw new NotFoundException(NOT_FOUND);
    return view;
  }),
});
