import { daysBetween, isIsoDate } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { isHigherWarning, recordedWarningLevel, WARNING_RECIPIENTS, warningLevel } from './deadline-warning';
import { ProblemCommandOf } from './problem.commands';
import { DeadlineWarningRaised } from './problem.events';
import { ProblemState, RecordedWarning, WARNED_STATUSES } from './problem-state';
import { requireJoint, requireOpenPart, requireProblem } from './problem-rules';

interface Target {
  readonly deadline: string;
  readonly unitId: string;
  readonly lastWarning: RecordedWarning | null;
}

function targetOf(c: ProblemCommandOf<'RaiseWarning'>, s: ProblemState): Target {
  // A deferred problem has told the masses why it waits: its clock is the re-review date.
  if (s.status === 'deferred') refuse('problem_deferred', '暂缓解决的问题不预警 (deferred problems get no warnings)');
  if (!WARNED_STATUSES.includes(s.status)) {
    refuse('problem_not_open', '问题不在整改中，不预警 (only problems being rectified get warnings)', { status: s.status });
  }
  if (c.partId === null) {
    const deadline = s.current.plan?.deadline;
    if (!deadline) refuse('no_deadline', '问题没有整改时限 (problem has no deadline)');
    return { deadline, unitId: s.responsibleUnitId, lastWarning: s.current.lastWarning };
  }
  requireJoint(s);
  return requireOpenPart(s, c.partId);
}

/**
 * Records a warning only when it is higher than the one already recorded for the same
 * deadline, so a scheduled job may run as often as it likes and each level is told once.
 */
export function raiseWarning(c: ProblemCommandOf<'RaiseWarning'>, s: ProblemState): DeadlineWarningRaised[] {
  requireProblem(s);
  // The office's calendar day may differ from UTC's by one, but not more: no warnings from the future.
  if (!isIsoDate(c.today) || Math.abs(daysBetween(c.at, c.today)) > 1) {
    refuse('today_invalid', `预警日期 ${c.today} 与当前时间不符 (today must be the current day)`, { today: c.today, at: c.at });
  }
  const t = targetOf(c, s);
  const level = warningLevel(t.deadline, c.today, c.thresholds);
  if (level === 'none' || !isHigherWarning(level, recordedWarningLevel(t))) return [];
  return [
    {
      type: 'DeadlineWarningRaised',
      data: {
        problemId: s.problemId,
        partId: c.partId,
        unitId: t.unitId,
        deadline: t.deadline,
        today: c.today.slice(0, 10),
        daysLeft: daysBetween(c.today, t.deadline),
        level,
        notify: [...WARNING_RECIPIENTS[level]],
      },
    },
  ];
}
