import { ProblemStatus } from '@platform/domain';
import { LedgerPart, NO_RUNNING_DEADLINE } from './rectification-ledger.documents';

/** Deadlines run only while the work is under way (as the domain's warnings do); deferred ones wait for their re-review. */
export const RUNNING_STATUSES: readonly ProblemStatus[] = ['planned', 'in_progress', 'joint'];

interface Deadlines {
  readonly status: ProblemStatus;
  readonly deadline: string | null;
  readonly joint: { readonly parts: readonly LedgerPart[] } | null;
}

/** The nearest running deadline of the problem itself or of an open joint part, as a calendar day. */
export function runningDeadlineOf(p: Deadlines): string {
  if (!RUNNING_STATUSES.includes(p.status)) return NO_RUNNING_DEADLINE;
  const days = [p.deadline, ...(p.joint?.parts ?? []).filter((part) => !part.closed).map((part) => part.deadline)]
    .filter((d): d is string => !!d)
    .map((d) => d.slice(0, 10));
  return days.reduce((a, b) => (b < a ? b : a), NO_RUNNING_DEADLINE);
}

/** Overdue problems are listed first; within each group, by this key (then by id). */
export function urgencyKeyOf(p: Deadlines): string {
  const running = runningDeadlineOf(p);
  return running !== NO_RUNNING_DEADLINE ? running : (p.deadline?.slice(0, 10) ?? NO_RUNNING_DEADLINE);
}
