import { NotFoundException } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { ApiSpreadsheetAnswer, fromLookup, STAFF, token } from '@platform/common';
import { AssessmentPeriodUnits } from '@platform/assessments';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import { ASSESSMENT_PROJECTIONS, readAssessmentResults } from '../../assessment-results/assessment-results.reader';
import { assessmentColumns } from '../../exports/assessment-columns';
import { streamExport } from '../../exports/export-format';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { NOT_FOUND, unitFilter } from '../../shared/view-scope';
import { AssessmentPeriodParams } from '../get-assessment-results/get-assessment-results.request.dto';
import { ExportAssessmentResultsRequest } from './export-assessment-results.request.dto';
import { assessmentsQuery } from '../query-routes';

export const ExportAssessmentResultsHttpController = assessmentsQuery('ExportAssessmentResults', 'api/assessments/:periodId/results/export', {
  operation: { summary: '导出考核结果 (export assessment results)', description: '导出考核结果（xlsx 或 csv）：排名、各项得分、总分、等次；与页面所见相同，公布前的评分只对考核方可见' },
  access: { roles: STAFF, mode: 'read', units: fromLookup(AssessmentPeriodUnits, 'periodId'), match: 'any' },
  decorators: [ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'), ApiSpreadsheetAnswer()],
  params: AssessmentPeriodParams, query: ExportAssessmentResultsRequest, inject: { moments: ViewMoments, witness: token<CheckpointWitness>(WITNESS) }, ownsResponse: true,
  async handle({ params: p, query: q, scope, actor, res }, { moments, witness }) {
    const moment = await moments.resolve(q.asOf, ASSESSMENT_PROJECTIONS);
    const view = await readAssessmentResults(moment.store('assessment-results'), moment.tree, p.periodId, unitFilter(moment.tree, scope, q.root), actor.role);
    if (!view) throw new NotFoundException(NOT_FOUND);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(witness, { export: `assessment:${p.periodId}` });
    await streamExport(res, q.format ?? 'xlsx', `考核结果-${view.period.title}`, [{ name: '考核结果', columns: assessmentColumns(view.period.criteria), rows: view.rows }], checkpoint);
  },
});
