import { Actor, keyTaskDecider, KeyTaskEvent } from '@platform/domain';
import { decidedHistory } from '@platform/domain/testing/decided-history';
import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { tree } from '../testing/view-fixtures';
import { KEY_TASK_STOCK_TAKES, KEY_TASKS, KeyTaskDoc, StockTakeDoc } from './key-task-schedule.documents';
import { keyTaskScheduleProjection } from './key-task-schedule.projection';
import { rollUpStandings, stockTakeStandings } from './stock-take-standings';
import { scheduleView } from './schedule-view';

const office: Actor = { userId: 'office-1', role: 'office', unitId: 'city' };
const inspector: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-1' };
const liaisonOf = (unitId: string): Actor => ({ userId: `op-${unitId}`, role: 'operator', unitId });
const branches = ['branch-1', 'branch-2', 'branch-3', 'branch-4'];

/** The events the decider itself decides for a task run over two stock-takes, so the projection reads real facts. */
function history(): KeyTaskEvent[] {
  const { run, events } = decidedHistory(keyTaskDecider, { actor: office, at: '2025-03-01T00:00:00.000Z' });
  run({ type: 'DefineKeyTask', taskId: 'kt-1', title: '支部标准化', description: '', measuresOfDone: ['达标'], deadline: '2025-12-31', target: { quantity: 16, unit: '个' } });
  run({ type: 'AssignTaskParts', parts: branches.map((unitId) => ({ unitId, responsible: `${unitId}书记`, target: 4 })), units: Object.fromEntries(branches.map((u) => [u, { open: true }])) });
  run({ type: 'ScheduleStockTake', stockTakeId: 'st-06', label: '6月调度', dueOn: '2025-06-30' });
  run({ type: 'ReportTaskProgress', stockTakeId: 'st-06', unitId: 'branch-1', value: 4, done: false, narrative: '全部达标', evidence: [] }, liaisonOf('branch-1'));
  run({ type: 'ReportTaskProgress', stockTakeId: 'st-06', unitId: 'branch-2', value: 1, done: false, narrative: '推进中', evidence: ['sha256-a'] }, liaisonOf('branch-2'));
  run({ type: 'ReportTaskProgress', stockTakeId: 'st-06', unitId: 'branch-3', value: 3, done: false, narrative: '推进中', evidence: [] }, liaisonOf('branch-3'));
  run({ type: 'ReturnTaskReport', stockTakeId: 'st-06', unitId: 'branch-3', reason: '佐证不全' }, inspector);
  run({ type: 'CommentTaskReport', stockTakeId: 'st-06', unitId: 'branch-2', comment: '进度偏慢' }, inspector);
  run({ type: 'CloseStockTake', stockTakeId: 'st-06' });
  run({ type: 'ChangeTaskResponsible', unitId: 'branch-4', responsible: '新书记', reason: '换届' });
  run({ type: 'ScheduleStockTake', stockTakeId: 'st-09', label: '9月调度', dueOn: '2025-09-30' });
  return events;
}

describe('key task schedule projection (重点任务调度)', () => {
  const spec = specifyProjection(keyTaskScheduleProjection);
  const given = () => spec.given(history().map((e) => ({ ...e, streamId: 'key-task-kt-1' })));

  it('keeps the plan and every unit latest report per stock-take, however the runner batches', async () => {
    const docs = await given().documents();
    const task = docs[KEY_TASKS][0] as unknown as KeyTaskDoc;
    expect(task).toMatchObject({
      _id: 'kt-1',
      unitIds: branches,
      target: { quantity: 16, unit: '个' },
      stockTakes: [
        { stockTakeId: 'st-06', open: false },
        { stockTakeId: 'st-09', open: true },
      ],
    });
    expect(task.parts['branch-4'].responsible).toBe('新书记');
    const [june, september] = docs[KEY_TASK_STOCK_TAKES] as unknown as StockTakeDoc[];
    expect(Object.keys(june.reports).sort()).toEqual(['branch-1', 'branch-2', 'branch-3']);
    expect(june.reports['branch-2']).toMatchObject({ revision: 1, value: 1, comments: ['进度偏慢'], returned: null, evidence: ['sha256-a'] });
    expect(june.reports['branch-3'].returned).toEqual({ reason: '佐证不全' });
    expect(september.reports).toEqual({});
    await given().then(docs);
  });

  it('ranks a stock-take and rolls it up the tree', async () => {
    const docs = await given().documents();
    const task = docs[KEY_TASKS][0] as unknown as KeyTaskDoc;
    const june = docs[KEY_TASK_STOCK_TAKES][0] as unknown as StockTakeDoc;
    const standings = stockTakeStandings(task, june);
    expect(standings.map((s) => [s.unitId, s.status, s.rank])).toEqual([
      ['branch-1', 'done', 1],
      ['branch-2', 'behind', 2],
      ['branch-3', 'not_reported', 3],
      ['branch-4', 'not_reported', 3],
    ]);
    expect(rollUpStandings(standings, tree(), 'city').map((r) => [r.unitId, r.parts, r.counts.done, r.counts.not_reported, r.onTrackShare])).toEqual([
      ['county-1', 3, 1, 1, 1 / 3],
      ['county-2', 1, 0, 1, 0],
    ]);
    expect(rollUpStandings(standings, tree(), 'town-1').map((r) => [r.unitId, r.counts.done, r.counts.behind])).toEqual([
      ['branch-1', 1, 0],
      ['branch-2', 0, 1],
    ]);
  });

  it('computes the scheduling view: ranks, roll-ups ranked per level, history and the series, for the units shown', async () => {
    const docs = await given().documents();
    const task = docs[KEY_TASKS][0] as unknown as KeyTaskDoc;
    const takes = docs[KEY_TASK_STOCK_TAKES] as unknown as StockTakeDoc[];
    const all = { visible: () => true, ids: null };
    const june = scheduleView(task, takes, tree(), all, { stockTakeId: 'st-06', root: null });
    expect(june.stockTake).toMatchObject({ stockTakeId: 'st-06', open: false });
    expect(june.stockTake!.expectedShare).toBeCloseTo(121 / 305, 10);
    expect(june.rows.map((r) => [r.rank, r.unitId, r.status])).toEqual([
      [1, 'branch-1', 'done'],
      [2, 'branch-2', 'behind'],
      [3, 'branch-3', 'not_reported'],
      [3, 'branch-4', 'not_reported'],
    ]);
    expect(june.rows[1]).toMatchObject({ name: '丹阳社区党支部', value: 1, target: 4, share: 0.25, report: { comments: ['进度偏慢'] } });
    expect(june.rollups.map((r) => [r.level, r.rank, r.unitId, r.parts, r.onTrackShare])).toEqual([
      ['city', 1, 'city', 4, 0.25],
      ['county', 1, 'county-1', 3, 1 / 3],
      ['county', 2, 'county-2', 1, 0],
      ['township', 1, 'town-1', 2, 0.5],
      ['township', 2, 'town-2', 1, 0],
      ['township', 2, 'town-3', 1, 0],
    ]);
    // Without a stock-take named, the latest: nobody has reported to September's yet.
    const latest = scheduleView(task, takes, tree(), all, { stockTakeId: null, root: null });
    expect(latest.stockTake!.stockTakeId).toBe('st-09');
    expect(latest.counts).toEqual({ done: 0, on_track: 0, behind: 0, not_reported: 4 });
    expect(latest.stockTakes.map((t) => [t.stockTakeId, t.counts.done, t.counts.behind])).toEqual([
      ['st-06', 1, 1],
      ['st-09', 0, 0],
    ]);
    expect(latest.rows.find((r) => r.unitId === 'branch-1')!.history).toEqual([
      { stockTakeId: 'st-06', status: 'done' },
      { stockTakeId: 'st-09', status: 'not_reported' },
    ]);
    const town1 = { visible: (u: string) => u === 'branch-1' || u === 'branch-2', ids: ['branch-1', 'branch-2'] };
    const narrow = scheduleView(task, takes, tree(), town1, { stockTakeId: 'st-06', root: null });
    expect(narrow.rows.map((r) => [r.rank, r.unitId])).toEqual([
      [1, 'branch-1'],
      [2, 'branch-2'],
    ]);
    expect(narrow.counts).toEqual({ done: 1, on_track: 0, behind: 1, not_reported: 0 });
    expect(() => scheduleView(task, takes, tree(), all, { stockTakeId: 'st-99', root: null })).toThrow(/not found/);
  });
});
