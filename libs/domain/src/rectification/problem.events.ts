import { DomainEvent } from '../shared/decider';
import { WarningLevel, WarningRecipient } from './deadline-warning';
import { ProblemSource, TimingClass } from './problem-vocabulary';

/** A named person; kept apart from the publishable fields so the public view never carries names. */
export interface PersonRef {
  readonly name: string;
  readonly userId: string | null;
}

export interface ProblemPeople {
  /** 责任领导 */
  readonly responsibleLeader: PersonRef;
  /** 经办人 */
  readonly handler: PersonRef;
}

export interface JointPart {
  readonly partId: string;
  readonly unitId: string;
  readonly description: string;
  readonly deadline: string;
}

type Id = { problemId: string };

export type ProblemRegistered = DomainEvent<
  'ProblemRegistered',
  Id & {
    campaignId: string;
    source: ProblemSource;
    category: string;
    description: string;
    responsibleUnitId: string;
    discoveredAt: string;
    people: ProblemPeople;
    registeredBy: string;
  }
>;
export type RectificationPlanned = DomainEvent<
  'RectificationPlanned',
  Id & { measures: string[]; timing: TimingClass; deadline: string | null; plannedBy: string }
>;
export type PlanPublished = DomainEvent<'PlanPublished', Id & { publishedBy: string }>;
export type ProgressRecorded = DomainEvent<'ProgressRecorded', Id & { note: string; attachmentRefs: string[]; recordedBy: string }>;
export type DeadlineChanged = DomainEvent<
  'DeadlineChanged',
  Id & { previousDeadline: string | null; deadline: string; reason: string; changedBy: string }
>;
export type FixClaimed = DomainEvent<'FixClaimed', Id & { evidence: string; attachmentRefs: string[]; claimedBy: string }>;
export type FixVerified = DomainEvent<'FixVerified', Id & { comment: string; verifiedBy: string }>;
export type FixRejected = DomainEvent<'FixRejected', Id & { reason: string; rejectedBy: string }>;
export type ProblemClosed = DomainEvent<
  'ProblemClosed',
  Id & {
    /** 防止反弹的长效机制, when the unit built one. */
    mechanisms: string | null;
    /** The deadline in force at closing, so on-time rates need no second look at the history. */
    deadline: string | null;
    closedBy: string;
  }
>;
export type ProblemDeferred = DomainEvent<
  'ProblemDeferred',
  Id & {
    /** The objective condition that blocks a solution for now. */
    constraint: string;
    /** 向群众说明情况: what the masses were told, and when. */
    explanation: { text: string; date: string };
    reReviewDate: string;
    gradualMeasures: string[];
    deferredBy: string;
  }
>;
export type DeferralReviewed = DomainEvent<
  'DeferralReviewed',
  Id & { finding: string; previousReReviewDate: string; reReviewDate: string; reviewedBy: string }
>;
export type RectificationResumed = DomainEvent<'RectificationResumed', Id & { note: string; resumedBy: string }>;
export type JointHandlingStarted = DomainEvent<
  'JointHandlingStarted',
  Id & { coordinatorUnitId: string; reason: string; parts: JointPart[]; escalatedBy: string }
>;
export type PartProgressRecorded = DomainEvent<
  'PartProgressRecorded',
  Id & { partId: string; note: string; attachmentRefs: string[]; recordedBy: string }
>;
export type PartDeadlineChanged = DomainEvent<
  'PartDeadlineChanged',
  Id & { partId: string; previousDeadline: string; deadline: string; reason: string; changedBy: string }
>;
export type PartClosed = DomainEvent<'PartClosed', Id & { partId: string; evidence: string; closedBy: string }>;
export type RecheckHeld = DomainEvent<
  'RecheckHeld',
  Id & { lookBackCampaignId: string; cycle: number; finding: string; checkedBy: string }
>;
export type ProblemRebounded = DomainEvent<
  'ProblemRebounded',
  Id & { lookBackCampaignId: string; previousCycle: number; cycle: number; finding: string; checkedBy: string }
>;
/** 督查: a supervision group's note pushing the work on; it changes no status. */
export type SupervisionNoted = DomainEvent<
  'SupervisionNoted',
  Id & {
    /** What the group found on the ground. */
    finding: string;
    /** What it demands of the unit. */
    demand: string;
    /** By when (YYYY-MM-DD). */
    dueBy: string;
    notedBy: string;
    supervisorUnitId: string | null;
    /** The day of the note, for a state that keeps no envelope. */
    at: string;
  }
>;
export type DeadlineWarningRaised = DomainEvent<
  'DeadlineWarningRaised',
  Id & {
    /** null for the problem's own deadline, else the joint part whose deadline it is. */
    partId: string | null;
    /** The unit whose people are told: the responsible unit, or the part's unit. */
    unitId: string;
    deadline: string;
    today: string;
    daysLeft: number;
    level: Exclude<WarningLevel, 'none'>;
    notify: WarningRecipient[];
  }
>;

export type ProblemEvent =
  | ProblemRegistered
  | RectificationPlanned
  | PlanPublished
  | ProgressRecorded
  | DeadlineChanged
  | FixClaimed
  | FixVerified
  | FixRejected
  | ProblemClosed
  | ProblemDeferred
  | DeferralReviewed
  | RectificationResumed
  | JointHandlingStarted
  | PartProgressRecorded
  | PartDeadlineChanged
  | PartClosed
  | RecheckHeld
  | ProblemRebounded
  | DeadlineWarningRaised
  | SupervisionNoted;

export const PROBLEM_EVENT_TYPES: ProblemEvent['type'][] = [
  'ProblemRegistered',
  'RectificationPlanned',
  'PlanPublished',
  'ProgressRecorded',
  'DeadlineChanged',
  'FixClaimed',
  'FixVerified',
  'FixRejected',
  'ProblemClosed',
  'ProblemDeferred',
  'DeferralReviewed',
  'RectificationResumed',
  'JointHandlingStarted',
  'PartProgressRecorded',
  'PartDeadlineChanged',
  'PartClosed',
  'RecheckHeld',
  'ProblemRebounded',
  'DeadlineWarningRaised',
  'SupervisionNoted',
];

export const problemStreamId = (problemId: string) => `problem-${problemId}`;
