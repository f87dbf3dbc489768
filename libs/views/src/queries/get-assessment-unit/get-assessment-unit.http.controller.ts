import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, fromParams, STAFF } from '@platform/common';
import { Actor, maxScore } from '@platform/domain';
import type { Response } from 'express';
import { ASSESSMENT_PERIODS, ASSESSMENT_UNITS, AssessmentPeriodDoc, AssessmentUnitDoc, assessmentUnitId } from '../../assessment-results/assessment-results.documents';
import { ASSESSMENT_PROJECTIONS, SCORE_READERS } from '../../assessment-results/assessment-results.reader';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { NOT_FOUND } from '../../shared/view-scope';
import { AssessmentUnitParams, GetAssessmentUnitRequest } from './get-assessment-unit.request.dto';
import { GetAssessmentUnitAnswer } from './get-assessment-unit.response';

@ApiTags('assessments 考核')
@Controller('api/assessments/:periodId/units/:unitId')
export class GetAssessmentUnitHttpController {
  constructor(private readonly moments: ViewMoments) {}

  @ApiOperation({
    summary: '一个考核对象的得分与改分记录 (a unit\'s scores and their history)',
    description: '自评分、考核组评分、办公室调整与申诉，每次改分记录谁、何时、为何；公布前的评分只有活动办公室、考核组和管理员可见',
  })
  @ApiOkResponse({ schema: GetAssessmentUnitAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromParams('unitId') })
  @Get()
  async get(@Param() p: AssessmentUnitParams, @Query() q: GetAssessmentUnitRequest, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const moment = await this.moments.resolve(q.asOf, ASSESSMENT_PROJECTIONS);
    const store = moment.store('assessment-results');
    const period = await store.get<AssessmentPeriodDoc>(ASSESSMENT_PERIODS, p.periodId);
    const unit = await store.get<AssessmentUnitDoc>(ASSESSMENT_UNITS, assessmentUnitId(p.periodId, p.unitId));
    if (!period || !unit) throw new NotFoundException(NOT_FOUND);
    const published = period.revision > 0;
    const shows = published || SCORE_READERS.includes(actor.role);
    const { _id, results: _r, unitIds, ...rest } = period;
    const { _id: _u, periodId: _p, ...own } = unit;
    return {
      asOf: momentOf(res, moment),
      period: { ...rest, maxScore: maxScore(period.criteria), published, unitCount: unitIds.length },
      unit: {
        ...own,
        name: moment.tree.get(p.unitId)?.name ?? p.unitId,
        total: shows ? own.total : null,
        byCriterion: shows ? own.byCriterion : null,
        marks: shows ? own.marks : null,
        // The unit's own self-assessments stay; the assessors' working scores wait for publication.
        changes: shows ? own.changes : own.changes.filter((c) => c.kind === 'self'),
      },
      scoresVisible: shows,
    };
  }
}
