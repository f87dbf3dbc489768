import { STAFF } from '@platform/common';
import { maxScore } from '@platform/domain';
import { ASSESSMENT_PERIODS, AssessmentPeriodDoc } from '../../assessment-results/assessment-results.documents';
import { ASSESSMENT_PROJECTIONS } from '../../assessment-results/assessment-results.reader';
import { AsOfQuery } from '../../shared/view-query.request.dto';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { unitClause, unitFilter } from '../../shared/view-scope';
import { ListAssessmentPeriodsAnswer } from './list-assessment-periods.response';
import { assessmentsQuery } from '../query-routes';

export class ListAssessmentPeriodsRequest extends AsOfQuery {}

export const ListAssessmentPeriodsHttpController = assessmentsQuery('ListAssessmentPeriods', 'api/assessments', {
  operation: { summary: '考核期列表 (assessment periods)', description: '涉及本人范围内组织的各期考核，按开始日期倒序；可按 asOf 查看当时的情况' },
  answer: ListAssessmentPeriodsAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  query: ListAssessmentPeriodsRequest, inject: { moments: ViewMoments },
  handle: atMoment(ASSESSMENT_PROJECTIONS, async ({ scope }, moment) => {
    const filter = unitFilter(moment.tree, scope, null);
    const docs = await moment.store('assessment-results').find<AssessmentPeriodDoc>(ASSESSMENT_PERIODS, unitClause('unitIds', filter), { sort: { from: -1, periodId: 1 } });
    const periods = docs.map(({ _id, results: _r, unitIds, ...p }) => ({
      ...p,
      maxScore: maxScore(p.criteria),
      published: p.revision > 0,
      unitCount: unitIds.length,
      unitsInScope: unitIds.filter((u) => filter.visible(u)).length,
    }));
    return { total: periods.length, periods };
  }),
});
