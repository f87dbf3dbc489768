import { NotFoundException } from '@nestjs/common';
import { fromParams, STAFF } from '@platform/common';
import { maxScore } from '@platform/domain';
import { ASSESSMENT_PERIODS, ASSESSMENT_UNITS, AssessmentPeriodDoc, AssessmentUnitDoc, assessmentUnitId } from '../../assessment-results/assessment-results.documents';
import { ASSESSMENT_PROJECTIONS, SCORE_READERS } from '../../assessment-results/assessment-results.reader';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { NOT_FOUND } from '../../shared/view-scope';
import { AssessmentUnitParams, GetAssessmentUnitRequest } from './get-assessment-unit.request.dto';
import { GetAssessmentUnitAnswer } from './get-assessment-unit.response';
import { assessmentsQuery } from '../query-routes';

export const GetAssessmentUnitHttpController = assessmentsQuery('GetAssessmentUnit', 'api/assessments/:periodId/units/:unitId', {
  operation: {
    summary: '一个考核对象的得分与改分记录 (a unit\'s scores and their history)',
    description: '自评分、考核组评分、办公室调整与申诉，每次改分记录谁、何时、为何；公布前的评分只有活动办公室、考核组和管理员可见',
  },
  answer: GetAssessmentUnitAnswer,
  access: { roles: STAFF, mode: 'read', units: fromParams('unitId') },
  params: AssessmentUnitParams, query: GetAssessmentUnitRequest, inject: { moments: ViewMoments },
  handle: atMoment(ASSESSMENT_PROJECTIONS, async ({ params: p, actor }, moment) => {
    const store = moment.store('assessment-results');
    const period = await store.get<AssessmentPeriodDoc>(ASSESSMENT_PERIODS, p.periodId);
    const unit = await store.get<AssessmentUnitDoc>(ASSESSMENT_UNITS, assessmentUnitId(p.periodId, p.unitId));
    if (!period || !unit) throw new NotFoundException(NOT_FOUND);
    const published = period.revision > 0;
    const shows = published || SCORE_READERS.includes(actor.role);
    const { _id, results: _r, unitIds, ...rest } = period;
    const { _id: _u, periodId: _p, ...own } = unit;
    return {
      period: { ...rest, maxScore: maxScore(period.criteria), published, unitCount: unitIds.length },
      unit: {
        ...own,
        name: moment.tree.get(p.unitId)?.name ?? p.unitId,
        total: shows ? own.total : null,
        byCriterion: shows ? own.byCriterion : null,
        marks: shows ? own.marks : null,
        // The unit's own self-assessments stay; the assessors' working scores wait for publication.
        changes: (shows ? own.changes : own.changes.filter((c) => c.kind === 'self')).map((c) => ({ ...c, position: moment.positions.token(c.position) })),
      },
      scoresVisible: shows,
    };
  }),
});
