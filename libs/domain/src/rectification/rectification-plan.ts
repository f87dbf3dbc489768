import { refuse } from '../shared/domain-error';
import { ProblemCommandOf } from './problem.commands';
import { DeadlineChanged, PlanPublished, ProgressRecorded, RectificationPlanned } from './problem.events';
import { ProblemState } from './problem-state';
import { cleanList, requireDeadline, requireList, requireProblem, requireStatus, requireText, requireUnitSide } from './problem-rules';
import { TIMING_CLASS_NAMES, TIMING_CLASSES, TIMING_NEEDS_DEADLINE } from './problem-vocabulary';

export function planRectification(c: ProblemCommandOf<'PlanRectification'>, s: ProblemState): RectificationPlanned {
  requireProblem(s);
  requireUnitSide(c, s);
  requireStatus(s, ['identified'], '制定整改措施');
  const measures = requireList(c.measures, 'measures_required', '请填写整改措施 (measures are required)');
  if (!TIMING_CLASSES.includes(c.timing)) refuse('timing_invalid', `整改时限类别无效: ${String(c.timing)} (timing)`, { allowed: TIMING_CLASSES });
  if (TIMING_NEEDS_DEADLINE[c.timing] && !c.deadline) {
    refuse('deadline_required', `“${TIMING_CLASS_NAMES[c.timing]}”须明确整改时限 (deadline required)`, { timing: c.timing });
  }
  const deadline = c.deadline ? requireDeadline(c, c.deadline) : null;
  return { type: 'RectificationPlanned', data: { problemId: s.problemId, measures, timing: c.timing, deadline, plannedBy: c.actor.userId } };
}

export function publishPlan(c: ProblemCommandOf<'PublishPlan'>, s: ProblemState): PlanPublished {
  requireProblem(s);
  requireUnitSide(c, s);
  if (!s.current.plan) refuse('not_planned', '尚未制定整改措施，无可公示的方案 (nothing to publish)');
  if (s.current.published) refuse('already_published', '整改方案已公示 (plan already published)');
  return { type: 'PlanPublished', data: { problemId: s.problemId, publishedBy: c.actor.userId } };
}

export function recordProgress(c: ProblemCommandOf<'RecordProgress'>, s: ProblemState): ProgressRecorded {
  requireProblem(s);
  requireUnitSide(c, s);
  // A deferred problem is still worked on step by step (逐步解决), so its notes are welcome.
  requireStatus(s, ['planned', 'in_progress', 'deferred', 'joint'], '记录整改进展');
  const note = requireText(c.note, 'note_required', '请填写整改进展 (note is required)');
  return {
    type: 'ProgressRecorded',
    data: { problemId: s.problemId, note, attachmentRefs: cleanList(c.attachmentRefs), recordedBy: c.actor.userId },
  };
}

/** Never a silent extension: every change names the old date and why. */
export function changeDeadline(c: ProblemCommandOf<'ChangeDeadline'>, s: ProblemState): DeadlineChanged {
  requireProblem(s);
  requireUnitSide(c, s);
  requireStatus(s, ['planned', 'in_progress', 'joint'], '调整整改时限');
  const reason = requireText(c.reason, 'reason_required', '调整整改时限须说明理由 (reason is required)');
  const deadline = requireDeadline(c, c.deadline);
  const previousDeadline = s.current.plan?.deadline ?? null;
  if (deadline === previousDeadline) refuse('deadline_unchanged', '整改时限未改变 (deadline unchanged)');
  return { type: 'DeadlineChanged', data: { problemId: s.problemId, previousDeadline, deadline, reason, changedBy: c.actor.userId } };
}
