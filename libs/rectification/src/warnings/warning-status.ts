import {
  daysBetween,
  isHigherWarning,
  OpenDeadline,
  WARNING_LEVEL_NAMES,
  WARNING_RECIPIENTS,
  WarningLevel,
  warningLevel,
  WarningRecipient,
  WarningThresholds,
} from '@platform/domain';

/** A deadline's warning as of today, beside the highest one already recorded (and told). */
export interface WarningStatus {
  readonly deadline: string;
  readonly today: string;
  /** Negative once overdue. */
  readonly daysLeft: number;
  readonly level: WarningLevel;
  readonly levelName: string;
  readonly notify: readonly WarningRecipient[];
  readonly recordedLevel: WarningLevel;
  readonly recordedLevelName: string;
  readonly thresholds: WarningThresholds;
}

export function warningStatus(d: OpenDeadline, today: string, thresholds: WarningThresholds): WarningStatus {
  const level = warningLevel(d.deadline, today, thresholds);
  const recordedLevel = recordedLevelOf(d);
  return {
    deadline: d.deadline,
    today,
    daysLeft: daysBetween(today, d.deadline),
    level,
    levelName: WARNING_LEVEL_NAMES[level],
    notify: WARNING_RECIPIENTS[level],
    recordedLevel,
    recordedLevelName: WARNING_LEVEL_NAMES[recordedLevel],
    thresholds,
  };
}

/** A warning recorded for an earlier deadline says nothing about the current one. */
export function recordedLevelOf(d: OpenDeadline): WarningLevel {
  return d.lastWarning && d.lastWarning.deadline === d.deadline ? d.lastWarning.level : 'none';
}

/** True when today's level is one not yet recorded: the only case worth a write. */
export function warningDue(d: OpenDeadline, today: string, thresholds: WarningThresholds): boolean {
  return isHigherWarning(warningLevel(d.deadline, today, thresholds), recordedLevelOf(d));
}
