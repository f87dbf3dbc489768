import { AssessmentScheme, SchemeContent } from '../assessment-scheme';

/** A township secretaries' scheme in the seed's terms: points, a pass/fail item and deductions. */
export const SECRETARY_SCHEME_CONTENT: SchemeContent = {
  title: '乡镇党委书记抓基层党建工作考核',
  criteria: [
    { criterionId: 'duty', title: '履行主体责任', rule: { kind: 'points', max: 40 } },
    { criterionId: 'report', title: '党建述职', rule: { kind: 'pass_fail', max: 20 } },
    { criterionId: 'tasks', title: '重点任务落实', rule: { kind: 'deduction', max: 40, perItem: 5 } },
  ],
  bands: [
    { grade: '一般', minScore: 0 },
    { grade: '好', minScore: 80 },
    { grade: '优秀', minScore: 90 },
  ],
  subject: { unitTypes: ['rural', 'community'], post: '乡镇党委书记' },
};

export const SECRETARY_SCHEME: AssessmentScheme = {
  schemeId: 'secretary-2025',
  version: 1,
  ...SECRETARY_SCHEME_CONTENT,
  bands: [
    { grade: '优秀', minScore: 90 },
    { grade: '好', minScore: 80 },
    { grade: '一般', minScore: 0 },
  ],
};
