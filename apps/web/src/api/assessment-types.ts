import type { operations } from './schema';
import type { AsOf } from './view-types';

/** An operation's 200 answer as the OpenAPI document describes it. */
type Answer<O extends keyof operations> = operations[O] extends { responses: { 200: { content: { 'application/json': infer A } } } } ? A : never;

/** Answers of the assessment and demonstration-point views (考核, 示范点), typed from the generated schema. */
export type Criterion = Answer<'getAssessmentResults'>['period']['criteria'][number];
export type RuleKind = Criterion['rule']['kind'];
export type Band = Answer<'getAssessmentResults'>['period']['bands'][number];

export type DemonstrationRegister = Answer<'listDemonstrationPoints'>;
export type DemonstrationPoint = DemonstrationRegister['points'][number];
export type DemonstrationStage = DemonstrationPoint['stage'];
export type DemonstrationStep = DemonstrationPoint['history'][number];
export type DemonstrationPointPage = Answer<'getDemonstrationPoint'>;

/*
 * Written here until the answer schemas say them exactly: a mark's three shapes (an empty object
 * there), an appeal's states (a plain string), a period's dates, scheme and counts (optional there,
 * and the listed periods' criteria and bands too).
 */
export type Mark = { points: number } | { passed: boolean } | { items: number };

export interface AssessmentPeriod {
  readonly periodId: string;
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly schemeId: string;
  readonly schemeVersion: number;
  readonly criteria: Criterion[];
  readonly bands: Band[];
  readonly revision: number;
  readonly publishedAt: string | null;
  readonly published: boolean;
  readonly maxScore: number;
  readonly unitCount: number;
  readonly unitsInScope?: number;
}

/** A result row as the schema gives it, but for its appeal's states. */
export type ResultRow = Omit<Answer<'getAssessmentResults'>['rows'][number], 'appeal'> & { readonly appeal: 'open' | 'upheld' | 'dismissed' | null };

export interface AssessmentResults {
  readonly asOf: AsOf;
  readonly period: AssessmentPeriod;
  readonly rows: ResultRow[];
  readonly grades: (Band & { readonly count: number })[];
  readonly scoresVisible: boolean;
}

export type ScoreChange = NonNullable<Answer<'getAssessmentUnit'>['unit']>['changes'][number];

export interface AssessmentUnit {
  readonly period: AssessmentPeriod;
  readonly unit: {
    readonly unitId: string;
    readonly name: string;
    readonly selfTotal: number | null;
    readonly total: number | null;
    readonly byCriterion: Record<string, number> | null;
    readonly marks: Record<string, Mark> | null;
    readonly grade: string | null;
    readonly rank: number | null;
    readonly changes: ScoreChange[];
    readonly appeals: { appealId: string; reason: string; lodgedAt: string; decision: { upheld: boolean; reason: string; decidedAt: string } | null }[];
  };
  readonly scoresVisible: boolean;
}
