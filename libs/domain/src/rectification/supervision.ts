import { hasRole } from '../shared/actor';
import { refuse } from '../shared/domain-error';
import { ProblemCommandOf } from './problem.commands';
import { SupervisionNoted } from './problem.events';
import { involvedUnitIds, ProblemState } from './problem-state';
import { requireDate, requireProblem, requireStatus, requireText } from './problem-rules';
import { daysBetween } from '../shared/dates';

/**
 * 对正在进行整改的问题要加强督查: a supervision group (or the office) notes what it found, what it
 * demands and by when, on any problem not yet verified. A group never supervises the work of its
 * own unit, the same independence verification asks for.
 */
export function noteSupervision(c: ProblemCommandOf<'NoteSupervision'>, s: ProblemState): SupervisionNoted {
  requireProblem(s);
  if (!hasRole(c.actor, 'inspector', 'office')) {
    refuse('supervisor_role_required', '只有督导组或活动办公室可以督查 (inspector or office only)', { role: c.actor.role });
  }
  requireStatus(s, ['identified', 'planned', 'in_progress', 'fixed', 'deferred', 'joint'], '督查');
  if (c.actor.unitId && involvedUnitIds(s).includes(c.actor.unitId)) {
    refuse('own_unit_supervision', '不能督查本单位整改的问题 (cannot supervise own unit’s problem)', { unitId: c.actor.unitId });
  }
  const finding = requireText(c.finding, 'finding_required', '请填写督查发现的问题 (finding is required)');
  const demand = requireText(c.demand, 'demand_required', '请填写督查要求 (demand is required)');
  const dueBy = requireDate(c.dueBy, 'dueBy').slice(0, 10);
  if (daysBetween(c.at, dueBy) < 0) refuse('due_by_in_past', `督查要求的完成时限 ${dueBy} 已过 (dueBy in the past)`, { dueBy });
  return {
    type: 'SupervisionNoted',
    data: { problemId: s.problemId, finding, demand, dueBy, notedBy: c.actor.userId, supervisorUnitId: c.actor.unitId ?? null, at: c.at },
  };
}
