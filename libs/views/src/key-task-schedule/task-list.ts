import { countByStatus, PartStatus, partStanding } from '@platform/domain';
import { ReadStore } from '@platform/read-models';
import { UnitFilter, unitClause } from '../shared/view-scope';
import { ViewMoment } from '../shared/view-moment';
import { KEY_TASK_STOCK_TAKES, KEY_TASKS, KeyTaskDoc, StockTakeDoc, StockTakeSummary } from './key-task-schedule.documents';

export interface KeyTaskListItem {
  readonly taskId: string;
  readonly title: string;
  readonly deadline: string;
  readonly definedAt: string;
  readonly target: KeyTaskDoc['target'];
  /** The parts of units the reader may see. */
  readonly unitCount: number;
  readonly stockTakeCount: number;
  /** The latest stock-take and the standings of the visible parts there. */
  readonly latest: (StockTakeSummary & { readonly counts: Record<PartStatus, number> }) | null;
}

/** The key tasks touching the reader's units, nearest deadline first. */
export async function readTaskList(store: ViewMoment['store'], filter: UnitFilter): Promise<KeyTaskListItem[]> {
  const schedule: ReadStore = store('key-task-schedule');
  const tasks = await schedule.find<KeyTaskDoc>(KEY_TASKS, unitClause('unitIds', filter), { sort: { deadline: 1, _id: 1 } });
  const latestIds = tasks.flatMap((t) => {
    const last = t.stockTakes[t.stockTakes.length - 1];
    return last ? [`${t.taskId}/${last.stockTakeId}`] : [];
  });
  const takes = new Map((await schedule.find<StockTakeDoc>(KEY_TASK_STOCK_TAKES, { _id: { $in: latestIds } })).map((t) => [t.taskId, t]));
  return tasks.map((task) => {
    const unitIds = task.unitIds.filter((u) => filter.visible(u));
    const take = takes.get(task.taskId);
    return {
      taskId: task.taskId,
      title: task.title,
      deadline: task.deadline,
      definedAt: task.definedAt,
      target: task.target,
      unitCount: unitIds.length,
      stockTakeCount: task.stockTakes.length,
      latest: take
        ? { stockTakeId: take.stockTakeId, label: take.label, dueOn: take.dueOn, open: take.open, counts: countByStatus(unitIds.map((u) => partStanding(task, take, u))) }
        : null,
    };
  });
}
