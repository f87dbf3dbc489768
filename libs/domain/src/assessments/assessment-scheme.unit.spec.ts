import { Actor } from '../shared/actor';
import { DomainRuleError } from '../shared/domain-error';
import { specify } from '../testing/decider-specification';
import { SECRETARY_SCHEME, SECRETARY_SCHEME_CONTENT } from './testing/scheme-fixtures';
import { checkSchemeContent, gradeOf, SchemeContent, scoreMarks } from './assessment-scheme';
import { AssessmentSchemeCommand, assessmentSchemeDecider, AssessmentSchemePublished } from './assessment-scheme.decider';

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainRuleError) return e.code;
    throw e;
  }
  return 'accepted';
};

const withCriteria = (criteria: unknown): SchemeContent => ({ ...SECRETARY_SCHEME_CONTENT, criteria }) as SchemeContent;

describe('an assessment scheme is data (考核方案)', () => {
  it('accepts the scheme and orders its bands from the top', () => {
    expect(checkSchemeContent(SECRETARY_SCHEME_CONTENT).bands.map((b) => b.grade)).toEqual(['优秀', '好', '一般']);
  });

  it.each([
    ['title_required', { ...SECRETARY_SCHEME_CONTENT, title: ' ' }],
    ['criteria_required', withCriteria([])],
    ['criterion_duplicate', withCriteria([SECRETARY_SCHEME_CONTENT.criteria[0], SECRETARY_SCHEME_CONTENT.criteria[0]])],
    ['criterion_id_invalid', withCriteria([{ criterionId: 'a b', title: 't', rule: { kind: 'points', max: 1 } }])],
    ['rule_invalid', withCriteria([{ criterionId: 'a', title: 't', rule: { kind: 'vote', max: 1 } }])],
    ['rule_max_invalid', withCriteria([{ criterionId: 'a', title: 't', rule: { kind: 'points', max: 0 } }])],
    ['rule_per_item_invalid', withCriteria([{ criterionId: 'a', title: 't', rule: { kind: 'deduction', max: 5, perItem: 6 } }])],
    ['bands_required', { ...SECRETARY_SCHEME_CONTENT, bands: [] }],
    ['bands_incomplete', { ...SECRETARY_SCHEME_CONTENT, bands: [{ grade: '优秀', minScore: 90 }] }],
    ['band_min_invalid', { ...SECRETARY_SCHEME_CONTENT, bands: [{ grade: '优秀', minScore: 101 }, { grade: '一般', minScore: 0 }] }],
    ['band_duplicate', { ...SECRETARY_SCHEME_CONTENT, bands: [{ grade: '优秀', minScore: 0 }, { grade: '好', minScore: 0 }] }],
    ['subject_unit_type_invalid', { ...SECRETARY_SCHEME_CONTENT, subject: { unitTypes: ['farm'], post: null } }],
  ] as const)('refuses with %s', (code, content) => expect(refusal(() => checkSchemeContent(content as SchemeContent))).toBe(code));

  it('scores points, pass/fail and deductions, never below zero', () => {
    expect(scoreMarks(SECRETARY_SCHEME, { duty: { points: 36.5 }, report: { passed: true }, tasks: { items: 2 } })).toEqual({
      total: 86.5,
      byCriterion: { duty: 36.5, report: 20, tasks: 30 },
    });
    expect(scoreMarks(SECRETARY_SCHEME, { duty: { points: 0 }, report: { passed: false }, tasks: { items: 99 } }).total).toBe(0);
  });

  it.each([
    ['mark_missing', { duty: { points: 1 }, report: { passed: true } }],
    ['mark_invalid', { duty: { points: 41 }, report: { passed: true }, tasks: { items: 0 } }],
    ['mark_invalid', { duty: { points: 1.25 }, report: { passed: true }, tasks: { items: 0 } }],
    ['mark_invalid', { duty: { points: 1 }, report: { passed: 'yes' }, tasks: { items: 0 } }],
    ['mark_invalid', { duty: { points: 1 }, report: { passed: true }, tasks: { items: -1 } }],
    ['mark_unknown_criterion', { duty: { points: 1 }, report: { passed: true }, tasks: { items: 0 }, extra: { points: 1 } }],
  ] as const)('refuses marks with %s', (code, marks) => expect(refusal(() => scoreMarks(SECRETARY_SCHEME, marks as never))).toBe(code));

  it('grades a total by the highest band it reaches', () => {
    expect([95, 90, 89.9, 80, 0].map((t) => gradeOf(SECRETARY_SCHEME.bands, t))).toEqual(['优秀', '优秀', '好', '好', '一般']);
  });
});

describe('publishing a scheme keeps every version', () => {
  const spec = specify(assessmentSchemeDecider);
  const office: Actor = { userId: 'office-1', role: 'office', unitId: 'city' };
  const publish = (content: SchemeContent = SECRETARY_SCHEME_CONTENT, reason = '', actor: Actor = office): AssessmentSchemeCommand => ({
    type: 'PublishAssessmentScheme',
    actor,
    at: '2025-01-05T00:00:00.000Z',
    schemeId: 'secretary-2025',
    content,
    reason,
  });
  const published = (version: number, content: SchemeContent, reason = ''): AssessmentSchemePublished => ({
    type: 'AssessmentSchemePublished',
    data: { schemeId: 'secretary-2025', version, ...checkSchemeContent(content), reason, publishedBy: 'office-1' },
  });
  const revised: SchemeContent = { ...SECRETARY_SCHEME_CONTENT, title: '乡镇党委书记抓基层党建工作考核（修订）' };

  it('publishes version 1, then a revision with its reason as version 2', () => {
    spec.given([]).when(publish()).then([published(1, SECRETARY_SCHEME_CONTENT)]);
    spec.given([published(1, SECRETARY_SCHEME_CONTENT)]).when(publish(revised, '增加述职评议')).then([published(2, revised, '增加述职评议')]);
  });

  it.each([
    ['scheme_unchanged', publish(SECRETARY_SCHEME_CONTENT, '再发一次')],
    ['reason_required', publish(revised)],
    ['role_not_allowed', publish(revised, 'x', { userId: 'i', role: 'inspector', unitId: 'g' })],
  ] as const)('refuses with %s', (code, cmd) => spec.given([published(1, SECRETARY_SCHEME_CONTENT)]).when(cmd).thenRefused(code));

  it.each([
    ['scheme_id_invalid', { ...publish(), schemeId: '考核 方案' }],
    ['criteria_too_many', publish({ ...SECRETARY_SCHEME_CONTENT, criteria: Array.from({ length: 201 }, (_, i) => ({ criterionId: `c${i}`, title: `指标${i}`, rule: { kind: 'points' as const, max: 1 } })) })],
  ] as const)('refuses a first publication with %s', (code, cmd) => spec.given([]).when(cmd).thenRefused(code));
});
