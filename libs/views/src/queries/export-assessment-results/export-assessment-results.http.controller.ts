import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, ApiSpreadsheetAnswer, CurrentActor, CurrentScope, fromLookup, STAFF } from '@platform/common';
import { AssessmentPeriodUnits } from '@platform/assessments';
import { Actor } from '@platform/domain';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import type { Response } from 'express';
import { ASSESSMENT_PROJECTIONS, readAssessmentResults } from '../../assessment-results/assessment-results.reader';
import { assessmentColumns } from '../../exports/assessment-columns';
import { streamExport } from '../../exports/export-format';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { NOT_FOUND, unitFilter } from '../../shared/view-scope';
import { AssessmentPeriodParams } from '../get-assessment-results/get-assessment-results.request.dto';
import { ExportAssessmentResultsRequest } from './export-assessment-results.request.dto';

@ApiTags('assessments 考核')
@Controller('api/assessments/:periodId/results/export')
export class ExportAssessmentResultsHttpController {
  constructor(
    private readonly moments: ViewMoments,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
  ) {}

  @ApiOperation({ summary: '导出考核结果 (export assessment results)', description: '导出考核结果（xlsx 或 csv）：排名、各项得分、总分、等次；与页面所见相同，公布前的评分只对考核方可见' })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(AssessmentPeriodUnits, 'periodId'), match: 'any' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiSpreadsheetAnswer()
  @Get()
  async export(@Param() p: AssessmentPeriodParams, @Query() q: ExportAssessmentResultsRequest, @CurrentScope() scope: ActorScope, @CurrentActor() actor: Actor, @Res() res: Response) {
    const moment = await this.moments.resolve(q.asOf, ASSESSMENT_PROJECTIONS);
    const view = await readAssessmentResults(moment.store('assessment-results'), moment.tree, p.periodId, unitFilter(moment.tree, scope, q.root), actor.role);
    if (!view) throw new NotFoundException(NOT_FOUND);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(this.witness, { export: `assessment:${p.periodId}` });
    await streamExport(res, q.format ?? 'xlsx', `考核结果-${view.period.title}`, [{ name: '考核结果', columns: assessmentColumns(view.period.criteria), rows: view.rows }], checkpoint);
  }
}
