import { Criterion } from '@platform/domain';
import { AssessmentResultRow } from '../assessment-results/assessment-results.reader';
import { ExportColumn } from './export-format';

const APPEAL_NAMES = { open: '申诉处理中', upheld: '申诉成立', dismissed: '申诉不成立' } as const;

/** 考核结果, one row per unit in rank order; one column per criterion of the period's scheme. */
export function assessmentColumns(criteria: readonly Criterion[]): ExportColumn<AssessmentResultRow>[] {
  return [
    { header: '排名', width: 6, value: (r) => r.rank },
    { header: '组织编码', value: (r) => r.unitId },
    { header: '组织名称', width: 24, value: (r) => r.name },
    { header: '自评分', value: (r) => r.selfTotal },
    ...criteria.map((c): ExportColumn<AssessmentResultRow> => ({ header: `${c.title}(${c.rule.max})`, width: 16, value: (r) => r.byCriterion?.[c.criterionId] ?? null })),
    { header: '总分', value: (r) => r.total },
    { header: '等次', value: (r) => r.grade },
    { header: '申诉', value: (r) => (r.appeal ? APPEAL_NAMES[r.appeal] : null) },
  ];
}
