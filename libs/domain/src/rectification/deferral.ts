import { CommandContext } from '../shared/actor';
import { daysBetween } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { ProblemCommandOf } from './problem.commands';
import { DeferralReviewed, ProblemDeferred, ProblemEvent } from './problem.events';
import { currentDeferral, Deferral, ProblemState } from './problem-state';
import { requireDate, requireDeadline, requireList, requireProblem, requireStatus, requireText, requireUnitSide } from './problem-rules';

/** A deferral is not a burial: it names the day it will be looked at again. */
function requireReReviewDate(c: CommandContext, value: string): string {
  const date = requireDate(value, 'reReviewDate');
  if (daysBetween(c.at, date) <= 0) refuse('re_review_date_not_future', '复查日期须晚于今天 (reReviewDate must be after today)');
  return date;
}

function requireDeferred(s: ProblemState): Deferral {
  const d = currentDeferral(s.current);
  if (!d) refuse('not_deferred', '问题未暂缓 (problem is not deferred)', { status: s.status });
  return d;
}

export function deferProblem(c: ProblemCommandOf<'DeferProblem'>, s: ProblemState): ProblemDeferred {
  requireProblem(s);
  requireUnitSide(c, s);
  requireStatus(s, ['planned', 'in_progress'], '暂缓解决');
  const constraint = requireText(c.constraint, 'constraint_required', '请说明受限的客观条件 (constraint is required)');
  // 向群众说明情况 is the condition of a deferral, so it must already have happened.
  const text = requireText(c.explanation.text, 'explanation_required', '须向群众说明情况 (explanation.text is required)');
  const date = requireDate(c.explanation.date, 'explanation.date');
  if (daysBetween(c.at, date) > 0) refuse('explanation_in_future', '向群众说明情况的日期不能晚于今天 (explanation.date must not be after today)');
  const reReviewDate = requireReReviewDate(c, c.reReviewDate);
  const gradualMeasures = requireList(c.gradualMeasures, 'gradual_measures_required', '请填写逐步解决的措施 (gradualMeasures are required)');
  return {
    type: 'ProblemDeferred',
    data: { problemId: s.problemId, constraint, explanation: { text, date }, reReviewDate, gradualMeasures, deferredBy: c.actor.userId },
  };
}

export function reviewDeferral(c: ProblemCommandOf<'ReviewDeferral'>, s: ProblemState): DeferralReviewed {
  requireProblem(s);
  const d = requireDeferred(s);
  requireUnitSide(c, s);
  const finding = requireText(c.finding, 'finding_required', '请填写复查情况 (finding is required)');
  const reReviewDate = requireReReviewDate(c, c.reReviewDate);
  return {
    type: 'DeferralReviewed',
    data: { problemId: s.problemId, finding, previousReReviewDate: d.reReviewDate, reReviewDate, reviewedBy: c.actor.userId },
  };
}

/** Back to work; a new deadline, when given, goes through the deadline history like any change. */
export function resumeRectification(c: ProblemCommandOf<'ResumeRectification'>, s: ProblemState): ProblemEvent[] {
  requireProblem(s);
  requireDeferred(s);
  requireUnitSide(c, s);
  const note = requireText(c.note, 'note_required', '请说明恢复整改的情况 (note is required)');
  const events: ProblemEvent[] = [{ type: 'RectificationResumed', data: { problemId: s.problemId, note, resumedBy: c.actor.userId } }];
  const previousDeadline = s.current.plan?.deadline ?? null;
  if (c.deadline !== null && c.deadline !== previousDeadline) {
    const deadline = requireDeadline(c, c.deadline);
    events.push({ type: 'DeadlineChanged', data: { problemId: s.problemId, previousDeadline, deadline, reason: note, changedBy: c.actor.userId } });
  }
  return events;
}
