import {
  daysBetween,
  DEFAULT_WARNING_THRESHOLDS,
  doneOnTime,
  HANDLING_NAMES,
  Handling,
  OrganizationTree,
  PROBLEM_SOURCE_NAMES,
  PROBLEM_STATUS_NAMES,
  ProblemSource,
  ProblemStatus,
  TIMING_CLASS_NAMES,
  WARNING_LEVEL_NAMES,
  WARNING_LEVELS,
  WarningLevel,
  warningLevel,
  WarningThresholds,
} from '@platform/domain';
import { LedgerProblemDoc } from './rectification-ledger.documents';
import { RUNNING_STATUSES } from './running-deadline';

export interface DeadlineState {
  readonly daysLeft: number | null;
  readonly warningLevel: WarningLevel;
  readonly warningLevelName: string;
  readonly overdue: boolean;
}

export interface TrackedPart extends DeadlineState {
  readonly partId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly description: string;
  readonly deadline: string;
  readonly closed: boolean;
}

/** The ledger entry's own fields as they are shown, with names for codes and the warnings of the day. */
export interface TrackedProblem
  extends DeadlineState,
    Pick<
      LedgerProblemDoc,
      | 'problemId'
      | 'campaignId'
      | 'campaignIds'
      | 'responsibleUnitId'
      | 'source'
      | 'category'
      | 'description'
      | 'responsibleLeader'
      | 'handler'
      | 'cycle'
      | 'status'
      | 'handling'
      | 'underSupervision'
      | 'supervision'
      | 'timing'
      | 'measures'
      | 'deadline'
      | 'published'
      | 'deferral'
      | 'rechecks'
      | 'registeredAt'
      | 'fixedAt'
      | 'verifiedAt'
      | 'closedAt'
      | 'lastChangedAt'
    > {
  readonly responsibleUnitName: string;
  readonly sourceName: string;
  readonly statusName: string;
  readonly handlingName: string;
  readonly timingName: string | null;
  readonly joint: { coordinatorUnitId: string; coordinatorUnitName: string; parts: TrackedPart[] } | null;
  /** null when it is not closed or had no deadline. */
  readonly closedOnTime: boolean | null;
}

const LEVEL_RANK = (l: WarningLevel) => WARNING_LEVELS.indexOf(l);

function deadlineState(deadline: string | null, running: boolean, today: string | null, t: WarningThresholds): DeadlineState {
  if (!deadline || !running || !today) {
    return { daysLeft: deadline && today ? daysBetween(today, deadline) : null, warningLevel: 'none', warningLevelName: WARNING_LEVEL_NAMES.none, overdue: false };
  }
  const level = warningLevel(deadline, today, t);
  return { daysLeft: daysBetween(today, deadline), warningLevel: level, warningLevelName: WARNING_LEVEL_NAMES[level], overdue: level === 'red' };
}

/**
 * A ledger entry as seen on `today` (the view's day): its deadline warning (green ≤ greenDays
 * left, yellow ≤ yellowDays, red once overdue, as the campaign configured them) and each joint
 * part's own. The problem shows the most urgent of its own and its open parts' warnings.
 */
export function trackProblem(p: LedgerProblemDoc, today: string | null, tree: OrganizationTree, thresholds?: WarningThresholds): TrackedProblem {
  const t = thresholds ?? DEFAULT_WARNING_THRESHOLDS;
  const running = RUNNING_STATUSES.includes(p.status);
  const own = deadlineState(p.deadline, running, today, t);
  const name = (id: string) => tree.get(id)?.name ?? id;
  const parts = (p.joint?.parts ?? []).map((part): TrackedPart => ({
    ...part,
    unitName: name(part.unitId),
    ...deadlineState(part.deadline, running && !part.closed, today, t),
  }));
  const worst = [own, ...parts].reduce((a, b) => (LEVEL_RANK(b.warningLevel) > LEVEL_RANK(a.warningLevel) ? b : a), own);
  const onTime = p.status === 'closed' && p.closedAt && p.closedDeadline ? doneOnTime(p.closedAt, p.closedDeadline) : null;
  return {
    problemId: p.problemId,
    campaignId: p.campaignId,
    campaignIds: p.campaignIds,
    responsibleUnitId: p.responsibleUnitId,
    responsibleUnitName: name(p.responsibleUnitId),
    source: p.source,
    sourceName: PROBLEM_SOURCE_NAMES[p.source],
    category: p.category,
    description: p.description,
    responsibleLeader: p.responsibleLeader,
    handler: p.handler,
    cycle: p.cycle,
    status: p.status,
    statusName: PROBLEM_STATUS_NAMES[p.status],
    handling: p.handling,
    handlingName: HANDLING_NAMES[p.handling],
    underSupervision: p.underSupervision,
    supervision: p.supervision,
    timing: p.timing,
    timingName: p.timing ? TIMING_CLASS_NAMES[p.timing] : null,
    measures: p.measures,
    deadline: p.deadline,
    published: p.published,
    deferral: p.deferral,
    joint: p.joint ? { coordinatorUnitId: p.joint.coordinatorUnitId, coordinatorUnitName: name(p.joint.coordinatorUnitId), parts } : null,
    rechecks: p.rechecks,
    registeredAt: p.registeredAt,
    fixedAt: p.fixedAt,
    verifiedAt: p.verifiedAt,
    closedAt: p.closedAt,
    closedOnTime: onTime,
    lastChangedAt: p.lastChangedAt,
    daysLeft: own.daysLeft,
    warningLevel: worst.warningLevel,
    warningLevelName: worst.warningLevelName,
    overdue: worst.overdue,
  };
}

export interface ProblemListFilters {
  readonly statuses: readonly ProblemStatus[];
  readonly handlings: readonly Handling[];
  readonly warningLevels: readonly WarningLevel[];
  readonly sources: readonly ProblemSource[];
  readonly overdue: boolean | null;
  /** true: only problems under supervision (督查); false: only those not. */
  readonly supervised?: boolean | null;
}

/** The filters that do not depend on the day, as a MongoDB filter for the ledger. */
export function ledgerFilter(
  campaignId: string,
  f: Pick<ProblemListFilters, 'statuses' | 'handlings' | 'sources' | 'supervised'>,
): Record<string, unknown> {
  return {
    campaignIds: campaignId,
    ...(f.statuses.length ? { status: { $in: [...f.statuses] } } : {}),
    ...(f.handlings.length ? { handling: { $in: [...f.handlings] } } : {}),
    ...(f.sources.length ? { source: { $in: [...f.sources] } } : {}),
    ...(typeof f.supervised === 'boolean' ? { underSupervision: f.supervised } : {}),
  };
}
