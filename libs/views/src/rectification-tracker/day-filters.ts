import { addDays, WARNING_LEVELS, WarningLevel, WarningThresholds } from '@platform/domain';
import { Filter } from '@platform/read-models';
import { ProblemListFilters } from './tracked-problem';

/** The levels in the order their ranges of running deadline follow each other, nearest first. */
const NEAREST_FIRST: readonly WarningLevel[] = ['red', 'yellow', 'green', 'none'];

type Range = { $gt?: string; $gte?: string; $lt?: string; $lte?: string };

/** Which running deadlines give this level on `today` (warningLevel's thresholds, as date ranges). */
function rangeOf(level: WarningLevel, today: string, t: WarningThresholds): Range {
  const yellowEnd = addDays(today, t.yellowDays);
  switch (level) {
    case 'red':
      return { $lt: today };
    case 'yellow':
      return { $gte: today, $lte: yellowEnd };
    case 'green':
      return { $gt: yellowEnd, $lte: addDays(today, t.greenDays) };
    case 'none':
      return { $gt: addDays(today, Math.max(t.yellowDays, t.greenDays)) };
  }
}

/** A filter on `runningDeadline` for these levels; null when no problem can have them. */
function levelsFilter(levels: ReadonlySet<WarningLevel>, today: string | null, t: WarningThresholds): Filter | null {
  // Without a day nothing is being warned about: every problem is at 'none'.
  if (today === null) return levels.has('none') ? {} : null;
  // Green is empty when a campaign's yellow threshold is not below its green one.
  const possible = NEAREST_FIRST.filter((l) => l !== 'green' || t.greenDays > t.yellowDays);
  const chosen = possible.filter((l) => levels.has(l));
  if (chosen.length === 0) return null;
  if (chosen.length === possible.length) return {};
  const runs: WarningLevel[][] = [];
  for (const l of chosen) {
    const last = runs[runs.length - 1];
    if (last && possible.indexOf(l) === possible.indexOf(last[last.length - 1]) + 1) last.push(l);
    else runs.push([l]);
  }
  // A run of neighbouring levels is one range: the lower bound of its first, the upper of its last.
  const ranges = runs.map((run): Range => {
    const { $gt, $gte } = rangeOf(run[0], today, t);
    const { $lt, $lte } = rangeOf(run[run.length - 1], today, t);
    return Object.fromEntries(Object.entries({ $gt, $gte, $lt, $lte }).filter(([, v]) => v !== undefined));
  });
  return ranges.length === 1 ? { runningDeadline: ranges[0] } : { $or: ranges.map((r) => ({ runningDeadline: r })) };
}

/** The list's day-dependent filters (warning levels, overdue) as a filter on the ledger; null when nothing can match. */
export function dayFilter(f: Pick<ProblemListFilters, 'warningLevels' | 'overdue'>, today: string | null, t: WarningThresholds): Filter | null {
  const asked = new Set<WarningLevel>(f.warningLevels.length ? f.warningLevels : WARNING_LEVELS);
  if (f.overdue === true) for (const l of WARNING_LEVELS) if (l !== 'red') asked.delete(l);
  if (f.overdue === false) asked.delete('red');
  return levelsFilter(asked, today, t);
}
