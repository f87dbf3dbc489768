import { Actor } from '../../shared/actor';
import { ProblemCampaignFacts, ProblemCommand, RegisterProblem } from '../problem.commands';
import { ProblemEvent } from '../problem.events';
import { fold } from '../../shared/decider';
import { problemDecider } from '../problem.decider';

/** A small world for the ledger's specs: one branch, its township, a neighbour, a city office. */
export const AT = '2025-09-01T02:00:00.000Z';
export const PROBLEM = 'p-001';
export const CAMPAIGN = 'adv-2025';
export const LOOK_BACK = 'lookback-2026';
export const UNIT = 'branch-1';
export const NEIGHBOUR = 'branch-2';
export const TOWNSHIP = 'township-1';

export const operator = (unitId = UNIT, userId = 'op-1'): Actor => ({ userId, role: 'operator', unitId });
export const office: Actor = { userId: 'office-1', role: 'office', unitId: 'city-office' };
export const inspector: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-3' };
export const leader: Actor = { userId: 'leader-1', role: 'leader', unitId: TOWNSHIP };

export const campaignFacts = (over: Partial<ProblemCampaignFacts> = {}): ProblemCampaignFacts => ({
  campaignId: CAMPAIGN,
  launched: true,
  kind: 'education',
  parentCampaignId: null,
  ...over,
});

export const lookBackFacts = (over: Partial<ProblemCampaignFacts> = {}): ProblemCampaignFacts => ({
  campaignId: LOOK_BACK,
  launched: true,
  kind: 'look-back',
  parentCampaignId: CAMPAIGN,
  ...over,
});

export const people = {
  responsibleLeader: { name: '张书记', userId: 'u-zhang' },
  handler: { name: '李经办', userId: 'u-li' },
};

/** Builds a command with the usual actor and time; tests override only what they are about. */
export function cmd<T extends ProblemCommand['type']>(
  type: T,
  fields: Omit<Extract<ProblemCommand, { type: T }>, 'type' | 'actor' | 'at'>,
  actor: Actor = operator(),
  at: string = AT,
): Extract<ProblemCommand, { type: T }> {
  return { type, actor, at, ...fields } as Extract<ProblemCommand, { type: T }>;
}

export const register = (over: Partial<RegisterProblem> = {}, actor: Actor = operator()): ProblemCommand =>
  cmd(
    'RegisterProblem',
    {
      problemId: PROBLEM,
      campaign: campaignFacts(),
      responsibleUnit: { unitId: UNIT, exists: true, closed: false, enrolled: true },
      source: 'democratic_appraisal',
      category: 'work_style',
      description: '服务群众不主动',
      people,
      discoveredAt: '2025-08-20',
      ...over,
    },
    actor,
  );

type Data<T extends ProblemEvent['type']> = Extract<ProblemEvent, { type: T }>['data'];

export function ev<T extends ProblemEvent['type']>(type: T, data: Omit<Data<T>, 'problemId'>): Extract<ProblemEvent, { type: T }> {
  return { type, data: { problemId: PROBLEM, ...data } } as unknown as Extract<ProblemEvent, { type: T }>;
}

export const registered = (over: Partial<Data<'ProblemRegistered'>> = {}) =>
  ev('ProblemRegistered', {
    campaignId: CAMPAIGN,
    source: 'democratic_appraisal',
    category: 'work_style',
    description: '服务群众不主动',
    responsibleUnitId: UNIT,
    discoveredAt: '2025-08-20',
    people,
    registeredBy: 'op-1',
    ...over,
  });

export const planned = (over: Partial<Data<'RectificationPlanned'>> = {}) =>
  ev('RectificationPlanned', { measures: ['建立首问负责制'], timing: 'by_deadline', deadline: '2025-10-31', plannedBy: 'op-1', ...over });

export const published = () => ev('PlanPublished', { publishedBy: 'op-1' });
export const progressed = (note = '已召开专题会') => ev('ProgressRecorded', { note, attachmentRefs: [], recordedBy: 'op-1' });
export const claimed = (claimedBy = 'op-1') => ev('FixClaimed', { evidence: '制度已上墙', attachmentRefs: [], claimedBy });
export const verified = () => ev('FixVerified', { comment: '', verifiedBy: 'insp-1' });
export const closed = (mechanisms: string | null = '每月回访') =>
  ev('ProblemClosed', { mechanisms, deadline: '2025-10-31', closedBy: 'insp-1' });
export const deferred = () =>
  ev('ProblemDeferred', {
    constraint: '资金须列入明年预算',
    explanation: { text: '已在村民大会上说明', date: '2025-08-30' },
    reReviewDate: '2026-03-01',
    gradualMeasures: ['先修复破损路段'],
    deferredBy: 'op-1',
  });
export const jointStarted = (partIds: readonly string[] = ['part-a', 'part-b']) =>
  ev('JointHandlingStarted', {
    coordinatorUnitId: TOWNSHIP,
    reason: '涉及多个部门',
    parts: partIds.map((partId, i) => ({
      partId,
      unitId: i === 0 ? UNIT : NEIGHBOUR,
      description: `任务 ${partId}`,
      deadline: '2025-11-30',
    })),
    escalatedBy: 'office-1',
  });
export const partClosed = (partId: string) => ev('PartClosed', { partId, evidence: '已完成', closedBy: 'op-1' });

/** Where each stage of the life of a problem leaves it. */
export const HISTORY = {
  identified: [registered()],
  planned: [registered(), planned()],
  inProgress: [registered(), planned(), published(), progressed()],
  fixed: [registered(), planned(), published(), progressed(), claimed()],
  verified: [registered(), planned(), published(), progressed(), claimed(), verified()],
  closed: [registered(), planned(), published(), progressed(), claimed(), verified(), closed()],
  deferred: [registered(), planned(), progressed(), deferred()],
  joint: [registered(), planned(), progressed(), jointStarted()],
} satisfies Record<string, ProblemEvent[]>;

/** A problem's state after these events. */
export const stateOf = (events: readonly ProblemEvent[]) => fold(problemDecider, events);
/** Where a problem stands after these events: its status and which of the five kinds of handling it counts as. */
export const standingOf = (events: readonly ProblemEvent[]) => {
  const s = stateOf(events);
  return [s.status, s.handling];
};
