import { unitFilter } from '../shared/view-scope';
import { viewDocuments } from '../testing/view-documents';
import { jointStarted, launched, planned, problem, registered, solved, tree } from '../testing/view-fixtures';
import { dayFilter } from './day-filters';
import { NO_RUNNING_DEADLINE } from './rectification-ledger.documents';
import { trackProblem } from './tracked-problem';
import { trackerSummary } from './tracker-summary';

const EVENTS = [
  launched(),
  registered('p-open', 'branch-1'),
  planned('p-open', '2026-04-30'),
  registered('p-joint', 'branch-2'),
  planned('p-joint', '2026-06-30'),
  jointStarted('p-joint', '需要综合治理', [
    ['branch-1', '排查', '2026-04-10'],
    ['branch-2', '整治', '2026-06-30'],
  ]),
  registered('p-deferred', 'branch-3'),
  planned('p-deferred', '2026-04-01'),
  problem('p-deferred', 'ProblemDeferred', {
    constraint: '资金未落实',
    explanation: { text: '已说明', date: '2026-03-10' },
    reReviewDate: '2026-09-01',
    gradualMeasures: [],
    deferredBy: 'op-3',
  }),
  ...solved('p-closed', 'branch-4', '2026-04-30', '2026-04-20T09:00:00.000Z'),
  registered('p-fixed', 'branch-4'),
  planned('p-fixed', null),
  problem('p-fixed', 'FixClaimed', { evidence: 'e', attachmentRefs: [], claimedBy: 'op-4' }),
];

async function tracked(today: string) {
  const docs = await viewDocuments(EVENTS);
  const t = tree();
  const thresholds = docs.ledgerCampaigns[0].warningThresholds;
  const byId = Object.fromEntries(docs.problems.map((d) => [d.problemId, trackProblem(d, today, t, thresholds)]));
  return { docs, t, byId, list: docs.problems.map((d) => byId[d.problemId]) };
}

describe('tracker view', () => {
  it('warns green at ≤ 20 days left, yellow at ≤ 10, red once overdue — on the view’s day', async () => {
    const level = async (today: string) => (await tracked(today)).byId['p-open'];
    expect(await level('2026-04-05')).toMatchObject({ daysLeft: 25, warningLevel: 'none', overdue: false });
    expect(await level('2026-04-10')).toMatchObject({ daysLeft: 20, warningLevel: 'green', warningLevelName: '绿色预警' });
    expect(await level('2026-04-20')).toMatchObject({ daysLeft: 10, warningLevel: 'yellow' });
    expect(await level('2026-04-30')).toMatchObject({ daysLeft: 0, warningLevel: 'yellow', overdue: false });
    expect(await level('2026-05-01')).toMatchObject({ daysLeft: -1, warningLevel: 'red', overdue: true });
  });

  it('shows each joint part’s state and lets an overdue part make the problem overdue', async () => {
    const { byId } = await tracked('2026-04-12');
    expect(byId['p-joint']).toMatchObject({
      status: 'joint',
      handlingName: '需要综合治理，联动整改',
      warningLevel: 'red',
      overdue: true,
      joint: {
        coordinatorUnitName: '芙蓉街道',
        parts: [
          { partId: 'a', unitName: '芙蓉社区党支部', closed: false, warningLevel: 'red', overdue: true },
          { partId: 'b', closed: false, warningLevel: 'none', overdue: false },
        ],
      },
    });
  });

  it('gives no warning to deferred, fixed or closed problems: their clocks are not running', async () => {
    const { byId } = await tracked('2026-05-15');
    expect(byId['p-deferred']).toMatchObject({ warningLevel: 'none', overdue: false, deferral: { reReviewDate: '2026-09-01' } });
    expect(byId['p-fixed']).toMatchObject({ warningLevel: 'none', statusName: '已整改待验收' });
    expect(byId['p-closed']).toMatchObject({ warningLevel: 'none', closedOnTime: true });
  });

  it('counts per responsible unit and rolls up by summing', async () => {
    const { docs, t, list } = await tracked('2026-05-01');
    const s = trackerSummary(docs.problems, list, t, unitFilter(t, { all: true, roots: [] }, null), 1);
    expect(s.overall.counts).toMatchObject({
      total: 5,
      closed: 1,
      fixedAwaitingVerification: 1,
      inProgress: 1,
      deferred: 1,
      joint: 1,
      byDeadline: 1,
      byHandling: { being_rectified: 1, by_deadline: 1, deferred: 1, joint: 1, solved: 1 },
      overdue: 2,
      warnings: { green: 0, yellow: 0, red: 2 },
      jointParts: { total: 2, closed: 0, overdue: 1 },
    });
    expect(s.overall).toMatchObject({ completionRate: 1 / 5, onTimeRate: 1 });
    expect(s.units.map((u) => [u.unitId, u.counts.total])).toEqual([
      ['branch-1', 1],
      ['branch-2', 1],
      ['branch-3', 1],
      ['branch-4', 2],
    ]);
    const town1 = s.rollups.find((r) => r.unitId === 'town-1')!;
    expect(town1.counts).toMatchObject({ total: 2, overdue: 2 });
    expect(town1.completionRate).toBe(0);
    const scoped = trackerSummary(docs.problems, list, t, unitFilter(t, { all: false, roots: ['county-2'] }, null), 1);
    expect(scoped.overall.counts.total).toBe(2);
    expect(scoped.rollups.map((r) => r.unitId)).toEqual(['city', 'county-2', 'town-3']);
  });

  it('turns warning-level and overdue filters into ranges of running deadline on the view’s day', () => {
    const t = { greenDays: 20, yellowDays: 10 };
    expect(dayFilter({ warningLevels: [], overdue: true }, '2026-05-01', t)).toEqual({ runningDeadline: { $lt: '2026-05-01' } });
    expect(dayFilter({ warningLevels: ['yellow', 'green'], overdue: null }, '2026-05-01', t)).toEqual({
      runningDeadline: { $gte: '2026-05-01', $lte: '2026-05-21' },
    });
    expect(dayFilter({ warningLevels: ['red', 'none'], overdue: null }, '2026-05-01', t)).toEqual({
      $or: [{ runningDeadline: { $lt: '2026-05-01' } }, { runningDeadline: { $gt: '2026-05-21' } }],
    });
    expect(dayFilter({ warningLevels: [], overdue: false }, '2026-05-01', t)).toEqual({ runningDeadline: { $gte: '2026-05-01' } });
    expect(dayFilter({ warningLevels: [], overdue: null }, '2026-05-01', t)).toEqual({});
    // Without a day every problem is at 'none'.
    expect(dayFilter({ warningLevels: ['red'], overdue: null }, null, t)).toBeNull();
    expect(dayFilter({ warningLevels: [], overdue: null }, null, t)).toEqual({});
  });

  it('keys each problem on its nearest running deadline, so an overdue joint part puts it first', async () => {
    const { docs } = await tracked('2026-05-01');
    const byId = Object.fromEntries(docs.problems.map((d) => [d.problemId, d]));
    expect(byId['p-joint']).toMatchObject({ runningDeadline: '2026-04-10', urgencyKey: '1 2026-04-10' });
    expect(byId['p-open']).toMatchObject({ runningDeadline: '2026-04-30', urgencyKey: '1 2026-04-30' });
    // Stopped clocks come after every running one, by their own deadline.
    expect(byId['p-deferred']).toMatchObject({ runningDeadline: NO_RUNNING_DEADLINE, urgencyKey: '2 2026-04-01' });
    expect(byId['p-fixed']).toMatchObject({ runningDeadline: NO_RUNNING_DEADLINE, urgencyKey: `2 ${NO_RUNNING_DEADLINE}` });
  });
});
