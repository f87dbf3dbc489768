import { refuse } from '../shared/domain-error';
import { AssessmentState } from '../assessments/assessment.decider';

export interface StandardFinding {
  readonly passed: boolean;
  readonly score: number;
}

/**
 * The creation standards (创建标准) are an assessment scheme per unit type; a point's yearly
 * assessment may cite the period that applied them. Its published total is the score, and only
 * the lowest grade band — the one starting at 0 — fails the standard.
 */
export function findingOfPeriod(period: AssessmentState, unitId: string): StandardFinding {
  if (!period.opened || !period.scheme) refuse('period_not_found', '考核不存在 (assessment period not found)');
  if (period.revision === 0) refuse('results_not_published', '该期考核结果尚未公布 (results not published)');
  const result = period.results.find((r) => r.unitId === unitId);
  if (!result) refuse('unit_not_assessed', `组织 ${unitId} 不在该期考核范围 (unit not in this period)`, { unitId });
  const lowest = [...period.scheme.bands].sort((a, b) => a.minScore - b.minScore)[0];
  return { passed: result.grade !== lowest.grade, score: result.total };
}
