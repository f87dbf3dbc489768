import { MemberStatus } from '@platform/domain';

/** Counts only: what every view outside the unit may show. */
export const MEMBER_ROSTERS = 'member-rosters';
/** Names: for the member's own unit, the office and administrators only. */
export const ROSTER_MEMBERS = 'roster-members';
/** A unit's participation in one campaign from its roster, summed over the steps it recorded: what the board joins. */
export const ROSTER_PARTICIPATION = 'roster-participation';

/** `_id` is `<campaignId>.<unitId>`; the counts have the board's own shape, so roll-ups add them alike. */
export type RosterParticipationDoc = {
  readonly _id: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly steps: number;
  /** Members on the roll when each step was recorded, summed over the steps. */
  readonly shouldAttend: number;
  readonly attended: number;
  readonly excused: number;
};

export interface StepParticipationFigures {
  readonly attended: number;
  readonly excused: number;
  readonly expected: number;
  readonly rate: number | null;
}

export interface MemberRosterDoc {
  readonly _id: string;
  readonly unitId: string;
  readonly counts: Record<MemberStatus, number>;
  readonly onRoll: number;
  /** Lost members still being sought (查找中). */
  readonly sought: number;
  /** Keyed `${campaignId}/${stepId}`. */
  readonly participation: Record<string, StepParticipationFigures>;
}

export interface SearchAttemptEntry {
  readonly attemptId: string;
  readonly on: string;
  readonly method: string;
  readonly result: string;
}

export interface RosterMemberDoc {
  readonly _id: string;
  readonly unitId: string;
  readonly memberId: string;
  readonly name: string;
  readonly status: MemberStatus;
  readonly workplace: string | null;
  readonly toUnit: string | null;
  readonly search: SearchCaseEntry | null;
  readonly searchesClosed: number;
  /** Closed search cases, oldest first, with their outcome: the history 查找党员 keeps. */
  readonly closedSearches?: ClosedSearchEntry[];
}

export interface SearchCaseEntry {
  readonly caseId: string;
  readonly lostSince: string;
  readonly lastKnown: string;
  readonly attempts: SearchAttemptEntry[];
}

export interface ClosedSearchEntry extends SearchCaseEntry {
  readonly outcome: string;
  readonly closedOn: string;
  readonly note: string;
}

export const rosterMemberId = (unitId: string, memberId: string) => `${unitId}/${memberId}`;
