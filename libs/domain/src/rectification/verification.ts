import { refuse } from '../shared/domain-error';
import { ProblemCommandOf } from './problem.commands';
import { FixClaimed, FixRejected, FixVerified, ProblemClosed } from './problem.events';
import { ProblemState } from './problem-state';
import { cleanList, requireIndependentReviewer, requireProblem, requireStatus, requireText, requireUnitSide } from './problem-rules';

export function claimFixed(c: ProblemCommandOf<'ClaimFixed'>, s: ProblemState): FixClaimed {
  requireProblem(s);
  requireUnitSide(c, s);
  requireStatus(s, ['planned', 'in_progress', 'joint'], '申请验收');
  // A jointly handled problem is fixed only when every unit has done its part.
  const open = s.current.joint?.parts.filter((p) => !p.closed).map((p) => p.partId) ?? [];
  if (open.length > 0) {
    refuse('joint_parts_open', `联动整改尚有 ${open.length} 项任务未完成 (joint parts still open)`, { openPartIds: open });
  }
  const evidence = requireText(c.evidence, 'evidence_required', '申请验收须提供整改成效佐证 (evidence is required)');
  return {
    type: 'FixClaimed',
    data: { problemId: s.problemId, evidence, attachmentRefs: cleanList(c.attachmentRefs), claimedBy: c.actor.userId },
  };
}

function requirePendingClaim(s: ProblemState): void {
  if (s.status !== 'fixed') refuse('no_pending_claim', '没有待验收的整改结果 (no pending fix claim)', { status: s.status });
}

export function acceptFix(c: ProblemCommandOf<'AcceptFix'>, s: ProblemState): FixVerified {
  requireProblem(s);
  requirePendingClaim(s);
  requireIndependentReviewer(c, s);
  return { type: 'FixVerified', data: { problemId: s.problemId, comment: c.comment.trim(), verifiedBy: c.actor.userId } };
}

export function rejectFix(c: ProblemCommandOf<'RejectFix'>, s: ProblemState): FixRejected {
  requireProblem(s);
  requirePendingClaim(s);
  requireIndependentReviewer(c, s);
  const reason = requireText(c.reason, 'reason_required', '验收不通过须说明理由 (reason is required)');
  return { type: 'FixRejected', data: { problemId: s.problemId, reason, rejectedBy: c.actor.userId } };
}

export function closeProblem(c: ProblemCommandOf<'CloseProblem'>, s: ProblemState): ProblemClosed {
  requireProblem(s);
  if (s.status === 'closed') refuse('problem_closed', '问题已销号 (already closed)');
  if (s.status !== 'verified') refuse('not_verified', '问题未经验收，不能销号 (verify before closing)', { status: s.status });
  requireIndependentReviewer(c, s);
  const mechanisms = c.mechanisms?.trim() || null;
  return {
    type: 'ProblemClosed',
    data: { problemId: s.problemId, mechanisms, deadline: s.current.plan?.deadline ?? null, closedBy: c.actor.userId },
  };
}
