import { addDays as dayAfter, ProblemStatus, WarningLevel, WarningThresholds } from '@platform/domain';
import { LedgerProblemDoc, NO_RUNNING_DEADLINE } from './rectification-ledger.documents';
import { runningDeadlineOf, RUNNING_STATUSES } from './running-deadline';

const IN_PROGRESS: readonly ProblemStatus[] = ['identified', 'planned', 'in_progress'];

/** Counts per calendar day: how many deadlines fall on it. */
export type DayCounts = Record<string, number>;

/**
 * What the tracker summary counts of one unit's problems in one campaign, kept by the ledger as
 * problems change. Warning levels depend on the day a view is asked for, so instead of levels the
 * tally keeps how many problems have their nearest running deadline on each day (a problem's level
 * on any day is that deadline's: levels only grow as a deadline nears), and likewise the open
 * joint parts' deadlines: the levels on any day, past or present, are sums over a few days.
 */
export interface TrackerTallies {
  readonly total: number;
  readonly closed: number;
  readonly verified: number;
  readonly fixedAwaitingVerification: number;
  readonly inProgress: number;
  readonly deferred: number;
  readonly joint: number;
  readonly jointParts: { readonly total: number; readonly closed: number };
  readonly runningDeadlines: DayCounts;
  readonly openPartDeadlines: DayCounts;
}

export const emptyTrackerTallies = (): TrackerTallies => ({
  total: 0,
  closed: 0,
  verified: 0,
  fixedAwaitingVerification: 0,
  inProgress: 0,
  deferred: 0,
  joint: 0,
  jointParts: { total: 0, closed: 0 },
  runningDeadlines: {},
  openPartDeadlines: {},
});

const day = (d: string) => d.slice(0, 10);

/** What one problem adds to its unit's tallies. */
export function trackerContribution(p: LedgerProblemDoc): TrackerTallies {
  const parts = p.joint?.parts ?? [];
  const running = RUNNING_STATUSES.includes(p.status);
  const nearest = runningDeadlineOf(p);
  const openPartDeadlines: DayCounts = {};
  if (running) for (const part of parts) if (!part.closed) openPartDeadlines[day(part.deadline)] = (openPartDeadlines[day(part.deadline)] ?? 0) + 1;
  return {
    total: 1,
    closed: Number(p.status === 'closed'),
    verified: Number(p.status === 'verified'),
    fixedAwaitingVerification: Number(p.status === 'fixed'),
    inProgress: Number(IN_PROGRESS.includes(p.status)),
    deferred: Number(p.status === 'deferred'),
    joint: Number(p.status === 'joint'),
    jointParts: { total: parts.length, closed: parts.filter((x) => x.closed).length },
    runningDeadlines: nearest === NO_RUNNING_DEADLINE ? {} : { [nearest]: 1 },
    openPartDeadlines,
  };
}

/** a + sign·b made in `a` itself; a day whose count falls to zero is deleted. */
export function addDaysInto(a: DayCounts, b: DayCounts, sign: number): DayCounts {
  for (const [d, n] of Object.entries(b)) {
    const sum = (a[d] ?? 0) + sign * n;
    if (sum === 0) delete a[d];
    else a[d] = sum;
  }
  return a;
}

const addDays = (a: DayCounts, b: DayCounts, sign: number): DayCounts => addDaysInto({ ...a }, b, sign);

/** a + sign·b, leaf by leaf; days whose count falls to zero are dropped, so a tally stays small. */
export function addTrackerTallies(a: TrackerTallies, b: TrackerTallies, sign = 1): TrackerTallies {
  return {
    total: a.total + sign * b.total,
    closed: a.closed + sign * b.closed,
    verified: a.verified + sign * b.verified,
    fixedAwaitingVerification: a.fixedAwaitingVerification + sign * b.fixedAwaitingVerification,
    inProgress: a.inProgress + sign * b.inProgress,
    deferred: a.deferred + sign * b.deferred,
    joint: a.joint + sign * b.joint,
    jointParts: { total: a.jointParts.total + sign * b.jointParts.total, closed: a.jointParts.closed + sign * b.jointParts.closed },
    runningDeadlines: addDays(a.runningDeadlines, b.runningDeadlines, sign),
    openPartDeadlines: addDays(a.openPartDeadlines, b.openPartDeadlines, sign),
  };
}

export interface DayWarnings {
  readonly overdue: number;
  readonly warnings: { green: number; yellow: number; red: number };
  readonly partsOverdue: number;
}

/**
 * The warnings of a unit's problems on `today` (none without a day), from its deadline days. Days
 * are YYYY-MM-DD, so each level is a range of days (as the list's day filters read it): the day's
 * bounds are computed once and each deadline day is compared as a string, not parsed as a date (a
 * whole city's roll-ups hold hundreds of days each).
 */
export function warningsOn(t: TrackerTallies, today: string | null, thresholds: WarningThresholds): DayWarnings {
  const warnings = { green: 0, yellow: 0, red: 0 };
  let partsOverdue = 0;
  if (today !== null) {
    const level = levelOfDay(today, thresholds);
    for (const [d, n] of Object.entries(t.runningDeadlines)) {
      const l = level(d);
      if (l !== 'none') warnings[l] += n;
    }
    for (const [d, n] of Object.entries(t.openPartDeadlines)) if (level(d) === 'red') partsOverdue += n;
  }
  return { overdue: warnings.red, warnings, partsOverdue };
}

/** warningLevel(day, today, thresholds) for days of YYYY-MM-DD, by comparing with the day's bounds (kept for the last few days asked). */
export function levelOfDay(today: string, thresholds: WarningThresholds): (deadlineDay: string) => WarningLevel {
  const key = `${today.slice(0, 10)}|${thresholds.yellowDays}|${thresholds.greenDays}`;
  let level = LEVELS.get(key);
  if (!level) {
    const first = today.slice(0, 10);
    const yellowEnd = dayAfter(first, thresholds.yellowDays);
    const greenEnd = dayAfter(first, thresholds.greenDays);
    level = (d) => (d < first ? 'red' : d <= yellowEnd ? 'yellow' : d <= greenEnd ? 'green' : 'none');
    LEVELS.set(key, level);
    if (LEVELS.size > 16) LEVELS.delete(LEVELS.keys().next().value!);
  }
  return level;
}

const LEVELS = new Map<string, (deadlineDay: string) => WarningLevel>();
