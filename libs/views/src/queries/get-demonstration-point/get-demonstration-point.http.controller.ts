import { NotFoundException } from '@nestjs/common';
import { ASSESSMENT_PERIODS, ASSESSMENT_UNITS, AssessmentPeriodDoc, AssessmentUnitDoc, assessmentUnitId } from '../../assessment-results/assessment-results.documents';
import { DEMONSTRATION_POINTS, DemonstrationPointDoc } from '../../demonstration-register/demonstration-register.projection';
import { pointRow } from '../../demonstration-register/demonstration-register.reader';
import { AsOfQuery } from '../../shared/view-query.request.dto';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { NOT_FOUND } from '../../shared/view-scope';
import { GetDemonstrationPointAnswer } from './get-demonstration-point.response';
import { demonstrationPointsQuery } from '../query-routes';
import { UNIT_VIEW } from '../view-subjects';

export class GetDemonstrationPointRequest extends AsOfQuery {}

export const GetDemonstrationPointHttpController = demonstrationPointsQuery('GetDemonstrationPoint', 'api/demonstration-points/:unitId', {
  operation: {
    summary: '一个示范点的历程与考评依据 (a point\'s history and evidence)',
    description: '推荐、确定、历年考评（合格、淘汰、再次推荐）的完整记录，及每次考评所依据的创建标准考核的各项得分',
  },
  answer: GetDemonstrationPointAnswer,
  ...UNIT_VIEW, query: GetDemonstrationPointRequest, inject: { moments: ViewMoments },
  handle: atMoment(['demonstration-register', 'assessment-results'], async ({ params: p }, moment) => {
    const doc = await moment.store('demonstration-register').get<DemonstrationPointDoc>(DEMONSTRATION_POINTS, p.unitId);
    if (!doc) throw new NotFoundException(NOT_FOUND);
    const results = moment.store('assessment-results');
    const evidence = [];
    // Only published periods are cited (the use case refuses others), so their scores are public to the point's readers.
    for (const periodId of [...new Set(doc.history.map((h) => h.periodId).filter((id): id is string => id !== null))]) {
      const period = await results.get<AssessmentPeriodDoc>(ASSESSMENT_PERIODS, periodId);
      const unit = await results.get<AssessmentUnitDoc>(ASSESSMENT_UNITS, assessmentUnitId(periodId, p.unitId));
      if (!period || !unit) continue;
      evidence.push({
        periodId,
        title: period.title,
        schemeId: period.schemeId,
        schemeVersion: period.schemeVersion,
        criteria: period.criteria,
        byCriterion: unit.byCriterion,
        total: unit.total,
        grade: unit.grade,
        rank: unit.rank,
        selfTotal: unit.selfTotal,
      });
    }
    return { point: pointRow(doc, moment.tree), evidence };
  }),
});
