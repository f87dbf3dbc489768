import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { CITY_OFFICE as office, specCommands } from '../testing/spec-commands';
import { KeyTaskCommand, keyTaskDecider } from './key-task.decider';
import { KeyTaskEvent, TaskPart } from './key-task.events';

const spec = specify(keyTaskDecider);
const liaison: Actor = { userId: 'op-1', role: 'operator', unitId: 'town-1' };
const inspector: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-1' };
const AT = '2025-03-01T02:00:00.000Z';

const command = specCommands<KeyTaskCommand>(AT, office);

const define = (over: Record<string, unknown> = {}, actor: Actor = office) =>
  command(
    {
      type: 'DefineKeyTask',
      taskId: 'kt-branch-std',
      title: ' 村党组织标准化规范化建设 ',
      description: '年底前完成达标',
      measuresOfDone: ['支部达到标准化要求'],
      deadline: '2025-12-31',
      target: { quantity: 10, unit: '个支部' },
      ...over,
    },
    actor,
  );
const defined: KeyTaskEvent = {
  type: 'KeyTaskDefined',
  data: {
    taskId: 'kt-branch-std',
    title: '村党组织标准化规范化建设',
    description: '年底前完成达标',
    measuresOfDone: ['支部达到标准化要求'],
    deadline: '2025-12-31',
    target: { quantity: 10, unit: '个支部' },
    definedAt: '2025-03-01',
    definedBy: 'office-1',
  },
};
const part = (unitId: string, target: number | null = 5, responsible = '张书记'): TaskPart => ({ unitId, responsible, target });
const units = { 'town-1': { open: true }, 'town-2': { open: true }, 'town-closed': { open: false } };
const assign = (parts: TaskPart[]) => command({ type: 'AssignTaskParts', parts, units });
const assigned: KeyTaskEvent = { type: 'KeyTaskPartsAssigned', data: { taskId: 'kt-branch-std', parts: [part('town-1'), part('town-2')], assignedBy: 'office-1' } };
const schedule = (stockTakeId = 'st-06', dueOn = '2025-06-30', label = '6月调度') => command({ type: 'ScheduleStockTake', stockTakeId, label, dueOn });
const scheduled = (stockTakeId = 'st-06', dueOn = '2025-06-30', label = '6月调度'): KeyTaskEvent => ({
  type: 'StockTakeScheduled',
  data: { taskId: 'kt-branch-std', stockTakeId, label, dueOn, scheduledBy: 'office-1' },
});
const report = (over: Record<string, unknown> = {}, actor: Actor = liaison) =>
  command({ type: 'ReportTaskProgress', stockTakeId: 'st-06', unitId: 'town-1', value: 3, done: false, narrative: '已完成 3 个支部', evidence: ['sha256-abc'], ...over }, actor);
const reported = (revision = 1, value: number | null = 3, done = false, unitId = 'town-1'): KeyTaskEvent => ({
  type: 'TaskProgressReported',
  data: { taskId: 'kt-branch-std', stockTakeId: 'st-06', unitId, revision, value, done, narrative: '已完成 3 个支部', evidence: ['sha256-abc'], reportedBy: 'op-1' },
});
const returned: KeyTaskEvent = {
  type: 'TaskReportReturned',
  data: { taskId: 'kt-branch-std', stockTakeId: 'st-06', unitId: 'town-1', revision: 1, reason: '佐证不全', returnedBy: 'insp-1' },
};
const planned = [defined, assigned, scheduled()];

describe('key task scheduling (重点任务调度)', () => {
  describe('DefineKeyTask', () => {
    it('defines the task with its measures of done, deadline and target', () => spec.given([]).when(define()).then([defined]));

    it.each([
      ['role_not_allowed', [], define({}, liaison)],
      ['key_task_exists', [defined], define()],
      ['task_id_invalid', [], define({ taskId: 'kt 1' })],
      ['title_required', [], define({ title: '  ' })],
      ['measures_required', [], define({ measuresOfDone: [] })],
      ['deadline_invalid', [], define({ deadline: '年底' })],
      ['deadline_in_past', [], define({ deadline: '2025-01-31' })],
      ['target_invalid', [], define({ target: { quantity: 0, unit: '个' } })],
      ['title_invalid', [], define({ title: 'a\u202eb' })],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('AssignTaskParts (一统: each unit its part, a named person answering for it)', () => {
    it('decomposes the task to units', () => spec.given([defined]).when(assign([part('town-1'), part('town-2')])).then([assigned]));

    it('takes parts without a target when the task has none', () => {
      const plain: KeyTaskEvent = { ...defined, data: { ...defined.data, target: null } } as KeyTaskEvent;
      spec.given([plain]).when(assign([part('town-1', null)])).then([
        { type: 'KeyTaskPartsAssigned', data: { taskId: 'kt-branch-std', parts: [part('town-1', null)], assignedBy: 'office-1' } },
      ]);
    });

    it.each([
      ['key_task_not_found', [], assign([part('town-1')])],
      ['parts_required', [defined], assign([])],
      ['part_duplicate', [defined], assign([part('town-1'), part('town-1')])],
      ['part_exists', [defined, assigned], assign([part('town-1')])],
      ['unit_not_found', [defined], assign([part('town-9')])],
      ['unit_closed', [defined], assign([part('town-closed')])],
      ['responsible_required', [defined], assign([part('town-1', 5, ' ')])],
      ['part_target_required', [defined], assign([part('town-1', null)])],
      ['parts_exceed_target', [defined, assigned], assign([{ ...part('town-closed'), unitId: 'town-3' }])],
    ] as const)('refuses with %s', (code, given, cmd) => {
      const withTown3 = { ...cmd, units: { ...units, 'town-3': { open: true } } } as KeyTaskCommand;
      spec.given(given).when(withTown3).thenRefused(code);
    });

    it('changes the responsible person with a reason', () =>
      spec
        .given([defined, assigned])
        .when(command({ type: 'ChangeTaskResponsible', unitId: 'town-1', responsible: '李书记', reason: '换届' }))
        .then([{ type: 'KeyTaskResponsibleChanged', data: { taskId: 'kt-branch-std', unitId: 'town-1', from: '张书记', to: '李书记', reason: '换届', changedBy: 'office-1' } }]));

    it('refuses an unchanged responsible person', () =>
      spec.given([defined, assigned]).when(command({ type: 'ChangeTaskResponsible', unitId: 'town-1', responsible: '张书记', reason: 'x' })).thenRefused('responsible_unchanged'));

    it.each([
      ['role_not_allowed', command({ type: 'ChangeTaskResponsible', unitId: 'town-1', responsible: '李书记', reason: '换届' }, liaison)],
      ['unit_not_assigned', command({ type: 'ChangeTaskResponsible', unitId: 'town-9', responsible: '李书记', reason: '换届' })],
      ['responsible_required', command({ type: 'ChangeTaskResponsible', unitId: 'town-1', responsible: ' ', reason: '换届' })],
      ['reason_required', command({ type: 'ChangeTaskResponsible', unitId: 'town-1', responsible: '李书记', reason: '' })],
    ] as const)('refuses a change of responsible person with %s', (code, cmd) => spec.given([defined, assigned]).when(cmd).thenRefused(code));

    it('refuses any command on a task never defined', () =>
      spec.given([]).when(command({ type: 'ChangeTaskResponsible', unitId: 'town-1', responsible: '李书记', reason: '换届' })).thenRefused('key_task_not_found'));
  });

  describe('ScheduleStockTake (调度)', () => {
    it('schedules stock-takes in date order', () => spec.given([defined, assigned, scheduled()]).when(schedule('st-09', '2025-09-30', '9月调度')).then([scheduled('st-09', '2025-09-30', '9月调度')]));

    it.each([
      ['role_not_allowed', command({ type: 'ScheduleStockTake', stockTakeId: 'st-09', label: 'x', dueOn: '2025-09-30' }, liaison)],
      ['stock_take_exists', schedule()],
      ['stock_take_out_of_order', schedule('st-05', '2025-05-31')],
      ['due_on_invalid', schedule('st-09', 'soon')],
      ['label_required', schedule('st-09', '2025-09-30', '')],
    ] as const)('refuses with %s', (code, cmd) => spec.given(planned).when(cmd).thenRefused(code));
  });

  describe('ReportTaskProgress', () => {
    it('takes the unit report with value, narrative and evidence', () => spec.given(planned).when(report()).then([reported()]));

    it('numbers a corrected report as the next revision', () => spec.given([...planned, reported()]).when(report()).then([reported(2)]));

    it('lets the office report for a unit', () =>
      spec.given(planned).when(report({}, office)).then([{ ...reported(), data: { ...reported().data, reportedBy: 'office-1' } } as KeyTaskEvent]));

    it.each([
      ['not_own_unit', planned, report({ unitId: 'town-2' })],
      ['role_not_allowed', planned, report({}, inspector)],
      ['unit_not_assigned', planned, report({ unitId: 'town-3' }, office)],
      ['stock_take_not_found', planned, report({ stockTakeId: 'st-99' })],
      ['stock_take_closed', [...planned, { type: 'StockTakeClosed', data: { taskId: 'kt-branch-std', stockTakeId: 'st-06', closedBy: 'office-1' } }], report()],
      ['value_required', planned, report({ value: null })],
      ['value_required', planned, report({ value: -1 })],
      ['narrative_required', planned, report({ narrative: '' })],
      ['evidence_invalid', planned, report({ evidence: [''] })],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given as KeyTaskEvent[]).when(cmd).thenRefused(code));
  });

  describe('supervision of a report', () => {
    const comment = (actor: Actor = inspector) => command({ type: 'CommentTaskReport', stockTakeId: 'st-06', unitId: 'town-1', comment: '进度偏慢' }, actor);
    const giveBack = () => command({ type: 'ReturnTaskReport', stockTakeId: 'st-06', unitId: 'town-1', reason: '佐证不全' }, inspector);

    it('a supervision group comments on a report', () =>
      spec.given([...planned, reported()]).when(comment()).then([
        { type: 'TaskReportCommented', data: { taskId: 'kt-branch-std', stockTakeId: 'st-06', unitId: 'town-1', revision: 1, comment: '进度偏慢', commentedBy: 'insp-1' } },
      ]));

    it('a supervision group returns a report, and the unit reports again', () => {
      spec.given([...planned, reported()]).when(giveBack()).then([returned]);
      spec.given([...planned, reported(), returned]).when(report()).then([reported(2)]);
    });

    it.each([
      ['role_not_allowed', [...planned, reported()], comment(liaison)],
      ['report_not_found', planned, comment()],
      ['report_returned', [...planned, reported(), returned], giveBack()],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  it('closes a stock-take once, by the office', () => {
    const close = (actor: Actor = office) => command({ type: 'CloseStockTake', stockTakeId: 'st-06' }, actor);
    const closed: KeyTaskEvent = { type: 'StockTakeClosed', data: { taskId: 'kt-branch-std', stockTakeId: 'st-06', closedBy: 'office-1' } };
    spec.given(planned).when(close()).then([closed]);
    spec.given([...planned, closed]).when(close()).thenRefused('stock_take_closed');
    spec.given(planned).when(close(inspector)).thenRefused('role_not_allowed');
  });
});
