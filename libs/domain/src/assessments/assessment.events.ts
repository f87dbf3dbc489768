import { DomainEvent } from '../shared/decider';
import { AssessmentScheme, Marks } from './assessment-scheme';

type Period = { periodId: string };
type UnitScore = Period & { unitId: string; marks: Marks; byCriterion: Record<string, number>; total: number };

export interface AssessmentResult {
  readonly unitId: string;
  readonly total: number;
  readonly grade: string;
  /** Competition ranking: equal totals share a rank. */
  readonly rank: number;
}

/** The scheme is copied in at opening: later versions never change how this period is scored. */
export type AssessmentPeriodOpened = DomainEvent<
  'AssessmentPeriodOpened',
  Period & { title: string; from: string; to: string; scheme: AssessmentScheme; unitIds: string[]; openedBy: string }
>;
export type SelfAssessmentSubmitted = DomainEvent<'SelfAssessmentSubmitted', UnitScore & { note: string; submittedBy: string }>;
/** The assessing group's score; a re-score carries its reason. */
export type AssessmentScored = DomainEvent<'AssessmentScored', UnitScore & { reason: string; scoredBy: string }>;
/** The office changes one criterion's mark; who and why are part of the fact. */
export type AssessmentModerated = DomainEvent<
  'AssessmentModerated',
  Period & { unitId: string; criterionId: string; fromScore: number; toScore: number; marks: Marks; byCriterion: Record<string, number>; total: number; reason: string; moderatedBy: string }
>;
export type AssessmentResultsPublished = DomainEvent<'AssessmentResultsPublished', Period & { revision: number; results: AssessmentResult[]; publishedBy: string }>;
export type AssessmentAppealLodged = DomainEvent<'AssessmentAppealLodged', Period & { unitId: string; appealId: string; reason: string; lodgedBy: string }>;
export type AssessmentAppealDecided = DomainEvent<
  'AssessmentAppealDecided',
  Period & { unitId: string; appealId: string; upheld: boolean; reason: string; decidedBy: string }
>;

export type AssessmentEvent =
  | AssessmentPeriodOpened
  | SelfAssessmentSubmitted
  | AssessmentScored
  | AssessmentModerated
  | AssessmentResultsPublished
  | AssessmentAppealLodged
  | AssessmentAppealDecided;

export const ASSESSMENT_EVENT_TYPES: AssessmentEvent['type'][] = [
  'AssessmentPeriodOpened',
  'SelfAssessmentSubmitted',
  'AssessmentScored',
  'AssessmentModerated',
  'AssessmentResultsPublished',
  'AssessmentAppealLodged',
  'AssessmentAppealDecided',
];

export const assessmentStreamId = (periodId: string) => `assessment-${periodId}`;
