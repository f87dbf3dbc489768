import { ApiProduces } from '@nestjs/swagger';
import { ApiSpreadsheetAnswer, fromLookup, STAFF, token } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import { KeyTaskParams, KeyTaskUnits } from '@platform/key-tasks';
import { streamExport } from '../../exports/export-format';
import { SCHEDULE_COLUMNS, SCHEDULE_ROLLUP_COLUMNS } from '../../exports/key-task-columns';
import { readSchedule } from '../../key-task-schedule/schedule-reader';
import { KEY_TASK_PROJECTIONS } from '../../key-task-schedule/schedule-view';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { scheduleQueryOf } from '../get-key-task-schedule/get-key-task-schedule.request.dto';
import { ExportKeyTaskScheduleRequest } from './export-key-task-schedule.request.dto';
import { viewsQuery } from '../query-routes';

export const ExportKeyTaskScheduleHttpController = viewsQuery('ExportKeyTaskSchedule', 'api/key-tasks/:taskId/schedule/export', {
  operation: { summary: '导出重点任务调度情况 (export a key task\'s schedule)', description: '导出某次调度的排名（xlsx 含“调度情况”“汇总”两张表及审计检查点；csv 为调度情况，末行为审计检查点），中文表头' },
  access: { roles: STAFF, mode: 'read', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' },
  decorators: [ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'), ApiSpreadsheetAnswer()],
  params: KeyTaskParams, query: ExportKeyTaskScheduleRequest, inject: { moments: ViewMoments, witness: token<CheckpointWitness>(WITNESS) }, ownsResponse: true,
  async handle({ params: p, query: q, scope, res }, { moments, witness }) {
    const moment = await moments.resolve(q.asOf, KEY_TASK_PROJECTIONS);
    const view = await readSchedule(moment.store, moment.tree, p.taskId, unitFilter(moment.tree, scope, q.root), scheduleQueryOf(q));
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(witness, { export: `key-task:${p.taskId}` });
    await streamExport(res, q.format ?? 'xlsx', `重点任务调度-${view.task.title}-${view.stockTake?.label ?? ''}`, [
      { name: '调度情况', columns: SCHEDULE_COLUMNS, rows: view.rows },
      { name: '汇总', columns: SCHEDULE_ROLLUP_COLUMNS, rows: view.rollups },
    ], checkpoint);
  },
});
