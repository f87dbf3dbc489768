import { addCounts, emptyCounts, GradeCounts } from '../satisfaction/satisfaction-grades';

/**
 * The raw counts every metric is computed from. Views store and sum these, never rates: a roll-up
 * is the sum of its units' counts with the rates computed again, and a past view can be
 * recomputed under any definition version because the counts do not depend on one.
 */
export interface ParticipationCounts {
  /** 应参学 */
  readonly shouldAttend: number;
  /** 实参学 */
  readonly attended: number;
  /** 请假（流动党员、因病…） */
  readonly excused: number;
}

export interface StepCounts {
  /** Required steps done in the unit's current phase (its last phase once all are passed). */
  readonly requiredDone: number;
  readonly requiredTotal: number;
}

export interface ProblemOutcomeCounts {
  readonly total: number;
  /** 已销号 */
  readonly closed: number;
  readonly closedWithDeadline: number;
  readonly closedOnTime: number;
  /** 已验收或已销号: done in the sense of definition v2. */
  readonly verifiedOrClosed: number;
  readonly verifiedOrClosedWithDeadline: number;
  readonly verifiedOrClosedOnTime: number;
}

export interface RecheckCounts {
  /** Re-checks made in a look-back (回头看). */
  readonly rechecked: number;
  readonly rebounded: number;
}

export interface MetricCounts {
  readonly participation: ParticipationCounts;
  readonly steps: StepCounts;
  readonly problems: ProblemOutcomeCounts;
  /** Ballots of the latest closed satisfaction round. */
  readonly ballots: GradeCounts;
  readonly rechecks: RecheckCounts;
}

export const emptyProblemOutcomeCounts = (): ProblemOutcomeCounts => ({
  total: 0,
  closed: 0,
  closedWithDeadline: 0,
  closedOnTime: 0,
  verifiedOrClosed: 0,
  verifiedOrClosedWithDeadline: 0,
  verifiedOrClosedOnTime: 0,
});

export const emptyMetricCounts = (): MetricCounts => ({
  participation: { shouldAttend: 0, attended: 0, excused: 0 },
  steps: { requiredDone: 0, requiredTotal: 0 },
  problems: emptyProblemOutcomeCounts(),
  ballots: emptyCounts(),
  rechecks: { rechecked: 0, rebounded: 0 },
});

function addNumbers<T extends object>(a: T, b: T): T {
  const out: Record<string, number> = {};
  for (const k of Object.keys(a)) out[k] = (a as Record<string, number>)[k] + (b as Record<string, number>)[k];
  return out as T;
}

export function addMetricCounts(a: MetricCounts, b: MetricCounts): MetricCounts {
  return {
    participation: addNumbers(a.participation, b.participation),
    steps: addNumbers(a.steps, b.steps),
    problems: addNumbers(a.problems, b.problems),
    ballots: addCounts(a.ballots, b.ballots),
    rechecks: addNumbers(a.rechecks, b.rechecks),
  };
}

export function sumMetricCounts(all: Iterable<MetricCounts>): MetricCounts {
  let sum = emptyMetricCounts();
  for (const c of all) sum = addMetricCounts(sum, c);
  return sum;
}
