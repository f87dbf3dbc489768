import { KEY_TASK_EVENT_TYPES, KeyTaskEvent } from '@platform/domain';
import type { StoredEvent } from '@platform/event-store';
import { DocumentWrite, Projection, upsert } from '@platform/read-models';
import { KEY_TASK_STOCK_TAKES, KEY_TASKS, KeyTaskDoc, StockTakeDoc, stockTakeDocId, StockTakeReport } from './key-task-schedule.documents';

type Data = KeyTaskEvent['data'];
type Event = StoredEvent<Data>;
type Of<T extends KeyTaskEvent['type']> = Extract<KeyTaskEvent, { type: T }>['data'];

function taskChange(e: Event, task: KeyTaskDoc | null): KeyTaskDoc | null {
  switch (e.type) {
    case 'KeyTaskDefined': {
      const d = e.data as Of<'KeyTaskDefined'>;
      if (task) return null;
      const { definedBy: _by, ...plan } = d;
      return { _id: d.taskId, ...plan, unitIds: [], parts: {}, stockTakes: [] };
    }
    case 'KeyTaskPartsAssigned': {
      const d = e.data as Of<'KeyTaskPartsAssigned'>;
      if (!task) return null;
      return { ...task, unitIds: [...task.unitIds, ...d.parts.map((p) => p.unitId)], parts: { ...task.parts, ...Object.fromEntries(d.parts.map((p) => [p.unitId, p])) } };
    }
    case 'KeyTaskResponsibleChanged': {
      const d = e.data as Of<'KeyTaskResponsibleChanged'>;
      if (!task?.parts[d.unitId]) return null;
      return { ...task, parts: { ...task.parts, [d.unitId]: { ...task.parts[d.unitId], responsible: d.to } } };
    }
    case 'StockTakeScheduled': {
      const d = e.data as Of<'StockTakeScheduled'>;
      if (!task) return null;
      return { ...task, stockTakes: [...task.stockTakes, { stockTakeId: d.stockTakeId, label: d.label, dueOn: d.dueOn, open: true }] };
    }
    case 'StockTakeClosed': {
      const d = e.data as Of<'StockTakeClosed'>;
      if (!task) return null;
      return { ...task, stockTakes: task.stockTakes.map((t) => (t.stockTakeId === d.stockTakeId ? { ...t, open: false } : t)) };
    }
    default:
      return null;
  }
}

function withReport(take: StockTakeDoc, unitId: string, change: (r: StockTakeReport) => StockTakeReport): StockTakeDoc | null {
  const report = take.reports[unitId];
  return report ? { ...take, reports: { ...take.reports, [unitId]: change(report) } } : null;
}

function stockTakeChange(e: Event, take: StockTakeDoc | null): StockTakeDoc | null {
  switch (e.type) {
    case 'StockTakeScheduled': {
      const d = e.data as Of<'StockTakeScheduled'>;
      if (take) return null;
      return { _id: stockTakeDocId(d.taskId, d.stockTakeId), taskId: d.taskId, stockTakeId: d.stockTakeId, label: d.label, dueOn: d.dueOn, open: true, reports: {} };
    }
    case 'TaskProgressReported': {
      const d = e.data as Of<'TaskProgressReported'>;
      if (!take) return null;
      const report: StockTakeReport = {
        revision: d.revision,
        value: d.value,
        done: d.done,
        narrative: d.narrative,
        evidence: d.evidence,
        returned: null,
        comments: [],
        reportedAt: e.occurredAt,
        reportedBy: d.reportedBy,
      };
      return { ...take, reports: { ...take.reports, [d.unitId]: report } };
    }
    case 'TaskReportCommented': {
      const d = e.data as Of<'TaskReportCommented'>;
      return take && withReport(take, d.unitId, (r) => ({ ...r, comments: [...r.comments, d.comment] }));
    }
    case 'TaskReportReturned': {
      const d = e.data as Of<'TaskReportReturned'>;
      return take && withReport(take, d.unitId, (r) => ({ ...r, returned: { reason: d.reason } }));
    }
    case 'StockTakeClosed':
      return take && { ...take, open: false };
    default:
      return null;
  }
}

/** 重点任务调度: each task's plan and, per stock-take, every unit's latest report. */
export const keyTaskScheduleProjection: Projection<Data> = {
  name: 'key-task-schedule',
  version: 1,
  collections: [KEY_TASKS, KEY_TASK_STOCK_TAKES],
  versioned: [KEY_TASKS, KEY_TASK_STOCK_TAKES],
  handles: KEY_TASK_EVENT_TYPES,
  indexes: { [KEY_TASKS]: { unitIds: 'array', deadline: 'scalar' }, [KEY_TASK_STOCK_TAKES]: { taskId: 'scalar', dueOn: 'scalar' } },
  async evolve(e, ctx) {
    const taskId = e.data.taskId;
    const writes: DocumentWrite[] = [];
    const task = taskChange(e, await ctx.get<KeyTaskDoc>(KEY_TASKS, taskId));
    if (task) writes.push(upsert(KEY_TASKS, task));
    const stockTakeId = (e.data as { stockTakeId?: string }).stockTakeId;
    if (stockTakeId) {
      const take = stockTakeChange(e, await ctx.get<StockTakeDoc>(KEY_TASK_STOCK_TAKES, stockTakeDocId(taskId, stockTakeId)));
      if (take) writes.push(upsert(KEY_TASK_STOCK_TAKES, take));
    }
    return writes;
  },
};
