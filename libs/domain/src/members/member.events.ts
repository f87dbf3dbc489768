import { DomainEvent } from '../shared/decider';

/**
 * Only what the work needs of a member. 失联 (missing) is the status while a search case (查找党员)
 * is open; 转出 and 去世 end the membership of this roster.
 */
export const MEMBER_STATUSES = ['active', 'mobile', 'missing', 'transferred_out', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_NAMES: Record<MemberStatus, string> = {
  active: '正常',
  mobile: '流动党员',
  missing: '失联（查找中）',
  transferred_out: '已转出',
  deceased: '已去世',
};

export interface MemberRecord {
  readonly memberId: string;
  readonly name: string;
  readonly status: 'active' | 'mobile';
  /** Where a mobile member works (流入地); null otherwise. */
  readonly workplace: string | null;
}

export const SEARCH_OUTCOMES = ['found', 'deceased', 'transferred_out'] as const;
export type SearchOutcome = (typeof SEARCH_OUTCOMES)[number];

type Roster = { unitId: string };
type Member = Roster & { memberId: string };

export type MembersImported = DomainEvent<'MembersImported', Roster & { members: MemberRecord[]; importedBy: string }>;
export type MemberAdded = DomainEvent<'MemberAdded', Roster & { member: MemberRecord; addedBy: string }>;
/** A name corrected (a typo, a changed name); statuses change through their own events. */
export type MemberRenamed = DomainEvent<'MemberRenamed', Member & { name: string; changedBy: string }>;
export type MemberStatusChanged = DomainEvent<
  'MemberStatusChanged',
  Member & { from: MemberStatus; to: 'active' | 'mobile' | 'transferred_out' | 'deceased'; workplace: string | null; toUnit: string | null; effectiveOn: string; reason: string; changedBy: string }
>;
export type MemberSearchOpened = DomainEvent<'MemberSearchOpened', Member & { caseId: string; from: 'active' | 'mobile'; lastKnown: string; lostSince: string; openedBy: string }>;
export type MemberSearchAttempted = DomainEvent<'MemberSearchAttempted', Member & { caseId: string; attemptId: string; on: string; method: string; result: string; recordedBy: string }>;
export type MemberSearchClosed = DomainEvent<
  'MemberSearchClosed',
  Member & { caseId: string; outcome: SearchOutcome; to: MemberStatus; workplace: string | null; on: string; note: string; closedBy: string }
>;
export type MemberParticipationRecorded = DomainEvent<
  'MemberParticipationRecorded',
  Roster & { campaignId: string; stepId: string; revision: number; onRoll: number; attended: string[]; excused: { memberId: string; reason: string }[]; recordedBy: string }
>;

export type MemberRosterEvent = MembersImported | MemberAdded | MemberRenamed | MemberStatusChanged | MemberSearchOpened | MemberSearchAttempted | MemberSearchClosed | MemberParticipationRecorded;

export const MEMBER_ROSTER_EVENT_TYPES: MemberRosterEvent['type'][] = [
  'MembersImported',
  'MemberAdded',
  'MemberRenamed',
  'MemberStatusChanged',
  'MemberSearchOpened',
  'MemberSearchAttempted',
  'MemberSearchClosed',
  'MemberParticipationRecorded',
];

export const memberRosterStreamId = (unitId: string) => `member-roster-${unitId}`;
