import { NotFoundException } from '@nestjs/common';
import { ReadStore } from '@platform/read-models';
import { NOT_FOUND, UnitFilter } from '../shared/view-scope';
import { ViewMoment } from '../shared/view-moment';
import { KEY_TASK_STOCK_TAKES, KEY_TASKS, KeyTaskDoc, StockTakeDoc } from './key-task-schedule.documents';
import { ScheduleQuery, scheduleView, ScheduleView } from './schedule-view';

/** Reads one task and its stock-takes from the moment's store (live, versions or replayed) and computes its schedule. */
export async function readSchedule(store: ViewMoment['store'], tree: ViewMoment['tree'], taskId: string, filter: UnitFilter, query: ScheduleQuery): Promise<ScheduleView> {
  const schedule: ReadStore = store('key-task-schedule');
  const task = await schedule.get<KeyTaskDoc>(KEY_TASKS, taskId);
  if (!task) throw new NotFoundException(NOT_FOUND);
  const takes = await schedule.find<StockTakeDoc>(KEY_TASK_STOCK_TAKES, { taskId }, { sort: { dueOn: 1 } });
  return scheduleView(task, takes, tree, filter, query);
}
