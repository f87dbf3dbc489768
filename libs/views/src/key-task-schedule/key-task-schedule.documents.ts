import { TaskPart, TaskReport, TaskTarget } from '@platform/domain';

export const KEY_TASKS = 'key-tasks';
export const KEY_TASK_STOCK_TAKES = 'key-task-stock-takes';

export interface StockTakeSummary {
  readonly stockTakeId: string;
  readonly label: string;
  readonly dueOn: string;
  readonly open: boolean;
}

/** One key task: its plan, its parts and the list of its stock-takes. */
export interface KeyTaskDoc {
  readonly _id: string;
  readonly taskId: string;
  readonly title: string;
  readonly description: string;
  readonly measuresOfDone: string[];
  readonly deadline: string;
  readonly target: TaskTarget | null;
  readonly definedAt: string;
  readonly unitIds: string[];
  readonly parts: Record<string, TaskPart>;
  readonly stockTakes: StockTakeSummary[];
}

export interface StockTakeReport extends TaskReport {
  readonly reportedAt: string;
  readonly reportedBy: string;
}

/** One stock-take (调度) of one task with every unit's latest report: what its ranking is computed from. */
export interface StockTakeDoc extends StockTakeSummary {
  readonly _id: string;
  readonly taskId: string;
  readonly reports: Record<string, StockTakeReport>;
}

export const stockTakeDocId = (taskId: string, stockTakeId: string) => `${taskId}/${stockTakeId}`;
