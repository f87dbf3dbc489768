import { fold } from '../shared/decider';
import { keyTaskDecider } from './key-task.decider';
import { KeyTaskEvent } from './key-task.events';
import { countByStatus, expectedShare, stockTakeStandings } from './task-part-status';

const taskId = 'kt-1';
const history = (reports: KeyTaskEvent[], target: { quantity: number; unit: string } | null = { quantity: 20, unit: '个支部' }): KeyTaskEvent[] => [
  { type: 'KeyTaskDefined', data: { taskId, title: 't', description: '', measuresOfDone: ['m'], deadline: '2025-12-31', target, definedAt: '2025-01-01', definedBy: 'o' } },
  {
    type: 'KeyTaskPartsAssigned',
    data: { taskId, parts: ['a', 'b', 'c', 'd', 'e'].map((u) => ({ unitId: u, responsible: `${u}书记`, target: target ? 4 : null })), assignedBy: 'o' },
  },
  { type: 'StockTakeScheduled', data: { taskId, stockTakeId: 'st', label: '半年调度', dueOn: '2025-07-02', scheduledBy: 'o' } },
  ...reports,
];
const report = (unitId: string, value: number | null, done = false, revision = 1): KeyTaskEvent => ({
  type: 'TaskProgressReported',
  data: { taskId, stockTakeId: 'st', unitId, revision, value, done, narrative: 'n', evidence: [], reportedBy: 'u' },
});

describe('where each unit stands at a stock-take', () => {
  it('expects the share of the year elapsed by the stock-take', () => {
    expect(expectedShare({ definedAt: '2025-01-01', deadline: '2025-12-31' }, '2025-07-02')).toBeCloseTo(182 / 364);
    expect(expectedShare({ definedAt: '2025-01-01', deadline: '2025-12-31' }, '2026-02-01')).toBe(1);
  });

  it('ranks done, on track, behind and not reported; a returned report counts as not reported', () => {
    const returned: KeyTaskEvent = { type: 'TaskReportReturned', data: { taskId, stockTakeId: 'st', unitId: 'e', revision: 1, reason: 'r', returnedBy: 'i' } };
    const task = fold(keyTaskDecider, history([report('a', 4), report('b', 2), report('c', 1), report('e', 3), returned]));
    const standings = stockTakeStandings(task, 'st');
    expect(standings.map((s) => [s.unitId, s.status, s.rank])).toEqual([
      ['a', 'done', 1],
      ['b', 'on_track', 2],
      ['c', 'behind', 3],
      ['d', 'not_reported', 4],
      ['e', 'not_reported', 4],
    ]);
    expect(countByStatus(standings)).toEqual({ done: 1, on_track: 1, behind: 1, not_reported: 2 });
  });

  it('without a target, a report is on track until the deadline and done only when the unit says so', () => {
    const task = fold(keyTaskDecider, history([report('a', null, true), report('b', null)], null));
    const byUnit = Object.fromEntries(stockTakeStandings(task, 'st').map((s) => [s.unitId, s.status]));
    expect(byUnit).toEqual({ a: 'done', b: 'on_track', c: 'not_reported', d: 'not_reported', e: 'not_reported' });
  });

  it('equal standings share a rank', () => {
    const task = fold(keyTaskDecider, history([report('a', 3), report('b', 3)]));
    expect(stockTakeStandings(task, 'st').slice(0, 2).map((s) => s.rank)).toEqual([1, 1]);
  });
});
