import { ProblemState } from '@platform/domain';

/**
 * Where the warning check finds the problems to look at: those whose nearest running deadline
 * falls within the widest warning window of any campaign, or has passed. The read side answers
 * from the ledger's index on that deadline, so a run costs the due problems, not the whole history.
 * The check decides on each state it gets; a problem the source has not seen yet is found on the
 * next run.
 */
export interface WarningCandidates {
  dueOn(today: string): Promise<ProblemState[]>;
}

export const WARNING_CANDIDATES = Symbol('WARNING_CANDIDATES');
