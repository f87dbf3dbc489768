import { Calendar, DAY } from './calendar';
import { CityPlan, PlannedUnit } from './city-plan';
import { personName } from './names';
import { DemoOp } from './operations';
import { DemoPeople } from './people';
import { Rng } from './random';


export interface KeyTaskScenarioContext {
  readonly plan: CityPlan;
  readonly people: DemoPeople;
  readonly cal: Calendar;
  rng(...key: (string | number)[]): Rng;
  /** Queues a request; false when its time has not come by `now` (the story stops there). */
  emit(at: number, by: string, op: DemoOp): boolean;
}

interface TaskPlan {
  readonly taskId: string;
  readonly title: string;
  readonly description: string;
  readonly measuresOfDone: string[];
  readonly unitLabel: string | null;
  /** The townships it is decomposed to: every n-th one, so the task stays small in a large city. */
  readonly every: number;
}

/** Two of seed 002's key tasks: one counted (branches standardized), one judged done or not (mobile members). */
const TASKS: readonly TaskPlan[] = [
  {
    taskId: 'kt-branch-standard',
    title: '村（社区）党组织标准化规范化建设',
    description: '年底前各乡镇（街道）所辖党组织达到标准化规范化要求，补齐场所面积等基础短板',
    measuresOfDone: ['组织设置规范', '活动场所面积达标', '组织生活制度落实'],
    unitLabel: '个党组织',
    every: 1,
  },
  {
    taskId: 'kt-mobile-members',
    title: '流动党员教育管理专项行动',
    description: '摸清流动党员底数，建立流动党员党组织，落实“学习在线、管理在岗”',
    measuresOfDone: ['流动党员底数清', '联系渠道畅通', '每季度至少一次集中学习'],
    unitLabel: null,
    every: 2,
  },
];

/** Monthly stock-takes (调度), due on these days before now, and one 专项调度 on demand. */
const STOCK_TAKES: readonly { id: string; label: string; dueDay: number }[] = [
  { id: 'st-1', label: '第一次月度调度', dueDay: -120 },
  { id: 'st-2', label: '第二次月度调度', dueDay: -90 },
  { id: 'st-3', label: '第三次月度调度', dueDay: -60 },
  { id: 'st-4', label: '年底冲刺专项调度', dueDay: -25 },
];

/**
 * 重点任务调度 in the demo city: the office defines two key tasks, decomposes them to townships
 * with a named secretary answering for each part, and takes stock monthly; township liaisons report
 * (most on time, some late or not at all, at their own pace), supervision groups comment on some
 * reports and return a few, which are then reported again; each stock-take is closed after its due day.
 */
export function keyTaskScenario(c: KeyTaskScenarioContext): void {
  const { plan, people, cal } = c;
  const defineDay = -160;
  const deadlineDay = 40;
  for (const task of TASKS) {
    const rng = c.rng('key-task', task.taskId);
    const office = rng.pick(people.office);
    const units = plan.townships.filter((u, i) => i % task.every === 0 && people.operatorOf.has(u.unitId));
    if (units.length === 0) continue;
    const targets = units.map(() => (task.unitLabel ? rng.int(2, 6) : null));
    const total = targets.reduce<number>((n, t) => n + (t ?? 0), 0);
    let t = cal.workTime(cal.at(defineDay, 12), rng);
    if (
      !c.emit(t, office, {
        type: 'DefineKeyTask',
        body: {
          taskId: task.taskId,
          title: task.title,
          description: task.description,
          measuresOfDone: task.measuresOfDone,
          deadline: cal.dateOfDay(deadlineDay),
          ...(task.unitLabel ? { target: { quantity: total, unit: task.unitLabel } } : {}),
        },
      })
    ) {
      continue;
    }
    t = cal.shortlyAfter(t, rng);
    const parts = units.map((u, i) => ({ unitId: u.unitId, responsible: `${personName(rng)}`, ...(targets[i] !== null ? { target: targets[i]! } : {}) }));
    c.emit(t, office, { type: 'AssignTaskParts', taskId: task.taskId, body: { parts } });
    // Each unit's pace: how much of its part it gets done by a given share of the time.
    const pace = units.map(() => rng.float(0.6, 1.5));
    for (const take of STOCK_TAKES) {
      const scheduled = cal.workTime(cal.at(take.dueDay - 12, 12), rng);
      const dueOn = cal.dateOfDay(take.dueDay);
      if (!c.emit(scheduled, office, { type: 'ScheduleStockTake', taskId: task.taskId, body: { stockTakeId: take.id, label: take.label, dueOn } })) break;
      const elapsed = (take.dueDay - defineDay) / (deadlineDay - defineDay);
      units.forEach((unit, i) => reportOne(c, rng, task, take.id, unit, targets[i], Math.min(1, elapsed * pace[i]), scheduled, take.dueDay));
      c.emit(cal.workTime(cal.at(take.dueDay + 9, 12), rng), office, { type: 'CloseStockTake', taskId: task.taskId, stockTakeId: take.id, body: {} });
    }
  }
}

function reportOne(c: KeyTaskScenarioContext, rng: Rng, task: TaskPlan, stockTakeId: string, unit: PlannedUnit, target: number | null, progress: number, scheduled: number, dueDay: number): void {
  const { cal, people } = c;
  if (!rng.chance(0.85)) return;
  const operator = people.operatorOf.get(unit.unitId)!;
  const at = Math.max(scheduled + DAY, cal.workTime(cal.at(dueDay - rng.int(3, 9), 12), rng));
  const value = target === null ? null : Math.min(target, Math.floor(target * progress));
  const done = target === null ? progress >= 1 : value === target;
  const narrative = done ? `${unit.name}已完成本单位任务，正在巩固提高` : `${unit.name}正在推进，已完成约${Math.round(progress * 100)}%，下一步补齐短板`;
  const body = { ...(value !== null ? { value } : {}), done, narrative, evidence: rng.chance(0.6) ? [`ev-${task.taskId}-${stockTakeId}-${unit.unitId}`] : [] };
  const where = { taskId: task.taskId, stockTakeId, unitId: unit.unitId };
  if (!c.emit(at, operator, { type: 'ReportTaskProgress', ...where, body })) return;
  const group = unit.countyId ? people.supervisionGroupOf.get(unit.countyId) : undefined;
  if (!group) return;
  if (rng.chance(0.2)) {
    c.emit(cal.shortlyAfter(at + DAY, rng), group.userId, { type: 'CommentTaskReport', ...where, body: { comment: done ? '成效明显，注意长效机制' : '进度偏慢，请对照时间节点加快推进' } });
  } else if (rng.chance(0.06)) {
    const returned = cal.shortlyAfter(at + DAY, rng);
    if (c.emit(returned, group.userId, { type: 'ReturnTaskReport', ...where, body: { reason: '佐证材料不全，请补充后重新报送' } })) {
      c.emit(cal.shortlyAfter(returned + DAY, rng), operator, { type: 'ReportTaskProgress', ...where, body: { ...body, narrative: `${narrative}（已补充佐证）`, evidence: [`ev-${task.taskId}-${stockTakeId}-${unit.unitId}-2`] } });
    }
  }
}
