import { SCHEDULE_COLUMNS, SCHEDULE_ROLLUP_COLUMNS } from '../../exports/key-task-columns';
import { readSchedule } from '../../key-task-schedule/schedule-reader';
import { KEY_TASK_PROJECTIONS } from '../../key-task-schedule/schedule-view';
import { exportAt, spreadsheetExport } from '../spreadsheet-export';
import { unitFilter } from '../../shared/view-scope';
import { scheduleQueryOf } from '../get-key-task-schedule/get-key-task-schedule.request.dto';
import { ExportKeyTaskScheduleRequest } from './export-key-task-schedule.request.dto';
import { viewsQuery } from '../query-routes';
import { KEY_TASK_VIEW } from '../view-subjects';

export const ExportKeyTaskScheduleHttpController = viewsQuery('ExportKeyTaskSchedule', 'api/key-tasks/:taskId/schedule/export', {
  operation: { summary: '导出重点任务调度情况 (export a key task\'s schedule)', description: '导出某次调度的排名（xlsx 含“调度情况”“汇总”两张表及审计检查点；csv 为调度情况，末行为审计检查点），中文表头' },
  ...KEY_TASK_VIEW, query: ExportKeyTaskScheduleRequest, ...spreadsheetExport(),
  handle: exportAt(KEY_TASK_PROJECTIONS, async ({ params: p, query: q, scope }, moment) => {
    const view = await readSchedule(moment.store, moment.tree, p.taskId, unitFilter(moment.tree, scope, q.root), scheduleQueryOf(q));
    return {
      export: `key-task:${p.taskId}`,
      title: `重点任务调度-${view.task.title}-${view.stockTake?.label ?? ''}`,
      sheets: [
        { name: '调度情况', columns: SCHEDULE_COLUMNS, rows: view.rows },
        { name: '汇总', columns: SCHEDULE_ROLLUP_COLUMNS, rows: view.rollups },
      ],
    };
  }),
});
