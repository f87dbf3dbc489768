import {
  daysBetween,
  OpenDeadline,
  recordedWarningLevel,
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
  const recordedLevel = recordedWarningLevel(d);
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

