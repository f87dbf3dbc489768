import { CommandContext, hasRole } from '../shared/actor';
import { refuse } from '../shared/domain-error';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { ProblemCommandOf } from './problem.commands';
import { JointHandlingStarted, JointPart, PartClosed, PartDeadlineChanged, PartProgressRecorded } from './problem.events';
import { PartState, ProblemState } from './problem-state';
import { cleanList, requireDeadline, requireJoint, requireOpenPart, requireProblem, requireStatus, requireText } from './problem-rules';

/** 上级党委及有关部门加强协调: the office, or the higher committee that will coordinate. */
function requireEscalator(c: ProblemCommandOf<'EscalateToJoint'>): void {
  if (hasRole(c.actor, 'office')) return;
  if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', '只有活动办公室或牵头单位可以发起联动整改 (office or coordinator)');
  if (c.actor.unitId !== c.coordinator.unitId) {
    refuse('not_coordinator_unit', '只有牵头单位可以发起联动整改 (only the coordinator unit escalates)', { coordinatorUnitId: c.coordinator.unitId });
  }
}

function checkParts(c: ProblemCommandOf<'EscalateToJoint'>): JointPart[] {
  if (c.parts.length === 0) refuse('parts_required', '联动整改须明确各参与单位的任务 (parts are required)');
  const seen = new Set<string>();
  return c.parts.map((p) => {
    if (!UNIT_ID_PATTERN.test(p.partId)) refuse('part_id_invalid', '任务编号只能包含字母、数字、- 和 _ (partId)', { partId: p.partId });
    if (seen.has(p.partId)) refuse('part_id_duplicate', `任务编号 ${p.partId} 重复 (duplicate partId)`, { partId: p.partId });
    seen.add(p.partId);
    if (!p.unit.exists) refuse('unit_not_found', `组织 ${p.unit.unitId} 不存在 (unit not found)`, { unitId: p.unit.unitId });
    if (p.unit.closed) refuse('unit_closed', `组织 ${p.unit.unitId} 已撤销 (unit is closed)`, { unitId: p.unit.unitId });
    const description = requireText(p.description, 'part_description_required', `请说明 ${p.unit.unitId} 承担的任务 (parts[].description is required)`);
    return { partId: p.partId, unitId: p.unit.unitId, description, deadline: requireDeadline(c, p.deadline) };
  });
}

export function escalateToJoint(c: ProblemCommandOf<'EscalateToJoint'>, s: ProblemState): JointHandlingStarted {
  requireProblem(s);
  requireStatus(s, ['planned', 'in_progress'], '转为联动整改');
  requireEscalator(c);
  const k = c.coordinator;
  if (!k.exists) refuse('coordinator_not_found', `牵头单位 ${k.unitId} 不存在 (coordinator not found)`);
  if (k.closed) refuse('coordinator_closed', `牵头单位 ${k.unitId} 已撤销 (coordinator is closed)`);
  if (!k.isAncestorOfResponsibleUnit) {
    refuse('coordinator_not_higher', '牵头单位须是责任单位的上级组织 (coordinator must be above the responsible unit)', {
      coordinatorUnitId: k.unitId,
      responsibleUnitId: s.responsibleUnitId,
    });
  }
  const reason = requireText(c.reason, 'reason_required', '请说明需要综合治理的原因 (reason is required)');
  const parts = checkParts(c);
  return {
    type: 'JointHandlingStarted',
    data: { problemId: s.problemId, coordinatorUnitId: k.unitId, reason, parts, escalatedBy: c.actor.userId },
  };
}

/** A part is worked by its own unit, under the coordinator; the office may act for either. */
function requireWorkablePart(c: CommandContext, s: ProblemState, partId: string): PartState {
  requireProblem(s);
  const joint = requireJoint(s);
  requireStatus(s, ['joint'], '办理联动整改任务');
  const part = requireOpenPart(s, partId);
  if (hasRole(c.actor, 'office')) return part;
  if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', '只有参与单位、牵头单位或活动办公室可以办理 (part unit, coordinator or office)');
  if (c.actor.unitId !== part.unitId && c.actor.unitId !== joint.coordinatorUnitId) {
    refuse('not_part_unit', '只能办理本单位承担的联动整改任务 (not this part’s unit)', { partId, unitId: part.unitId });
  }
  return part;
}

export function recordPartProgress(c: ProblemCommandOf<'RecordPartProgress'>, s: ProblemState): PartProgressRecorded {
  requireWorkablePart(c, s, c.partId);
  const note = requireText(c.note, 'note_required', '请填写整改进展 (note is required)');
  return {
    type: 'PartProgressRecorded',
    data: { problemId: s.problemId, partId: c.partId, note, attachmentRefs: cleanList(c.attachmentRefs), recordedBy: c.actor.userId },
  };
}

export function changePartDeadline(c: ProblemCommandOf<'ChangePartDeadline'>, s: ProblemState): PartDeadlineChanged {
  const part = requireWorkablePart(c, s, c.partId);
  const reason = requireText(c.reason, 'reason_required', '调整整改时限须说明理由 (reason is required)');
  const deadline = requireDeadline(c, c.deadline);
  if (deadline === part.deadline) refuse('deadline_unchanged', '整改时限未改变 (deadline unchanged)');
  return {
    type: 'PartDeadlineChanged',
    data: { problemId: s.problemId, partId: c.partId, previousDeadline: part.deadline, deadline, reason, changedBy: c.actor.userId },
  };
}

export function closePart(c: ProblemCommandOf<'ClosePart'>, s: ProblemState): PartClosed {
  requireWorkablePart(c, s, c.partId);
  const evidence = requireText(c.evidence, 'evidence_required', '请提供完成任务的佐证 (evidence is required)');
  return { type: 'PartClosed', data: { problemId: s.problemId, partId: c.partId, evidence, closedBy: c.actor.userId } };
}
