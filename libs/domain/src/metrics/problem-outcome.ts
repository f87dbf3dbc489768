import { ProblemStatus } from '../rectification/problem-vocabulary';
import { daysBetween } from '../shared/dates';
import { emptyProblemOutcomeCounts, ProblemOutcomeCounts } from './metric-counts';

/** What the metrics need to know of one problem's current cycle. */
export interface ProblemOutcomeFacts {
  readonly status: ProblemStatus;
  /** occurredAt of 销号, and the deadline in force then. */
  readonly closedAt: string | null;
  readonly closedDeadline: string | null;
  /** occurredAt of 验收, and the deadline in force then. */
  readonly verifiedAt: string | null;
  readonly verifiedDeadline: string | null;
}

/**
 * On time when done on or before the deadline's calendar day (UTC), as the deadline warnings
 * count: red starts the day after the deadline. The time is the one the user recorded
 * (occurredAt); the audit trail flags entries recorded long after that time.
 */
export function doneOnTime(doneAt: string, deadline: string): boolean {
  return daysBetween(doneAt, deadline) >= 0;
}

/** One problem's contribution to the outcome counts; a deferred problem is simply not closed. */
export function problemOutcomeCounts(f: ProblemOutcomeFacts): ProblemOutcomeCounts {
  const counts = { ...emptyProblemOutcomeCounts(), total: 1 };
  if (f.status === 'closed' && f.closedAt) {
    counts.closed = 1;
    if (f.closedDeadline) {
      counts.closedWithDeadline = 1;
      counts.closedOnTime = doneOnTime(f.closedAt, f.closedDeadline) ? 1 : 0;
    }
  }
  if (f.status === 'closed' || f.status === 'verified') {
    // 销号 always follows 验收, so the verification is when the work was accepted as done.
    const doneAt = f.verifiedAt ?? f.closedAt;
    const deadline = f.verifiedAt ? f.verifiedDeadline : f.closedDeadline;
    counts.verifiedOrClosed = 1;
    if (doneAt && deadline) {
      counts.verifiedOrClosedWithDeadline = 1;
      counts.verifiedOrClosedOnTime = doneOnTime(doneAt, deadline) ? 1 : 0;
    }
  }
  return counts;
}
