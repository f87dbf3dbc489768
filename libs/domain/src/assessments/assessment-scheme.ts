import { refuse } from '../shared/domain-error';
import { checkedText } from '../shared/checked-text';
import { UNIT_ID_PATTERN, UNIT_TYPES, UnitType } from '../organizations/organization-types';

/**
 * How one criterion is scored (考核细则): points given up to a maximum, all-or-nothing pass/fail,
 * or a maximum less a deduction per shortcoming found (扣分), never below zero.
 */
export type ScoringRule =
  | { readonly kind: 'points'; readonly max: number }
  | { readonly kind: 'pass_fail'; readonly max: number }
  | { readonly kind: 'deduction'; readonly max: number; readonly perItem: number };

export interface Criterion {
  readonly criterionId: string;
  readonly title: string;
  readonly rule: ScoringRule;
}

/** A grade given to totals at or above `minScore` (e.g. 优秀 ≥ 90). */
export interface GradeBand {
  readonly grade: string;
  readonly minScore: number;
}

/** Whom a scheme assesses: units of some types, or the holders of a post in them (村党支部书记). */
export interface SchemeSubject {
  readonly unitTypes: readonly UnitType[];
  readonly post: string | null;
}

export interface SchemeContent {
  readonly title: string;
  readonly criteria: readonly Criterion[];
  readonly bands: readonly GradeBand[];
  readonly subject: SchemeSubject;
}

export interface AssessmentScheme extends SchemeContent {
  readonly schemeId: string;
  readonly version: number;
}

/** The assessor's finding on one criterion, in the shape its rule asks for. */
export type Mark = { readonly points: number } | { readonly passed: boolean } | { readonly items: number };
export type Marks = Readonly<Record<string, Mark>>;

const isScore = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && Math.round(n * 10) === n * 10;

function checkRule(rule: ScoringRule, criterionId: string): ScoringRule {
  const where = { criterionId };
  if (!rule || !['points', 'pass_fail', 'deduction'].includes(rule.kind)) refuse('rule_invalid', '评分方式应为 points、pass_fail 或 deduction (criteria[].rule.kind)', where);
  if (!isScore(rule.max) || rule.max <= 0) refuse('rule_max_invalid', '每项分值须为正数，最多一位小数 (criteria[].rule.max > 0)', where);
  if (rule.kind === 'deduction') {
    if (!isScore(rule.perItem) || rule.perItem <= 0 || rule.perItem > rule.max) refuse('rule_per_item_invalid', '每处扣分须大于 0 且不超过该项分值 (criteria[].rule.perItem)', where);
    return { kind: 'deduction', max: rule.max, perItem: rule.perItem };
  }
  return { kind: rule.kind, max: rule.max };
}

/** A scheme is data the office writes; every rule it breaks is refused by name before it is used. */
export function checkSchemeContent(content: SchemeContent): SchemeContent {
  const title = checkedText(content.title, 'title', '考核方案名称', { required: true });
  if (!Array.isArray(content.criteria) || content.criteria.length === 0) refuse('criteria_required', '请至少设一项考核指标 (criteria)');
  if (content.criteria.length > 200) refuse('criteria_too_many', '考核指标不能超过 200 项 (criteria ≤ 200)');
  const ids = new Set<string>();
  const criteria = content.criteria.map((c) => {
    if (!UNIT_ID_PATTERN.test(c.criterionId)) refuse('criterion_id_invalid', '指标编号只能包含字母、数字、- 和 _ (criteria[].criterionId)', { criterionId: c.criterionId });
    if (ids.has(c.criterionId)) refuse('criterion_duplicate', `指标 ${c.criterionId} 重复 (criteria[].criterionId repeated)`, { criterionId: c.criterionId });
    ids.add(c.criterionId);
    return { criterionId: c.criterionId, title: checkedText(c.title, 'criterion_title', '指标名称', { required: true }), rule: checkRule(c.rule, c.criterionId) };
  });
  const full = maxScore(criteria);
  if (!Array.isArray(content.bands) || content.bands.length === 0) refuse('bands_required', '请设置等次 (bands)');
  const bands = [...content.bands]
    .map((b) => {
      const grade = checkedText(b.grade, 'band_grade', '等次名称', { required: true });
      if (!isScore(b.minScore) || b.minScore > full) refuse('band_min_invalid', `等次分数线须在 0 到满分 ${full} 之间 (bands[].minScore)`, { grade });
      return { grade, minScore: b.minScore };
    })
    .sort((a, b) => b.minScore - a.minScore);
  if (new Set(bands.map((b) => b.minScore)).size !== bands.length) refuse('band_duplicate', '两个等次的分数线相同 (bands[].minScore repeated)');
  if (new Set(bands.map((b) => b.grade)).size !== bands.length) refuse('band_duplicate', '等次名称重复 (bands[].grade repeated)');
  // Every total must land in a band, or a published result would have no grade.
  if (bands[bands.length - 1].minScore !== 0) refuse('bands_incomplete', '最低等次的分数线须为 0 (the lowest band starts at 0)');
  const subject = content.subject ?? { unitTypes: [], post: null };
  if (!Array.isArray(subject.unitTypes) || subject.unitTypes.some((t) => !UNIT_TYPES.includes(t))) {
    refuse('subject_unit_type_invalid', `考核对象类型应为 ${UNIT_TYPES.join('、')} (subject.unitTypes)`);
  }
  const post = subject.post === null || subject.post === undefined ? null : checkedText(subject.post, 'subject_post', '考核对象职务', { required: true });
  return { title, criteria, bands, subject: { unitTypes: [...subject.unitTypes], post } };
}

export function maxScore(criteria: readonly Criterion[]): number {
  return round1(criteria.reduce((n, c) => n + c.rule.max, 0));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreCriterion(criterion: Criterion, mark: Mark | undefined): number {
  const { rule, criterionId } = criterion;
  const where = { criterionId };
  if (!mark) refuse('mark_missing', `指标 ${criterionId} 未评分 (marks.${criterionId} is required)`, where);
  switch (rule.kind) {
    case 'points': {
      const points = (mark as { points?: unknown }).points;
      if (!isScore(points) || points > rule.max) refuse('mark_invalid', `指标 ${criterionId} 得分须在 0 到 ${rule.max} 之间 (marks.${criterionId}.points)`, where);
      return points;
    }
    case 'pass_fail': {
      const passed = (mark as { passed?: unknown }).passed;
      if (passed !== true && passed !== false) refuse('mark_invalid', `指标 ${criterionId} 须评定是否达标 (marks.${criterionId}.passed)`, where);
      return passed ? rule.max : 0;
    }
    case 'deduction': {
      const items = (mark as { items?: unknown }).items;
      if (!Number.isInteger(items) || (items as number) < 0) refuse('mark_invalid', `指标 ${criterionId} 扣分项数须为非负整数 (marks.${criterionId}.items)`, where);
      return round1(Math.max(0, rule.max - rule.perItem * (items as number)));
    }
  }
}

export interface Scored {
  readonly total: number;
  readonly byCriterion: Readonly<Record<string, number>>;
}

/** Scores every criterion of the scheme; a mark for a criterion the scheme lacks is refused, not ignored. */
export function scoreMarks(scheme: Pick<SchemeContent, 'criteria'>, marks: Marks): Scored {
  const known = new Set(scheme.criteria.map((c) => c.criterionId));
  const stray = Object.keys(marks ?? {}).find((id) => !known.has(id));
  if (stray) refuse('mark_unknown_criterion', `考核方案没有指标 ${stray} (marks.${stray})`, { criterionId: stray });
  const byCriterion = Object.fromEntries(scheme.criteria.map((c) => [c.criterionId, scoreCriterion(c, marks?.[c.criterionId])]));
  return { total: round1(Object.values(byCriterion).reduce((n, v) => n + v, 0)), byCriterion };
}

export function gradeOf(bands: readonly GradeBand[], total: number): string {
  return [...bands].sort((a, b) => b.minScore - a.minScore).find((b) => total >= b.minScore)?.grade ?? bands[bands.length - 1].grade;
}
