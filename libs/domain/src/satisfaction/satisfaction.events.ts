import { DomainEvent } from '../shared/decider';
import { GradeCounts, SatisfactionGrade } from './satisfaction-grades';

type Ids = { campaignId: string; unitId: string; round: number };

export type SatisfactionRoundOpened = DomainEvent<'SatisfactionRoundOpened', Ids & { openedBy: string }>;
/** The counts of a meeting's paper ballots (测评大会), entered as one tally. */
export type BallotTallyRecorded = DomainEvent<
  'BallotTallyRecorded',
  Ids & { tallyId: string; meeting: string; counts: GradeCounts; recordedBy: string }
>;
/** One anonymous ballot: the voter is not part of the fact. */
export type BallotCast = DomainEvent<'BallotCast', Ids & { ballotId: string; grade: SatisfactionGrade }>;
export type SatisfactionRoundClosed = DomainEvent<
  'SatisfactionRoundClosed',
  Ids & {
    counts: GradeCounts;
    total: number;
    rate: number;
    /** The campaign's threshold at closing, kept so the verdict never depends on a later lookup. */
    threshold: number;
    passed: boolean;
    closedBy: string;
  }
>;

export type SatisfactionEvent = SatisfactionRoundOpened | BallotTallyRecorded | BallotCast | SatisfactionRoundClosed;

export const SATISFACTION_EVENT_TYPES: SatisfactionEvent['type'][] = [
  'SatisfactionRoundOpened',
  'BallotTallyRecorded',
  'BallotCast',
  'SatisfactionRoundClosed',
];

export const satisfactionStreamId = (campaignId: string, unitId: string) => `satisfaction-${campaignId}.${unitId}`;
