import { assertNever } from '../shared/decider';
import { WarningLevel } from './deadline-warning';
import { JointPart, ProblemEvent, ProblemPeople } from './problem.events';
import { Handling, ProblemSource, ProblemStatus, TimingClass } from './problem-vocabulary';
import { classifyHandling } from '../metrics/handling-definitions';

export interface ProgressNote {
  readonly note: string;
  readonly attachmentRefs: readonly string[];
  readonly recordedBy: string;
}

/** 督查: what a supervision group found, what it demands, and by when. */
export interface SupervisionNote {
  readonly finding: string;
  readonly demand: string;
  readonly dueBy: string;
  readonly notedBy: string;
  /** The supervisor's own unit, if any, as recorded on the user. */
  readonly supervisorUnitId: string | null;
  readonly at: string;
}

export interface DeadlineChange {
  readonly previousDeadline: string | null;
  readonly deadline: string;
  readonly reason: string;
  readonly changedBy: string;
}

/** The highest warning already recorded, and for which deadline: a new deadline starts afresh. */
export interface RecordedWarning {
  readonly deadline: string;
  readonly level: WarningLevel;
}

export interface RectificationPlan {
  readonly measures: readonly string[];
  readonly timing: TimingClass;
  readonly deadline: string | null;
}

export interface Deferral {
  readonly constraint: string;
  readonly explanation: { readonly text: string; readonly date: string };
  readonly reReviewDate: string;
  readonly gradualMeasures: readonly string[];
  readonly reviews: readonly { readonly finding: string; readonly previousReReviewDate: string; readonly reReviewDate: string }[];
  readonly resumed: { readonly note: string; readonly resumedBy: string } | null;
}

export interface PartState extends JointPart {
  readonly closed: boolean;
  readonly evidence: string | null;
  readonly progress: readonly ProgressNote[];
  readonly deadlineChanges: readonly DeadlineChange[];
  readonly lastWarning: RecordedWarning | null;
}

export interface JointHandling {
  readonly coordinatorUnitId: string;
  readonly reason: string;
  readonly parts: readonly PartState[];
}

/** One round of rectification; a rebound in a look-back opens the next one on the same stream. */
export interface RectificationCycle {
  readonly number: number;
  /** The campaign this cycle's work belongs to: the original one, or the look-back that reopened it. */
  readonly campaignId: string;
  readonly reopened: { readonly lookBackCampaignId: string; readonly finding: string } | null;
  readonly status: ProblemStatus;
  readonly handling: Handling;
  readonly plan: RectificationPlan | null;
  readonly published: boolean;
  readonly progress: readonly ProgressNote[];
  readonly deadlineChanges: readonly DeadlineChange[];
  readonly claim: { readonly evidence: string; readonly attachmentRefs: readonly string[]; readonly claimedBy: string } | null;
  readonly rejections: readonly { readonly reason: string; readonly rejectedBy: string }[];
  readonly verification: { readonly comment: string; readonly verifiedBy: string } | null;
  /** Every deferral of the cycle, oldest first; the last one is current while the status is deferred. */
  readonly deferrals: readonly Deferral[];
  readonly joint: JointHandling | null;
  readonly closure: { readonly mechanisms: string | null; readonly closedBy: string } | null;
  readonly lastWarning: RecordedWarning | null;
  /** 督查 notes of this cycle, oldest first. */
  readonly supervision: readonly SupervisionNote[];
}

export interface Recheck {
  readonly lookBackCampaignId: string;
  readonly cycle: number;
  readonly outcome: 'held' | 'rebounded';
  readonly finding: string;
  readonly checkedBy: string;
}

export interface ProblemState {
  readonly exists: boolean;
  readonly problemId: string;
  readonly campaignId: string;
  readonly source: ProblemSource | null;
  readonly category: string;
  readonly description: string;
  readonly responsibleUnitId: string;
  readonly discoveredAt: string;
  readonly registeredBy: string;
  /** Names live here only, so the publishable fields never carry them. */
  readonly people: ProblemPeople | null;
  /** Of the current cycle. */
  readonly status: ProblemStatus;
  readonly handling: Handling;
  readonly current: RectificationCycle;
  /** Earlier cycles, oldest first, as they stood when they closed. */
  readonly cycles: readonly RectificationCycle[];
  readonly rechecks: readonly Recheck[];
}

/** The five kinds under the current rule (`HANDLING_DEFINITIONS`, version 2). */
export function handlingOf(c: Pick<RectificationCycle, 'status' | 'joint' | 'plan'>): Handling {
  return classifyHandling(c);
}

/** Under supervision: a 督查 note in this cycle and the problem not yet verified. */
export function underSupervision(c: Pick<RectificationCycle, 'status' | 'supervision'>): boolean {
  return c.supervision.length > 0 && c.status !== 'verified' && c.status !== 'closed';
}

function newCycle(number: number, campaignId: string, reopened: RectificationCycle['reopened']): RectificationCycle {
  return {
    number,
    campaignId,
    reopened,
    status: 'identified',
    handling: 'being_rectified',
    plan: null,
    published: false,
    progress: [],
    deadlineChanges: [],
    claim: null,
    rejections: [],
    verification: null,
    deferrals: [],
    joint: null,
    closure: null,
    lastWarning: null,
    supervision: [],
  };
}

export const initialProblemState = (): ProblemState => ({
  exists: false,
  problemId: '',
  campaignId: '',
  source: null,
  category: '',
  description: '',
  responsibleUnitId: '',
  discoveredAt: '',
  registeredBy: '',
  people: null,
  status: 'identified',
  handling: 'being_rectified',
  current: newCycle(1, '', null),
  cycles: [],
  rechecks: [],
});

export function currentDeferral(c: RectificationCycle): Deferral | null {
  return c.status === 'deferred' ? (c.deferrals[c.deferrals.length - 1] ?? null) : null;
}

export function findPart(c: RectificationCycle, partId: string): PartState | undefined {
  return c.joint?.parts.find((p) => p.partId === partId);
}

/** Units doing the work of the current cycle: they never verify, close or vouch for it. */
export function involvedUnitIds(s: ProblemState): string[] {
  const j = s.current.joint;
  return [...new Set([s.responsibleUnitId, ...(j ? [j.coordinatorUnitId, ...j.parts.map((p) => p.unitId)] : [])])];
}

/** Statuses in which deadlines run; a deferred problem waits for its re-review date instead. */
export const WARNED_STATUSES: readonly ProblemStatus[] = ['planned', 'in_progress', 'joint'];

/** A deadline being worked towards: the problem's own (partId null) or an open joint part's. */
export interface OpenDeadline {
  readonly partId: string | null;
  /** Whose people are warned: the responsible unit, or the part's unit. */
  readonly unitId: string;
  readonly deadline: string;
  readonly lastWarning: RecordedWarning | null;
}

/** Every deadline a warning may be raised for now: what a scheduled check has to look at. */
export function openDeadlines(s: ProblemState): OpenDeadline[] {
  if (!s.exists || !WARNED_STATUSES.includes(s.status)) return [];
  const c = s.current;
  const own: OpenDeadline[] = c.plan?.deadline
    ? [{ partId: null, unitId: s.responsibleUnitId, deadline: c.plan.deadline, lastWarning: c.lastWarning }]
    : [];
  const parts = (c.joint?.parts ?? [])
    .filter((p) => !p.closed)
    .map((p) => ({ partId: p.partId, unitId: p.unitId, deadline: p.deadline, lastWarning: p.lastWarning }));
  return [...own, ...parts];
}

function withCycle(s: ProblemState, change: (c: RectificationCycle) => RectificationCycle): ProblemState {
  const changed = change(s.current);
  const current = { ...changed, handling: handlingOf(changed) };
  return { ...s, current, status: current.status, handling: current.handling };
}

function withPart(c: RectificationCycle, partId: string, change: (p: PartState) => PartState): RectificationCycle {
  if (!c.joint) return c;
  return { ...c, joint: { ...c.joint, parts: c.joint.parts.map((p) => (p.partId === partId ? change(p) : p)) } };
}

function withLastDeferral(c: RectificationCycle, change: (d: Deferral) => Deferral): RectificationCycle {
  const last = c.deferrals[c.deferrals.length - 1];
  return last ? { ...c, deferrals: [...c.deferrals.slice(0, -1), change(last)] } : c;
}

export function evolveProblem(s: ProblemState, e: ProblemEvent): ProblemState {
  switch (e.type) {
    case 'ProblemRegistered': {
      const d = e.data;
      return {
        ...initialProblemState(),
        exists: true,
        problemId: d.problemId,
        campaignId: d.campaignId,
        source: d.source,
        category: d.category,
        description: d.description,
        responsibleUnitId: d.responsibleUnitId,
        discoveredAt: d.discoveredAt,
        registeredBy: d.registeredBy,
        people: d.people,
        current: newCycle(1, d.campaignId, null),
      };
    }
    case 'RectificationPlanned':
      return withCycle(s, (c) => ({
        ...c,
        status: 'planned',
        plan: { measures: e.data.measures, timing: e.data.timing, deadline: e.data.deadline },
      }));
    case 'PlanPublished':
      return withCycle(s, (c) => ({ ...c, published: true }));
    case 'ProgressRecorded':
      return withCycle(s, (c) => ({
        ...c,
        // The first note of a planned problem is the start of the work.
        status: c.status === 'planned' ? 'in_progress' : c.status,
        progress: [...c.progress, { note: e.data.note, attachmentRefs: e.data.attachmentRefs, recordedBy: e.data.recordedBy }],
      }));
    case 'DeadlineChanged': {
      const { previousDeadline, deadline, reason, changedBy } = e.data;
      return withCycle(s, (c) => ({
        ...c,
        plan: c.plan ? { ...c.plan, deadline } : c.plan,
        deadlineChanges: [...c.deadlineChanges, { previousDeadline, deadline, reason, changedBy }],
        lastWarning: null,
      }));
    }
    case 'FixClaimed':
      return withCycle(s, (c) => ({
        ...c,
        status: 'fixed',
        claim: { evidence: e.data.evidence, attachmentRefs: e.data.attachmentRefs, claimedBy: e.data.claimedBy },
      }));
    case 'FixVerified':
      return withCycle(s, (c) => ({ ...c, status: 'verified', verification: { comment: e.data.comment, verifiedBy: e.data.verifiedBy } }));
    case 'FixRejected':
      return withCycle(s, (c) => ({
        ...c,
        status: c.joint ? 'joint' : 'in_progress',
        claim: null,
        rejections: [...c.rejections, { reason: e.data.reason, rejectedBy: e.data.rejectedBy }],
      }));
    case 'ProblemClosed':
      return withCycle(s, (c) => ({ ...c, status: 'closed', closure: { mechanisms: e.data.mechanisms, closedBy: e.data.closedBy } }));
    case 'ProblemDeferred': {
      const d = e.data;
      const deferral: Deferral = {
        constraint: d.constraint,
        explanation: d.explanation,
        reReviewDate: d.reReviewDate,
        gradualMeasures: d.gradualMeasures,
        reviews: [],
        resumed: null,
      };
      return withCycle(s, (c) => ({ ...c, status: 'deferred', deferrals: [...c.deferrals, deferral] }));
    }
    case 'DeferralReviewed': {
      const { finding, previousReReviewDate, reReviewDate } = e.data;
      return withCycle(s, (c) =>
        withLastDeferral(c, (d) => ({ ...d, reReviewDate, reviews: [...d.reviews, { finding, previousReReviewDate, reReviewDate }] })),
      );
    }
    case 'RectificationResumed':
      return withCycle(s, (c) => ({
        ...withLastDeferral(c, (d) => ({ ...d, resumed: { note: e.data.note, resumedBy: e.data.resumedBy } })),
        status: 'in_progress',
      }));
    case 'JointHandlingStarted': {
      const parts: PartState[] = e.data.parts.map((p) => ({
        ...p,
        closed: false,
        evidence: null,
        progress: [],
        deadlineChanges: [],
        lastWarning: null,
      }));
      return withCycle(s, (c) => ({
        ...c,
        status: 'joint',
        joint: { coordinatorUnitId: e.data.coordinatorUnitId, reason: e.data.reason, parts },
      }));
    }
    case 'PartProgressRecorded': {
      const note = { note: e.data.note, attachmentRefs: e.data.attachmentRefs, recordedBy: e.data.recordedBy };
      return withCycle(s, (c) => withPart(c, e.data.partId, (p) => ({ ...p, progress: [...p.progress, note] })));
    }
    case 'PartDeadlineChanged': {
      const { previousDeadline, deadline, reason, changedBy } = e.data;
      return withCycle(s, (c) =>
        withPart(c, e.data.partId, (p) => ({
          ...p,
          deadline,
          deadlineChanges: [...p.deadlineChanges, { previousDeadline, deadline, reason, changedBy }],
          lastWarning: null,
        })),
      );
    }
    case 'PartClosed':
      return withCycle(s, (c) => withPart(c, e.data.partId, (p) => ({ ...p, closed: true, evidence: e.data.evidence })));
    case 'RecheckHeld':
      return { ...s, rechecks: [...s.rechecks, recheckOf(e.data, 'held')] };
    case 'ProblemRebounded': {
      const d = e.data;
      const current = newCycle(d.cycle, d.lookBackCampaignId, { lookBackCampaignId: d.lookBackCampaignId, finding: d.finding });
      return {
        ...s,
        rechecks: [...s.rechecks, recheckOf({ ...d, cycle: d.previousCycle }, 'rebounded')],
        cycles: [...s.cycles, s.current],
        current,
        status: current.status,
        handling: current.handling,
      };
    }
    case 'SupervisionNoted': {
      const d = e.data;
      const note: SupervisionNote = {
        finding: d.finding,
        demand: d.demand,
        dueBy: d.dueBy,
        notedBy: d.notedBy,
        supervisorUnitId: d.supervisorUnitId,
        at: d.at,
      };
      return withCycle(s, (c) => ({ ...c, supervision: [...c.supervision, note] }));
    }
    case 'DeadlineWarningRaised': {
      const warning = { deadline: e.data.deadline, level: e.data.level };
      const partId = e.data.partId;
      return withCycle(s, (c) => (partId === null ? { ...c, lastWarning: warning } : withPart(c, partId, (p) => ({ ...p, lastWarning: warning }))));
    }
    default:
      return assertNever(e);
  }
}

function recheckOf(
  d: { lookBackCampaignId: string; cycle: number; finding: string; checkedBy: string },
  outcome: Recheck['outcome'],
): Recheck {
  return { lookBackCampaignId: d.lookBackCampaignId, cycle: d.cycle, outcome, finding: d.finding, checkedBy: d.checkedBy };
}
