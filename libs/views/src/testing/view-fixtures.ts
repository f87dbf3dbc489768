import {
  DEFAULT_WARNING_THRESHOLDS,
  findTemplate,
  GradeCounts,
  OrganizationEvent,
  OrganizationTree,
  ProblemEvent,
  UnitLevel,
  UnitType,
} from '@platform/domain';
import type { GivenEvent } from '@platform/read-models/testing/projection-specification';

/**
 * A small city for the views' specs:
 *   city ─ county-1 ─ town-1 ─ branch-1, branch-2
 *        │          └ town-2 ─ branch-3 (rural)
 *        └ county-2 ─ town-3 ─ branch-4
 */
export const TREE: ReadonlyArray<[string, string, UnitLevel, UnitType, string | null]> = [
  ['city', '常德市', 'city', 'agency', null],
  ['county-1', '武陵区', 'county', 'agency', 'city'],
  ['county-2', '鼎城区', 'county', 'agency', 'city'],
  ['town-1', '芙蓉街道', 'township', 'community', 'county-1'],
  ['town-2', '河洑镇', 'township', 'rural', 'county-1'],
  ['town-3', '灌溪镇', 'township', 'rural', 'county-2'],
  ['branch-1', '芙蓉社区党支部', 'branch', 'community', 'town-1'],
  ['branch-2', '丹阳社区党支部', 'branch', 'community', 'town-1'],
  ['branch-3', '河洑村党支部', 'branch', 'rural', 'town-2'],
  ['branch-4', '灌溪村党支部', 'branch', 'rural', 'town-3'],
];

export const BRANCHES = ['branch-1', 'branch-2', 'branch-3', 'branch-4'];

export function orgEvents(): GivenEvent[] {
  return TREE.map(([unitId, name, level, unitType, parentId]) => ({
    type: 'UnitCreated',
    streamId: `org-${unitId}`,
    data: { unitId, name, level, unitType, parentId, memberCount: level === 'branch' ? 30 : 0 },
  }));
}

export function tree(): OrganizationTree {
  const t = new OrganizationTree();
  for (const e of orgEvents()) t.apply(e as unknown as OrganizationEvent);
  return t;
}

export const CAMPAIGN = 'xjx-2';
export const LOOK_BACK = 'htk-1';

export function launched(campaignId = CAMPAIGN, unitIds = BRANCHES, over: Record<string, unknown> = {}): GivenEvent {
  const template = findTemplate(campaignId === LOOK_BACK ? 'look-back' : 'advanced-education')!;
  return {
    type: 'CampaignLaunched',
    streamId: `campaign-${campaignId}`,
    data: {
      campaignId,
      name: campaignId === LOOK_BACK ? '回头看' : '第二批先进性教育活动',
      template,
      batch: 2,
      parentCampaignId: campaignId === LOOK_BACK ? CAMPAIGN : null,
      scope: { unitIds },
      enrolledUnitIds: unitIds,
      plannedPhases: template.phases.map((p) => ({ phaseKey: p.key, start: '2026-01-05', end: '2026-06-30' })),
      warningThresholds: DEFAULT_WARNING_THRESHOLDS,
      satisfactionThreshold: 0.8,
      ...over,
    },
  };
}

export function progress(unitId: string, type: string, data: Record<string, unknown>, campaignId = CAMPAIGN, over: Partial<GivenEvent> = {}): GivenEvent {
  return { type, streamId: `progress-${campaignId}.${unitId}`, data: { campaignId, unitId, ...data }, ...over };
}

export const step = (unitId: string, phaseKey: string, stepKey: string, campaignId = CAMPAIGN) =>
  progress(unitId, 'StepRecorded', { phaseKey, stepKey, evidence: '会议记录', attachmentRef: null, quantity: null }, campaignId);

export const STUDY_STEPS = ['mobilization_meeting', 'centralized_study', 'thematic_discussion', 'locating_members'];

export function satisfaction(unitId: string, type: string, data: Record<string, unknown>, campaignId = CAMPAIGN): GivenEvent {
  return { type, streamId: `satisfaction-${campaignId}.${unitId}`, data: { campaignId, unitId, ...data } };
}

export const grades = (satisfied: number, fairly: number, basically: number, dissatisfied: number): GradeCounts => ({
  satisfied,
  fairly_satisfied: fairly,
  basically_satisfied: basically,
  dissatisfied,
});

/** A round closed on 30/10/5/15 of 60 ballots: 75%, under the 80% threshold, so the unit must make it up (补课). */
export const roundFailed = (unitId: string, round: number, closedBy: string, campaignId = CAMPAIGN): GivenEvent =>
  satisfaction(unitId, 'SatisfactionRoundClosed', { round, counts: grades(30, 10, 5, 15), total: 60, rate: 0.75, threshold: 0.8, passed: false, closedBy }, campaignId);

export const PEOPLE = { responsibleLeader: { name: '张书记', userId: 'u-zhang' }, handler: { name: '李经办', userId: 'u-li' } };

type Data<T extends ProblemEvent['type']> = Omit<Extract<ProblemEvent, { type: T }>['data'], 'problemId'>;

/** A problem event on its stream, occurring at `occurredAt` when given. */
export function problem<T extends ProblemEvent['type']>(problemId: string, type: T, data: Data<T>, occurredAt?: string): GivenEvent {
  return {
    type,
    streamId: `problem-${problemId}`,
    data: { problemId, ...data },
    ...(occurredAt ? { occurredAt } : {}),
  };
}

export const registered = (problemId: string, unitId: string, campaignId = CAMPAIGN, occurredAt?: string) =>
  problem(
    problemId,
    'ProblemRegistered',
    {
      campaignId,
      source: 'democratic_appraisal',
      category: 'work_style',
      description: `问题 ${problemId}`,
      responsibleUnitId: unitId,
      discoveredAt: '2026-02-20',
      people: PEOPLE,
      registeredBy: 'op-1',
    },
    occurredAt,
  );

export const planned = (problemId: string, deadline: string | null, occurredAt?: string) =>
  problem(problemId, 'RectificationPlanned', { measures: ['建立走访制度'], timing: deadline ? 'by_deadline' : 'ongoing', deadline, plannedBy: 'op-1' }, occurredAt);

/** Joint handling coordinated by town-1: one part per [unit, description, deadline], named a, b, … in order. */
export const jointStarted = (problemId: string, reason: string, parts: ReadonlyArray<[unitId: string, description: string, deadline: string]>): GivenEvent =>
  problem(problemId, 'JointHandlingStarted', {
    coordinatorUnitId: 'town-1',
    reason,
    parts: parts.map(([unitId, description, deadline], i) => ({ partId: String.fromCharCode(97 + i), unitId, description, deadline })),
    escalatedBy: 'op-town',
  });

/** Plan → claim → verify → close, closing at `closedAt`. */
export function solved(problemId: string, unitId: string, deadline: string, closedAt: string): GivenEvent[] {
  return [
    registered(problemId, unitId),
    planned(problemId, deadline),
    problem(problemId, 'FixClaimed', { evidence: '制度文件', attachmentRefs: [], claimedBy: 'op-1' }),
    problem(problemId, 'FixVerified', { comment: '验收通过', verifiedBy: 'insp-1' }, closedAt),
    problem(problemId, 'ProblemClosed', { mechanisms: '长效机制', deadline, closedBy: 'insp-1' }, closedAt),
  ];
}
