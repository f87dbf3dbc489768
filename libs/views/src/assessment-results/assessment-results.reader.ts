import { gradeOf, maxScore, OrganizationTree, Role } from '@platform/domain';
import { ReadStore } from '@platform/read-models';
import { UnitFilter } from '../shared/view-scope';
import { ASSESSMENT_PERIODS, ASSESSMENT_UNITS, AssessmentPeriodDoc, AssessmentUnitDoc } from './assessment-results.documents';

export const ASSESSMENT_PROJECTIONS = ['assessment-results'] as const;

/** Scores before publication are the assessors' working papers: the office, inspectors (考核组) and administrators see them. */
export const SCORE_READERS: readonly Role[] = ['admin', 'office', 'inspector'];

export interface AssessmentResultRow {
  readonly unitId: string;
  readonly name: string;
  readonly rank: number | null;
  readonly grade: string | null;
  readonly total: number | null;
  readonly selfTotal: number | null;
  readonly byCriterion: Record<string, number> | null;
  /** Whether the assessing group has scored it (never the score itself to those who may not see it). */
  readonly scored: boolean;
  readonly appeal: 'open' | 'upheld' | 'dismissed' | null;
}

export interface AssessmentResultsView {
  readonly period: Omit<AssessmentPeriodDoc, '_id' | 'results' | 'unitIds'> & { readonly maxScore: number; readonly published: boolean; readonly unitCount: number };
  readonly rows: AssessmentResultRow[];
  /** How many of the rows shown fall in each band (published results only). */
  readonly grades: { grade: string; minScore: number; count: number }[];
  readonly scoresVisible: boolean;
}

function appealOf(u: AssessmentUnitDoc): AssessmentResultRow['appeal'] {
  const last = u.appeals[u.appeals.length - 1];
  if (!last) return null;
  return last.decision ? (last.decision.upheld ? 'upheld' : 'dismissed') : 'open';
}

/** A period's results as the actor may see them: published rankings to all in scope, working scores to assessors only. */
export async function readAssessmentResults(
  store: ReadStore,
  tree: OrganizationTree,
  periodId: string,
  filter: UnitFilter,
  role: Role,
): Promise<AssessmentResultsView | null> {
  const period = await store.get<AssessmentPeriodDoc>(ASSESSMENT_PERIODS, periodId);
  if (!period) return null;
  const unitIds = period.unitIds.filter((u) => filter.visible(u));
  if (unitIds.length === 0) return null;
  const units = await store.find<AssessmentUnitDoc>(ASSESSMENT_UNITS, { periodId, unitId: { $in: unitIds } });
  const published = period.revision > 0;
  const seesScores = SCORE_READERS.includes(role);
  const shows = published || seesScores;
  const result = new Map(period.results.map((r) => [r.unitId, r]));
  const rows = units.map((u): AssessmentResultRow => {
    const r = result.get(u.unitId);
    return {
      unitId: u.unitId,
      name: tree.get(u.unitId)?.name ?? u.unitId,
      rank: r?.rank ?? null,
      // Before publication an assessor sees the band the working total would fall in.
      grade: r?.grade ?? (seesScores && u.total !== null ? gradeOf(period.bands, u.total) : null),
      total: shows ? (r?.total ?? u.total) : null,
      selfTotal: u.selfTotal,
      byCriterion: shows ? u.byCriterion : null,
      scored: u.total !== null,
      appeal: appealOf(u),
    };
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.total ?? -1) - (a.total ?? -1) || a.unitId.localeCompare(b.unitId));
  const { _id, results: _r, unitIds: _u, ...rest } = period;
  const grades = [...period.bands]
    .sort((a, b) => b.minScore - a.minScore)
    .map((b) => ({ ...b, count: published ? rows.filter((r) => r.rank !== null && r.grade === b.grade).length : 0 }));
  return { period: { ...rest, maxScore: maxScore(period.criteria), published, unitCount: period.unitIds.length }, rows, grades, scoresVisible: shows };
}
