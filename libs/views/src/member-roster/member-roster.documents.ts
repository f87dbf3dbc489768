import { MemberStatus } from '@platform/domain';

/** Counts only: what every view outside the unit may show. */
export const MEMBER_ROSTERS = 'member-rosters';
/** Names: for the member's own unit, the office and administrators only. */
export const ROSTER_MEMBERS = 'roster-members';

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
  readonly search: { readonly caseId: string; readonly lostSince: string; readonly lastKnown: string; readonly attempts: SearchAttemptEntry[] } | null;
  readonly searchesClosed: number;
}

export const rosterMemberId = (unitId: string, memberId: string) => `${unitId}/${memberId}`;
