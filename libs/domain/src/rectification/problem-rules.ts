import { CommandContext, hasRole } from '../shared/actor';
import { daysBetween, isIsoDate } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { findPart, involvedUnitIds, JointHandling, PartState, ProblemState } from './problem-state';
import { PROBLEM_STATUS_NAMES, ProblemStatus } from './problem-vocabulary';

/** Why a problem in this status cannot take a command that needs another one. */
const STATUS_REFUSALS: Record<ProblemStatus, string> = {
  identified: 'not_planned',
  planned: 'already_planned',
  in_progress: 'already_planned',
  fixed: 'awaiting_verification',
  verified: 'already_verified',
  closed: 'problem_closed',
  deferred: 'problem_deferred',
  joint: 'problem_joint',
};

export function requireProblem(s: ProblemState): void {
  if (!s.exists) refuse('problem_not_found', '问题不存在 (problem not found)');
}

export function requireStatus(s: ProblemState, allowed: readonly ProblemStatus[], action: string): void {
  if (allowed.includes(s.status)) return;
  refuse(STATUS_REFUSALS[s.status], `问题当前状态为“${PROBLEM_STATUS_NAMES[s.status]}”，不能${action} (status ${s.status})`, {
    status: s.status,
    allowed,
  });
}

export function requireJoint(s: ProblemState): JointHandling {
  const joint = s.current.joint;
  if (!joint) refuse('not_joint', '该问题不是联动整改 (problem is not handled jointly)');
  return joint;
}

export function requireOpenPart(s: ProblemState, partId: string): PartState {
  const part = findPart(s.current, partId);
  if (!part) refuse('part_not_found', `联动整改任务 ${partId} 不存在 (part not found)`, { partId });
  if (part.closed) refuse('part_closed', `联动整改任务 ${partId} 已完成 (part already closed)`, { partId });
  return part;
}

export function requireText(value: string, code: string, message: string): string {
  const text = value.trim();
  if (!text) refuse(code, message);
  return text;
}

/** Trimmed, blank entries dropped; refused when nothing is left. */
export function requireList(values: readonly string[], code: string, message: string): string[] {
  const list = cleanList(values);
  if (list.length === 0) refuse(code, message);
  return list;
}

export function cleanList(values: readonly string[]): string[] {
  return values.map((v) => v.trim()).filter((v) => v.length > 0);
}

export function requireDate(value: string | null | undefined, field: string): string {
  if (!value || !isIsoDate(value)) refuse('date_invalid', `${field} 不是有效日期 (invalid ISO date)`, { field });
  return value;
}

/** A deadline is a promise about the future: one already past when set is refused. */
export function requireDeadline(c: CommandContext, deadline: string | null | undefined): string {
  const d = requireDate(deadline, 'deadline');
  if (daysBetween(c.at, d) < 0) refuse('deadline_in_past', `整改时限 ${d} 已过 (deadline in the past)`, { deadline: d });
  return d;
}

/**
 * The responsible unit's operator or the office; while the problem is handled jointly, the
 * coordinator unit speaks for the whole problem too.
 */
export function requireUnitSide(c: CommandContext, s: ProblemState): void {
  if (hasRole(c.actor, 'office')) return;
  if (!hasRole(c.actor, 'operator')) {
    refuse('role_not_allowed', '只有责任单位联络员或活动办公室可以办理 (responsible unit operator or office only)', {
      role: c.actor.role,
    });
  }
  const units = [s.responsibleUnitId, ...(s.current.joint ? [s.current.joint.coordinatorUnitId] : [])];
  if (!c.actor.unitId || !units.includes(c.actor.unitId)) {
    refuse('not_responsible_unit', '只能办理本单位负责整改的问题 (not the responsible unit)', { responsibleUnitId: s.responsibleUnitId });
  }
}

/** 验收 and 销号 are done by someone outside the units doing the work, never by the claimant. */
export function requireIndependentReviewer(c: CommandContext, s: ProblemState): void {
  if (!hasRole(c.actor, 'inspector', 'office')) {
    refuse('verifier_role_required', '只有督导组或活动办公室可以验收销号 (inspector or office only)', { role: c.actor.role });
  }
  if (c.actor.unitId && involvedUnitIds(s).includes(c.actor.unitId)) {
    refuse('own_unit_verification', '不能验收本单位整改的问题 (cannot verify own unit’s problem)', { unitId: c.actor.unitId });
  }
  if (s.current.claim?.claimedBy === c.actor.userId) {
    refuse('own_claim', '不能验收自己提交的整改结果 (cannot verify own claim)');
  }
}
