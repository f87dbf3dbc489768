import { AssessmentResult, Criterion, GradeBand, Marks } from '@platform/domain';

export const ASSESSMENT_PERIODS = 'assessment-periods';
export const ASSESSMENT_UNITS = 'assessment-units';

/** One assessment period: the scheme version it applies and its published ranking. */
export interface AssessmentPeriodDoc {
  readonly _id: string;
  readonly periodId: string;
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly schemeId: string;
  readonly schemeVersion: number;
  readonly criteria: readonly Criterion[];
  readonly bands: readonly GradeBand[];
  readonly unitIds: string[];
  /** 0 until published; each upheld appeal publishes the next revision. */
  readonly revision: number;
  readonly results: AssessmentResult[];
  readonly publishedAt: string | null;
}

/** Who changed a unit's score, when and why: every entry is one event. */
export interface ScoreChange {
  readonly kind: 'self' | 'scored' | 'moderated';
  readonly total: number;
  readonly criterionId: string | null;
  readonly by: string;
  readonly reason: string;
  readonly occurredAt: string;
  readonly position: number;
}

export interface AppealEntry {
  readonly appealId: string;
  readonly reason: string;
  readonly lodgedAt: string;
  readonly decision: { readonly upheld: boolean; readonly reason: string; readonly decidedAt: string } | null;
}

/** One unit in one period: its self-assessment, its current score, its history and appeals. */
export interface AssessmentUnitDoc {
  readonly _id: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly selfTotal: number | null;
  readonly total: number | null;
  readonly byCriterion: Record<string, number> | null;
  readonly marks: Marks | null;
  readonly grade: string | null;
  readonly rank: number | null;
  readonly changes: ScoreChange[];
  readonly appeals: AppealEntry[];
}

export const assessmentUnitId = (periodId: string, unitId: string) => `${periodId}/${unitId}`;
