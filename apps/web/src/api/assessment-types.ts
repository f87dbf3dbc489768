import type { AsOf } from './view-types';

/** Answers of the assessment and demonstration-point views (考核, 示范点). */
export type RuleKind = 'points' | 'pass_fail' | 'deduction';
export interface Criterion {
  readonly criterionId: string;
  readonly title: string;
  readonly rule: { readonly kind: RuleKind; readonly max: number; readonly perItem?: number };
}
export interface Band {
  readonly grade: string;
  readonly minScore: number;
}
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

export interface ResultRow {
  readonly unitId: string;
  readonly name: string;
  readonly rank: number | null;
  readonly grade: string | null;
  readonly total: number | null;
  readonly selfTotal: number | null;
  readonly byCriterion: Record<string, number> | null;
  readonly scored: boolean;
  readonly appeal: 'open' | 'upheld' | 'dismissed' | null;
}

export interface AssessmentResults {
  readonly asOf: AsOf;
  readonly period: AssessmentPeriod;
  readonly rows: ResultRow[];
  readonly grades: (Band & { readonly count: number })[];
  readonly scoresVisible: boolean;
}

export interface ScoreChange {
  readonly kind: 'self' | 'scored' | 'moderated';
  readonly total: number;
  readonly criterionId: string | null;
  readonly by: string;
  readonly reason: string;
  readonly occurredAt: string;
}

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

export type DemonstrationStage = 'none' | 'recommended' | 'declined' | 'creating' | 'named' | 'improving' | 'eliminated';

export interface DemonstrationStep {
  readonly cycle: number;
  readonly year: number;
  readonly stage: DemonstrationStage;
  readonly stageName: string;
  readonly passed: boolean | null;
  readonly score: number | null;
  readonly periodId: string | null;
  readonly note: string;
  readonly by: string;
}

export interface DemonstrationPoint {
  readonly unitId: string;
  readonly name: string;
  readonly pointType: string;
  readonly pointTypeName: string;
  readonly level: 'city' | 'county';
  readonly levelName: string;
  readonly stage: DemonstrationStage;
  readonly stageName: string;
  readonly cycle: number;
  readonly since: number;
  readonly lastAssessedYear: number | null;
  readonly dueYear: number | null;
  readonly reviewEveryYears: number | null;
  readonly history: DemonstrationStep[];
}

export interface DemonstrationRegister {
  readonly asOf: AsOf;
  readonly total: number;
  readonly byStage: Partial<Record<DemonstrationStage, number>>;
  readonly points: DemonstrationPoint[];
}

export interface DemonstrationPointPage {
  readonly asOf: AsOf;
  readonly point: DemonstrationPoint;
  readonly evidence: {
    periodId: string;
    title: string;
    criteria: Criterion[];
    byCriterion: Record<string, number> | null;
    total: number | null;
    grade: string | null;
    rank: number | null;
  }[];
}
