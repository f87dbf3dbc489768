import { DEFAULT_WARNING_THRESHOLDS, WarningThresholds } from '../campaigns/campaign.events';
import { daysBetween } from '../shared/dates';

export const WARNING_LEVELS = ['none', 'green', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_LEVEL_NAMES: Record<WarningLevel, string> = {
  none: '无预警',
  green: '绿色预警',
  yellow: '黄色预警',
  red: '红色预警（已超期）',
};

/** Who is told; the notifier resolves each to a person of the unit named in the warning. */
export type WarningRecipient = 'handler' | 'responsible_leader' | 'unit_principal';

export const WARNING_RECIPIENT_NAMES: Record<WarningRecipient, string> = {
  handler: '经办人',
  responsible_leader: '责任领导',
  unit_principal: '单位主要负责人',
};

/** Each level reaches someone higher, and keeps telling those below. */
export const WARNING_RECIPIENTS: Record<WarningLevel, readonly WarningRecipient[]> = {
  none: [],
  green: ['handler'],
  yellow: ['handler', 'responsible_leader'],
  red: ['handler', 'responsible_leader', 'unit_principal'],
};

/**
 * The warning a deadline deserves on `today`. The deadline day itself is not yet overdue:
 * red starts the day after.
 */
export function warningLevel(deadline: string, today: string, thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): WarningLevel {
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0) return 'red';
  if (daysLeft <= thresholds.yellowDays) return 'yellow';
  if (daysLeft <= thresholds.greenDays) return 'green';
  return 'none';
}

export function isHigherWarning(level: WarningLevel, than: WarningLevel): boolean {
  return WARNING_LEVELS.indexOf(level) > WARNING_LEVELS.indexOf(than);
}

/** A running deadline beside the highest warning recorded for it (problem-state's OpenDeadline, a part, a problem). */
export interface WarnedDeadline {
  readonly deadline: string;
  readonly lastWarning: { readonly deadline: string; readonly level: WarningLevel } | null;
}

/** A warning recorded for an earlier deadline says nothing about the current one. */
export function recordedWarningLevel(d: WarnedDeadline): WarningLevel {
  return d.lastWarning && d.lastWarning.deadline === d.deadline ? d.lastWarning.level : 'none';
}

/** True when today's level is one not yet recorded: the only case worth a write. */
export function warningDue(d: WarnedDeadline, today: string, thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): boolean {
  return isHigherWarning(warningLevel(d.deadline, today, thresholds), recordedWarningLevel(d));
}

/**
 * Refusals of RaiseWarning that mean the deadline no longer calls for one: the problem (or its
 * part) moved on after the check read it — deferred, fixed, closed, its deadline or joint handling
 * gone. A check that meets them has nothing to record, as when the level is recorded already.
 */
export const WARNING_NO_LONGER_DUE: readonly string[] = ['problem_deferred', 'problem_not_open', 'no_deadline', 'not_joint', 'part_closed'];
