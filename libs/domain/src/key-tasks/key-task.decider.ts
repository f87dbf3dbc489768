import { CommandContext, hasRole } from '../shared/actor';
import { assertNever, Decider } from '../shared/decider';
import { daysBetween, isIsoDate } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { checkedText as text } from '../shared/checked-text';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { KeyTaskEvent, TaskPart, TaskTarget } from './key-task.events';

/** What the handler knows of the units a command names: absent means no such unit. */
export type TaskUnitFacts = Readonly<Record<string, { readonly open: boolean }>>;

export type KeyTaskCommand = CommandContext &
  (
    | {
        type: 'DefineKeyTask';
        taskId: string;
        title: string;
        description: string;
        measuresOfDone: string[];
        deadline: string;
        target: TaskTarget | null;
      }
    | { type: 'AssignTaskParts'; parts: TaskPart[]; units: TaskUnitFacts }
    | { type: 'ChangeTaskResponsible'; unitId: string; responsible: string; reason: string }
    | { type: 'ScheduleStockTake'; stockTakeId: string; label: string; dueOn: string }
    | { type: 'ReportTaskProgress'; stockTakeId: string; unitId: string; value: number | null; done: boolean; narrative: string; evidence: string[] }
    | { type: 'CommentTaskReport'; stockTakeId: string; unitId: string; comment: string }
    | { type: 'ReturnTaskReport'; stockTakeId: string; unitId: string; reason: string }
    | { type: 'CloseStockTake'; stockTakeId: string }
  );

export interface TaskReport {
  readonly revision: number;
  readonly value: number | null;
  readonly done: boolean;
  readonly narrative: string;
  readonly evidence: readonly string[];
  readonly returned: { readonly reason: string } | null;
  readonly comments: readonly string[];
}

export interface StockTake {
  readonly stockTakeId: string;
  readonly label: string;
  readonly dueOn: string;
  readonly open: boolean;
  readonly reports: Readonly<Record<string, TaskReport>>;
}

export interface KeyTaskState {
  readonly defined: boolean;
  readonly taskId: string;
  readonly title: string;
  readonly definedAt: string;
  readonly deadline: string;
  readonly target: TaskTarget | null;
  readonly measuresOfDone: readonly string[];
  readonly parts: Readonly<Record<string, TaskPart>>;
  readonly stockTakes: readonly StockTake[];
}

const initialState = (): KeyTaskState => ({
  defined: false,
  taskId: '',
  title: '',
  definedAt: '',
  deadline: '',
  target: null,
  measuresOfDone: [],
  parts: {},
  stockTakes: [],
});

function requireOffice(c: CommandContext, what: string): void {
  if (!hasRole(c.actor, 'office', 'admin')) refuse('role_not_allowed', `只有活动办公室可以${what} (office only)`);
}

function requireDefined(s: KeyTaskState): void {
  if (!s.defined) refuse('key_task_not_found', '重点任务不存在 (key task not found)');
}

function requireStockTake(s: KeyTaskState, stockTakeId: string): StockTake {
  const found = s.stockTakes.find((t) => t.stockTakeId === stockTakeId);
  if (!found) refuse('stock_take_not_found', `调度 ${stockTakeId} 不存在 (stock-take not found)`, { stockTakeId });
  return found;
}

function requireOpenStockTake(s: KeyTaskState, stockTakeId: string): StockTake {
  const found = requireStockTake(s, stockTakeId);
  if (!found.open) refuse('stock_take_closed', `调度 ${found.label} 已结束 (stock-take closed)`, { stockTakeId });
  return found;
}

function requirePart(s: KeyTaskState, unitId: string): TaskPart {
  const part = s.parts[unitId];
  if (!part) refuse('unit_not_assigned', `组织 ${unitId} 未分解到本任务 (unit has no part in this task)`, { unitId });
  return part;
}

function requireReport(take: StockTake, unitId: string): TaskReport {
  const report = take.reports[unitId];
  if (!report) refuse('report_not_found', `组织 ${unitId} 尚未报送本次调度 (no report yet)`, { unitId });
  return report;
}

function checkTarget(target: TaskTarget | null): TaskTarget | null {
  if (target === null) return null;
  if (!Number.isInteger(target.quantity) || target.quantity <= 0) refuse('target_invalid', '量化目标须为正整数 (target.quantity > 0)');
  return { quantity: target.quantity, unit: text(target.unit, 'target_unit', '目标单位', { required: true }) };
}

function checkParts(c: Extract<KeyTaskCommand, { type: 'AssignTaskParts' }>, s: KeyTaskState): TaskPart[] {
  if (!Array.isArray(c.parts) || c.parts.length === 0) refuse('parts_required', '请至少分解到一个单位 (parts must not be empty)');
  const seen = new Set<string>();
  return c.parts.map((p) => {
    if (!UNIT_ID_PATTERN.test(p.unitId)) refuse('unit_id_invalid', '组织编码无效 (parts[].unitId)', { unitId: p.unitId });
    if (seen.has(p.unitId)) refuse('part_duplicate', `组织 ${p.unitId} 重复 (parts[].unitId repeated)`, { unitId: p.unitId });
    seen.add(p.unitId);
    if (s.parts[p.unitId]) refuse('part_exists', `组织 ${p.unitId} 已分解过本任务 (unit already has a part)`, { unitId: p.unitId });
    const unit = c.units[p.unitId];
    if (!unit) refuse('unit_not_found', `组织 ${p.unitId} 不存在 (unit not found)`, { unitId: p.unitId });
    if (!unit.open) refuse('unit_closed', `组织 ${p.unitId} 已撤销 (unit closed)`, { unitId: p.unitId });
    const responsible = text(p.responsible, 'responsible', '责任人', { required: true });
    if (s.target === null && p.target !== null) refuse('part_target_without_task_target', '任务没有量化目标，单位不能分配目标值 (parts[].target needs a task target)');
    if (s.target !== null && (!Number.isInteger(p.target) || (p.target as number) <= 0)) {
      refuse('part_target_required', '量化任务须为每个单位分配正整数目标值 (parts[].target > 0)', { unitId: p.unitId });
    }
    return { unitId: p.unitId, responsible, target: s.target === null ? null : p.target };
  });
}

function decide(c: KeyTaskCommand, s: KeyTaskState): KeyTaskEvent[] {
  if (c.type !== 'DefineKeyTask') requireDefined(s);
  const taskId = s.taskId;
  switch (c.type) {
    case 'DefineKeyTask': {
      requireOffice(c, '部署重点任务');
      if (s.defined) refuse('key_task_exists', `重点任务 ${s.taskId} 已存在 (key task exists)`);
      if (!UNIT_ID_PATTERN.test(c.taskId)) refuse('task_id_invalid', '任务编号只能包含字母、数字、- 和 _ (taskId)');
      const title = text(c.title, 'title', '任务名称', { required: true });
      const description = text(c.description, 'description', '任务说明', { multiline: true });
      if (!Array.isArray(c.measuresOfDone) || c.measuresOfDone.length === 0) refuse('measures_required', '请至少填写一项完成标准 (measuresOfDone)');
      const measuresOfDone = c.measuresOfDone.map((m) => text(m, 'measure', '完成标准', { required: true }));
      if (!isIsoDate(c.deadline)) refuse('deadline_invalid', '完成时限格式应为 YYYY-MM-DD (deadline)');
      if (daysBetween(c.at, c.deadline) < 0) refuse('deadline_in_past', '完成时限不能早于今天 (deadline in the past)');
      const target = checkTarget(c.target);
      const definedAt = c.at.slice(0, 10);
      return [
        { type: 'KeyTaskDefined', data: { taskId: c.taskId, title, description, measuresOfDone, deadline: c.deadline.slice(0, 10), target, definedAt, definedBy: c.actor.userId } },
      ];
    }
    case 'AssignTaskParts': {
      requireOffice(c, '分解任务');
      const parts = checkParts(c, s);
      if (s.target) {
        const assigned = Object.values(s.parts).reduce((n, p) => n + (p.target ?? 0), 0) + parts.reduce((n, p) => n + (p.target ?? 0), 0);
        if (assigned > s.target.quantity) {
          refuse('parts_exceed_target', `分配目标合计 ${assigned} 超过任务目标 ${s.target.quantity} (sum of parts[].target > target)`, { assigned, target: s.target.quantity });
        }
      }
      return [{ type: 'KeyTaskPartsAssigned', data: { taskId, parts, assignedBy: c.actor.userId } }];
    }
    case 'ChangeTaskResponsible': {
      requireOffice(c, '调整责任人');
      const part = requirePart(s, c.unitId);
      const to = text(c.responsible, 'responsible', '责任人', { required: true });
      if (to === part.responsible) refuse('responsible_unchanged', '责任人没有变化 (responsible unchanged)');
      const reason = text(c.reason, 'reason', '调整原因', { required: true, multiline: true });
      return [{ type: 'KeyTaskResponsibleChanged', data: { taskId, unitId: c.unitId, from: part.responsible, to, reason, changedBy: c.actor.userId } }];
    }
    case 'ScheduleStockTake': {
      requireOffice(c, '安排调度');
      if (!UNIT_ID_PATTERN.test(c.stockTakeId)) refuse('stock_take_id_invalid', '调度编号只能包含字母、数字、- 和 _ (stockTakeId)');
      if (s.stockTakes.some((t) => t.stockTakeId === c.stockTakeId)) refuse('stock_take_exists', `调度 ${c.stockTakeId} 已存在 (stock-take exists)`);
      const label = text(c.label, 'label', '调度名称', { required: true });
      if (!isIsoDate(c.dueOn)) refuse('due_on_invalid', '报送截止日期格式应为 YYYY-MM-DD (dueOn)');
      const dueOn = c.dueOn.slice(0, 10);
      const last = s.stockTakes[s.stockTakes.length - 1];
      // Stock-takes are read as a series; one dated before the previous would reorder history.
      if (last && daysBetween(last.dueOn, dueOn) <= 0) refuse('stock_take_out_of_order', `报送截止日期须晚于上次调度 ${last.dueOn} (dueOn after the last stock-take)`, { after: last.dueOn });
      return [{ type: 'StockTakeScheduled', data: { taskId, stockTakeId: c.stockTakeId, label, dueOn, scheduledBy: c.actor.userId } }];
    }
    case 'ReportTaskProgress': {
      if (!hasRole(c.actor, 'office', 'admin')) {
        if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', '只有本单位联络员或活动办公室可以报送进展 (operator or office)');
        if (c.actor.unitId !== c.unitId) refuse('not_own_unit', '只能报送本单位的进展 (not own unit)', { unitId: c.unitId });
      }
      const part = requirePart(s, c.unitId);
      const take = requireOpenStockTake(s, c.stockTakeId);
      let value: number | null = null;
      if (part.target !== null) {
        if (!Number.isInteger(c.value) || (c.value as number) < 0) refuse('value_required', '量化任务须报送完成数 (value ≥ 0)');
        value = c.value;
      } else if (c.value !== null && c.value !== undefined) {
        refuse('value_not_expected', '本任务没有量化目标，不报送完成数 (value must be null)');
      }
      const narrative = text(c.narrative, 'narrative', '进展情况', { required: true, multiline: true });
      if (!Array.isArray(c.evidence) || c.evidence.some((e) => typeof e !== 'string' || !e.trim() || e.length > 200)) {
        refuse('evidence_invalid', '佐证材料须为文件编号 (evidence[] of references)');
      }
      if (c.done !== true && c.done !== false) refuse('done_invalid', '请说明是否已完成 (done is true or false)');
      const previous = take.reports[c.unitId];
      return [
        {
          type: 'TaskProgressReported',
          data: {
            taskId,
            stockTakeId: c.stockTakeId,
            unitId: c.unitId,
            revision: (previous?.revision ?? 0) + 1,
            value,
            done: c.done,
            narrative,
            evidence: c.evidence.map((e) => e.trim()),
            reportedBy: c.actor.userId,
          },
        },
      ];
    }
    case 'CommentTaskReport':
    case 'ReturnTaskReport': {
      if (!hasRole(c.actor, 'inspector', 'office', 'admin')) refuse('role_not_allowed', '只有督导组或活动办公室可以点评或退回报送 (inspector or office)');
      const take = requireOpenStockTake(s, c.stockTakeId);
      const report = requireReport(take, c.unitId);
      if (report.returned) refuse('report_returned', '该报送已退回，等待重新报送 (report already returned)', { unitId: c.unitId });
      const ids = { taskId, stockTakeId: c.stockTakeId, unitId: c.unitId, revision: report.revision };
      if (c.type === 'CommentTaskReport') {
        const comment = text(c.comment, 'comment', '点评意见', { required: true, multiline: true });
        return [{ type: 'TaskReportCommented', data: { ...ids, comment, commentedBy: c.actor.userId } }];
      }
      const reason = text(c.reason, 'reason', '退回原因', { required: true, multiline: true });
      return [{ type: 'TaskReportReturned', data: { ...ids, reason, returnedBy: c.actor.userId } }];
    }
    case 'CloseStockTake': {
      requireOffice(c, '结束调度');
      requireOpenStockTake(s, c.stockTakeId);
      return [{ type: 'StockTakeClosed', data: { taskId, stockTakeId: c.stockTakeId, closedBy: c.actor.userId } }];
    }
    default:
      return assertNever(c);
  }
}

function withStockTake(s: KeyTaskState, stockTakeId: string, change: (t: StockTake) => StockTake): KeyTaskState {
  return { ...s, stockTakes: s.stockTakes.map((t) => (t.stockTakeId === stockTakeId ? change(t) : t)) };
}

function withReport(s: KeyTaskState, stockTakeId: string, unitId: string, change: (r: TaskReport) => TaskReport): KeyTaskState {
  return withStockTake(s, stockTakeId, (t) => ({ ...t, reports: { ...t.reports, [unitId]: change(t.reports[unitId]) } }));
}

function evolve(s: KeyTaskState, e: KeyTaskEvent): KeyTaskState {
  switch (e.type) {
    case 'KeyTaskDefined':
      return {
        ...s,
        defined: true,
        taskId: e.data.taskId,
        title: e.data.title,
        definedAt: e.data.definedAt,
        deadline: e.data.deadline,
        target: e.data.target,
        measuresOfDone: e.data.measuresOfDone,
      };
    case 'KeyTaskPartsAssigned':
      return { ...s, parts: { ...s.parts, ...Object.fromEntries(e.data.parts.map((p) => [p.unitId, p])) } };
    case 'KeyTaskResponsibleChanged':
      return { ...s, parts: { ...s.parts, [e.data.unitId]: { ...s.parts[e.data.unitId], responsible: e.data.to } } };
    case 'StockTakeScheduled':
      return { ...s, stockTakes: [...s.stockTakes, { stockTakeId: e.data.stockTakeId, label: e.data.label, dueOn: e.data.dueOn, open: true, reports: {} }] };
    case 'TaskProgressReported': {
      const { value, done, narrative, evidence, revision } = e.data;
      return withStockTake(s, e.data.stockTakeId, (t) => ({
        ...t,
        reports: { ...t.reports, [e.data.unitId]: { revision, value, done, narrative, evidence, returned: null, comments: [] } },
      }));
    }
    case 'TaskReportCommented':
      return withReport(s, e.data.stockTakeId, e.data.unitId, (r) => ({ ...r, comments: [...r.comments, e.data.comment] }));
    case 'TaskReportReturned':
      return withReport(s, e.data.stockTakeId, e.data.unitId, (r) => ({ ...r, returned: { reason: e.data.reason } }));
    case 'StockTakeClosed':
      return withStockTake(s, e.data.stockTakeId, (t) => ({ ...t, open: false }));
    default:
      return assertNever(e);
  }
}

export const keyTaskDecider: Decider<KeyTaskCommand, KeyTaskState, KeyTaskEvent> = { decide, evolve, initialState };
