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

/**
 * What the list sorts on: problems whose clock runs first, by their nearest running deadline (so
 * the overdue ones, whatever the day, come first), then those whose clock stopped (fixed, closed,
 * deferred, not yet planned) by their own deadline. One indexable string, so the store pages it.
 */
export function urgencyKeyOf(p: Deadlines): string {
  return RUNNING_STATUSES.includes(p.status) ? `1 ${runningDeadlineOf(p)}` : `2 ${p.deadline?.slice(0, 10) ?? NO_RUNNING_DEADLINE}`;
}

/** urgencyKeyOf is of fixed width, so this sorts as (urgency, id) and is unique: a keyset cursor. */
export const listKeyOf = (urgencyKey: string, problemId: string): string => `${urgencyKey} ${problemId}`;
