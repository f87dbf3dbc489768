import { Handling, ProblemSource, ProblemState, ProblemStatus, TimingClass, WarningThresholds } from '@platform/domain';

export const LEDGER_CAMPAIGNS = 'ledger_campaigns';
export const LEDGER_PROBLEMS = 'ledger_problems';
/** The projection's own memory of each problem: queries never read it, so list pages stay small. */
export const LEDGER_PROBLEM_STATES = 'ledger_problem_states';

/** Sorts after every real date, so the field is always one string (indexable) and such problems come last. */
export const NO_RUNNING_DEADLINE = '9999-12-31';

export type LedgerCampaignDoc = {
  readonly _id: string;
  readonly campaignId: string;
  readonly name: string;
  readonly parentCampaignId: string | null;
  readonly warningThresholds: WarningThresholds;
};

export interface LedgerPart {
  readonly partId: string;
  readonly unitId: string;
  readonly description: string;
  readonly deadline: string;
  readonly closed: boolean;
}

/**
 * One problem of the 整改台账, as its current cycle stands: the fields queries filter on and show.
 * They are derived from the problem folded by the domain's own evolve (kept apart, in
 * LedgerProblemStateDoc), so the ledger can never disagree with the decider about a status or a
 * handling. (A type alias, so it is a plain JSON document.)
 */
export type LedgerProblemDoc = {
  readonly _id: string;
  readonly problemId: string;
  /** Where it was registered. */
  readonly campaignId: string;
  /** Its campaign and every look-back that reopened it: it counts in each of their ledgers. */
  readonly campaignIds: string[];
  readonly responsibleUnitId: string;
  /** The responsible unit, and while handled jointly the coordinator and every part's unit. */
  readonly unitIds: string[];
  readonly source: ProblemSource;
  readonly category: string;
  readonly description: string;
  readonly responsibleLeader: string | null;
  readonly handler: string | null;
  readonly cycle: number;
  readonly status: ProblemStatus;
  /** The kind under the live classification (HANDLING_DEFINITIONS, CURRENT_HANDLING_VERSION). */
  readonly handling: Handling;
  /** The kind under classification v1, which notices published before v2 were computed with. */
  readonly handlingV1: Handling;
  /** 督查: a note in the current cycle and not yet verified; the last note, and how many. */
  readonly underSupervision: boolean;
  readonly supervision: LedgerSupervision | null;
  readonly timing: TimingClass | null;
  readonly measures: string[];
  readonly deadline: string | null;
  /**
   * The nearest deadline whose clock is running (its own while planned or under way, each open
   * joint part's), or NO_RUNNING_DEADLINE. Warning levels only grow as a deadline nears, so the
   * problem's level on any day is this one's: day-dependent filters become ranges on it.
   */
  readonly runningDeadline: string;
  /** The list's order (see urgencyKeyOf): running clocks by nearest deadline, overdue first, then stopped ones. */
  readonly urgencyKey: string;
  /** `<urgencyKey> <problemId>`: unique, in the list's order, so a page starts after the last one seen (keyset paging). */
  readonly listKey: string;
  readonly published: boolean;
  readonly deferral: { constraint: string; reReviewDate: string } | null;
  readonly joint: { coordinatorUnitId: string; parts: LedgerPart[] } | null;
  readonly rechecks: { lookBackCampaignId: string; cycle: number; outcome: 'held' | 'rebounded' }[];
  readonly discoveredAt: string;
  readonly registeredAt: string;
  readonly fixedAt: string | null;
  readonly verifiedAt: string | null;
  readonly verifiedDeadline: string | null;
  readonly closedAt: string | null;
  readonly closedDeadline: string | null;
  /** When the record last changed: a progress note without a file or a deadline warning changes nothing it holds. */
  readonly lastChangedAt: string;
};

export type LedgerSupervision = {
  readonly notes: number;
  readonly last: { finding: string; demand: string; dueBy: string; notedBy: string; at: string };
};

export type LedgerProblemStateDoc = {
  readonly _id: string;
  readonly state: ProblemState;
};
