import { Module } from '@nestjs/common';
import { StreamCategory } from '@platform/common';
import { OrganizationsModule } from '@platform/organizations';
import { AssignTaskPartsHttpController } from './commands/assign-task-parts/assign-task-parts.http';
import { ChangeTaskResponsibleHttpController } from './commands/change-task-responsible/change-task-responsible.http';
import { CloseStockTakeHttpController } from './commands/close-stock-take/close-stock-take.http';
import { CommentTaskReportHttpController } from './commands/comment-task-report/comment-task-report.http';
import { DefineKeyTaskHttpController } from './commands/define-key-task/define-key-task.http';
import { ReportTaskProgressHttpController } from './commands/report-task-progress/report-task-progress.http';
import { ReturnTaskReportHttpController } from './commands/return-task-report/return-task-report.http';
import { ScheduleStockTakeHttpController } from './commands/schedule-stock-take/schedule-stock-take.http';
import { KeyTaskCommands } from './key-task-commands';
import { KeyTaskUnits } from './key-task-units';

/** Bounded context: key tasks (重点任务), their decomposition to units and their stock-takes (调度). */
@Module({
  imports: [OrganizationsModule],
  controllers: [
    DefineKeyTaskHttpController,
    AssignTaskPartsHttpController,
    ChangeTaskResponsibleHttpController,
    ScheduleStockTakeHttpController,
    ReportTaskProgressHttpController,
    CommentTaskReportHttpController,
    ReturnTaskReportHttpController,
    CloseStockTakeHttpController,
  ],
  providers: [KeyTaskCommands, KeyTaskUnits],
  exports: [KeyTaskCommands, KeyTaskUnits],
})
export class KeyTasksModule {}

/** A key task's stream, `key-task-<task>`, concerns the units it was decomposed to (the prefix is what precedes the first '-'). */
export const KEY_TASK_STREAMS: readonly StreamCategory[] = [
  {
    prefix: 'key',
    units: async (streamId, lookups) => (streamId.startsWith('key-task-') ? lookups.lookup(KeyTaskUnits).units(streamId.slice('key-task-'.length)) : null),
  },
];
