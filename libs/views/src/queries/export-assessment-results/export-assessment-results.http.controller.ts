import { NotFoundException } from '@nestjs/common';
import { fromLookup, STAFF } from '@platform/common';
import { AssessmentPeriodUnits } from '@platform/assessments';
import { ASSESSMENT_PROJECTIONS, readAssessmentResults } from '../../assessment-results/assessment-results.reader';
import { assessmentColumns } from '../../exports/assessment-columns';
import { exportAt, spreadsheetExport } from '../spreadsheet-export';
import { NOT_FOUND, unitFilter } from '../../shared/view-scope';
import { AssessmentPeriodParams } from '../get-assessment-results/get-assessment-results.request.dto';
import { ExportAssessmentResultsRequest } from './export-assessment-results.request.dto';
import { assessmentsQuery } from '../query-routes';

export const ExportAssessmentResultsHttpController = assessmentsQuery('ExportAssessmentResults', 'api/assessments/:periodId/results/export', {
  operation: { summary: '导出考核结果 (export assessment results)', description: '导出考核结果（xlsx 或 csv）：排名、各项得分、总分、等次；与页面所见相同，公布前的评分只对考核方可见' },
  access: { roles: STAFF, mode: 'read', units: fromLookup(AssessmentPeriodUnits, 'periodId'), match: 'any' },
  params: AssessmentPeriodParams, query: ExportAssessmentResultsRequest, ...spreadsheetExport(),
  handle: exportAt(ASSESSMENT_PROJECTIONS, async ({ params: p, query: q, scope, actor }, moment) => {
    const view = await readAssessmentResults(moment.store('assessment-results'), moment.tree, p.periodId, unitFilter(moment.tree, scope, q.root), actor.role);
    if (!view) throw new NotFoundException(NOT_FOUND);
    return {
      export: `assessment:${p.periodId}`,
      title: `考核结果-${view.period.title}`,
      sheets: [{ name: '考核结果', columns: assessmentColumns(view.period.criteria), rows: view.rows }],
    };
  }),
});
