import { DomainEvent } from '../shared/decider';

/** A quantitative target, e.g. "10 branches standardized" (10, '个支部'). */
export interface TaskTarget {
  readonly quantity: number;
  readonly unit: string;
}

/** One unit's part of the plan (一统: one plan, each unit its part, a named person answering for it). */
export interface TaskPart {
  readonly unitId: string;
  readonly responsible: string;
  /** The unit's share of the task's target; null when the task has none. */
  readonly target: number | null;
}

type TaskId = { taskId: string };

export type KeyTaskDefined = DomainEvent<
  'KeyTaskDefined',
  TaskId & { title: string; description: string; measuresOfDone: string[]; deadline: string; target: TaskTarget | null; definedAt: string; definedBy: string }
>;
export type KeyTaskPartsAssigned = DomainEvent<'KeyTaskPartsAssigned', TaskId & { parts: TaskPart[]; assignedBy: string }>;
export type KeyTaskResponsibleChanged = DomainEvent<
  'KeyTaskResponsibleChanged',
  TaskId & { unitId: string; from: string; to: string; reason: string; changedBy: string }
>;
/** 调度: a stock-take at which every unit reports where its part stands. */
export type StockTakeScheduled = DomainEvent<'StockTakeScheduled', TaskId & { stockTakeId: string; label: string; dueOn: string; scheduledBy: string }>;
export type TaskProgressReported = DomainEvent<
  'TaskProgressReported',
  TaskId & {
    stockTakeId: string;
    unitId: string;
    /** 1 for the first report of this unit at this stock-take, then 2, 3... after corrections or a return. */
    revision: number;
    value: number | null;
    done: boolean;
    narrative: string;
    evidence: string[];
    reportedBy: string;
  }
>;
export type TaskReportCommented = DomainEvent<
  'TaskReportCommented',
  TaskId & { stockTakeId: string; unitId: string; revision: number; comment: string; commentedBy: string }
>;
/** 退回: the report does not stand; the unit reports again. */
export type TaskReportReturned = DomainEvent<
  'TaskReportReturned',
  TaskId & { stockTakeId: string; unitId: string; revision: number; reason: string; returnedBy: string }
>;
export type StockTakeClosed = DomainEvent<'StockTakeClosed', TaskId & { stockTakeId: string; closedBy: string }>;

export type KeyTaskEvent =
  | KeyTaskDefined
  | KeyTaskPartsAssigned
  | KeyTaskResponsibleChanged
  | StockTakeScheduled
  | TaskProgressReported
  | TaskReportCommented
  | TaskReportReturned
  | StockTakeClosed;

export const KEY_TASK_EVENT_TYPES: KeyTaskEvent['type'][] = [
  'KeyTaskDefined',
  'KeyTaskPartsAssigned',
  'KeyTaskResponsibleChanged',
  'StockTakeScheduled',
  'TaskProgressReported',
  'TaskReportCommented',
  'TaskReportReturned',
  'StockTakeClosed',
];

export const keyTaskStreamId = (taskId: string) => `key-task-${taskId}`;
