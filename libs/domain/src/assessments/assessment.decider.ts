import { CommandContext, hasRole } from '../shared/actor';
import { assertNever, Decider } from '../shared/decider';
import { daysBetween, isIsoDate } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { checkedText } from '../shared/checked-text';
import { UNIT_ID_PATTERN, UnitType } from '../organizations/organization-types';
import { AssessmentScheme, gradeOf, Marks, scoreCriterion, scoreMarks, Scored } from './assessment-scheme';
import { AssessmentEvent, AssessmentResult } from './assessment.events';

/** What the handler knows of the units a period names: absent means no such unit. */
export type AssessedUnitFacts = Readonly<Record<string, { readonly open: boolean; readonly unitType: UnitType }>>;

export type AssessmentCommand = CommandContext &
  (
    | { type: 'OpenAssessmentPeriod'; periodId: string; title: string; from: string; to: string; scheme: AssessmentScheme | null; unitIds: string[]; units: AssessedUnitFacts }
    | { type: 'SubmitSelfAssessment'; unitId: string; marks: Marks; note: string }
    | { type: 'ScoreAssessment'; unitId: string; marks: Marks; reason: string }
    | { type: 'ModerateAssessment'; unitId: string; criterionId: string; mark: Marks[string]; reason: string }
    | { type: 'PublishAssessmentResults' }
    | { type: 'LodgeAssessmentAppeal'; unitId: string; appealId: string; reason: string }
    | { type: 'DecideAssessmentAppeal'; appealId: string; upheld: boolean; reason: string; marks: Marks | null }
  );

export interface UnitAssessment {
  readonly self: (Scored & { readonly marks: Marks }) | null;
  readonly scored: (Scored & { readonly marks: Marks }) | null;
}

export interface AssessmentState {
  readonly opened: boolean;
  readonly periodId: string;
  readonly scheme: AssessmentScheme | null;
  readonly units: Readonly<Record<string, UnitAssessment>>;
  /** 0 until results are published, then 1, 2... as appeals revise them. */
  readonly revision: number;
  readonly results: readonly AssessmentResult[];
  readonly appeals: Readonly<Record<string, { readonly unitId: string; readonly open: boolean }>>;
}

const initialState = (): AssessmentState => ({ opened: false, periodId: '', scheme: null, units: {}, revision: 0, results: [], appeals: {} });

function requireOffice(c: CommandContext, what: string): void {
  if (!hasRole(c.actor, 'office', 'admin')) refuse('role_not_allowed', `只有活动办公室可以${what} (office only)`);
}

function requireOwnUnit(c: CommandContext, unitId: string, what: string): void {
  if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', `只有本单位联络员可以${what} (operator of the unit)`);
  if (c.actor.unitId !== unitId) refuse('not_own_unit', `只能${what}本单位 (not own unit)`, { unitId });
}

function requireUnit(s: AssessmentState, unitId: string): UnitAssessment {
  const unit = s.units[unitId];
  if (!unit) refuse('unit_not_assessed', `组织 ${unitId} 不在本次考核范围 (unit not in this period)`, { unitId });
  return unit;
}

function requireUnpublished(s: AssessmentState): void {
  if (s.revision > 0) refuse('results_published', '考核结果已公布，只能通过申诉更正 (results published; appeal instead)');
}

/** Competition ranking on the total; ties keep a stable order by unit id. */
export function rankResults(scheme: AssessmentScheme, totals: Readonly<Record<string, number>>): AssessmentResult[] {
  const sorted = Object.entries(totals).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  let rank = 0;
  return sorted.map(([unitId, total], i) => {
    if (i === 0 || sorted[i - 1][1] !== total) rank = i + 1;
    return { unitId, total, grade: gradeOf(scheme.bands, total), rank };
  });
}

function totalsOf(s: AssessmentState, override: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries(Object.entries(s.units).map(([unitId, u]) => [unitId, override[unitId] ?? u.scored?.total ?? 0]));
}

function decideOpen(c: Extract<AssessmentCommand, { type: 'OpenAssessmentPeriod' }>, s: AssessmentState): AssessmentEvent[] {
  requireOffice(c, '开展考核');
  if (s.opened) refuse('period_exists', `考核 ${s.periodId} 已存在 (period exists)`);
  if (!UNIT_ID_PATTERN.test(c.periodId)) refuse('period_id_invalid', '考核编号只能包含字母、数字、- 和 _ (periodId)');
  const title = checkedText(c.title, 'title', '考核名称', { required: true });
  if (!isIsoDate(c.from) || !isIsoDate(c.to)) refuse('period_dates_invalid', '考核起止日期格式应为 YYYY-MM-DD (from, to)');
  if (daysBetween(c.from, c.to) < 0) refuse('period_dates_invalid', '考核结束日期不能早于开始日期 (to ≥ from)');
  if (!c.scheme) refuse('scheme_not_found', '考核方案不存在 (scheme not found)');
  if (!Array.isArray(c.unitIds) || c.unitIds.length === 0) refuse('units_required', '请选择考核对象 (unitIds)');
  if (new Set(c.unitIds).size !== c.unitIds.length) refuse('unit_duplicate', '考核对象重复 (unitIds repeated)');
  for (const unitId of c.unitIds) {
    const unit = c.units[unitId];
    if (!unit) refuse('unit_not_found', `组织 ${unitId} 不存在 (unit not found)`, { unitId });
    if (!unit.open) refuse('unit_closed', `组织 ${unitId} 已撤销 (unit closed)`, { unitId });
    const types = c.scheme.subject.unitTypes;
    if (types.length > 0 && !types.includes(unit.unitType)) refuse('unit_type_not_assessed', `组织 ${unitId} 的类型不在本方案考核范围 (unit type not in scheme.subject)`, { unitId });
  }
  return [
    {
      type: 'AssessmentPeriodOpened',
      data: { periodId: c.periodId, title, from: c.from.slice(0, 10), to: c.to.slice(0, 10), scheme: c.scheme, unitIds: [...c.unitIds], openedBy: c.actor.userId },
    },
  ];
}

function decide(c: AssessmentCommand, s: AssessmentState): AssessmentEvent[] {
  if (c.type === 'OpenAssessmentPeriod') return decideOpen(c, s);
  if (!s.opened || !s.scheme) refuse('period_not_found', '考核不存在 (assessment period not found)');
  const scheme = s.scheme;
  const periodId = s.periodId;
  switch (c.type) {
    case 'SubmitSelfAssessment': {
      requireOwnUnit(c, c.unitId, '自评');
      requireUnpublished(s);
      const unit = requireUnit(s, c.unitId);
      if (unit.scored) refuse('already_scored', '考核组已评分，不能再修改自评 (already scored by the assessing group)');
      const scored = scoreMarks(scheme, c.marks);
      const note = checkedText(c.note, 'note', '自评说明', { required: false, multiline: true });
      return [{ type: 'SelfAssessmentSubmitted', data: { periodId, unitId: c.unitId, marks: c.marks, ...scored, note, submittedBy: c.actor.userId } }];
    }
    case 'ScoreAssessment': {
      if (!hasRole(c.actor, 'inspector', 'office', 'admin')) refuse('role_not_allowed', '只有考核组（督导组）或活动办公室可以评分 (inspector or office)');
      requireUnpublished(s);
      const unit = requireUnit(s, c.unitId);
      const scored = scoreMarks(scheme, c.marks);
      // A first score needs no reason; changing a score does.
      const reason = checkedText(c.reason, 'reason', '改分原因', { required: unit.scored !== null, multiline: true });
      return [{ type: 'AssessmentScored', data: { periodId, unitId: c.unitId, marks: c.marks, ...scored, reason, scoredBy: c.actor.userId } }];
    }
    case 'ModerateAssessment': {
      requireOffice(c, '审核调整分数');
      requireUnpublished(s);
      const unit = requireUnit(s, c.unitId);
      if (!unit.scored) refuse('not_scored', `组织 ${c.unitId} 尚未评分 (not scored yet)`, { unitId: c.unitId });
      const criterion = scheme.criteria.find((x) => x.criterionId === c.criterionId);
      if (!criterion) refuse('mark_unknown_criterion', `考核方案没有指标 ${c.criterionId} (criterionId)`, { criterionId: c.criterionId });
      const toScore = scoreCriterion(criterion, c.mark);
      const fromScore = unit.scored.byCriterion[c.criterionId];
      if (toScore === fromScore) refuse('mark_unchanged', '分数没有变化 (score unchanged)');
      const reason = checkedText(c.reason, 'reason', '调整原因', { required: true, multiline: true });
      const marks = { ...unit.scored.marks, [c.criterionId]: c.mark };
      const scored = scoreMarks(scheme, marks);
      return [
        { type: 'AssessmentModerated', data: { periodId, unitId: c.unitId, criterionId: c.criterionId, fromScore, toScore, marks, ...scored, reason, moderatedBy: c.actor.userId } },
      ];
    }
    case 'PublishAssessmentResults': {
      requireOffice(c, '公布考核结果');
      requireUnpublished(s);
      const missing = Object.entries(s.units).filter(([, u]) => !u.scored).map(([unitId]) => unitId);
      if (missing.length > 0) refuse('units_not_scored', `还有 ${missing.length} 个单位未评分 (every unit must be scored)`, { unitIds: missing });
      return [{ type: 'AssessmentResultsPublished', data: { periodId, revision: 1, results: rankResults(scheme, totalsOf(s)), publishedBy: c.actor.userId } }];
    }
    case 'LodgeAssessmentAppeal': {
      requireOwnUnit(c, c.unitId, '申诉');
      requireUnit(s, c.unitId);
      if (s.revision === 0) refuse('results_not_published', '考核结果尚未公布 (results not published)');
      if (!UNIT_ID_PATTERN.test(c.appealId)) refuse('appeal_id_invalid', '申诉编号只能包含字母、数字、- 和 _ (appealId)');
      if (s.appeals[c.appealId]) refuse('appeal_exists', `申诉 ${c.appealId} 已存在 (appeal exists)`);
      if (Object.values(s.appeals).some((a) => a.open && a.unitId === c.unitId)) refuse('appeal_open', '本单位已有申诉正在处理 (an appeal is open)');
      const reason = checkedText(c.reason, 'reason', '申诉理由', { required: true, multiline: true });
      return [{ type: 'AssessmentAppealLodged', data: { periodId, unitId: c.unitId, appealId: c.appealId, reason, lodgedBy: c.actor.userId } }];
    }
    case 'DecideAssessmentAppeal': {
      requireOffice(c, '处理申诉');
      const appeal = s.appeals[c.appealId];
      if (!appeal) refuse('appeal_not_found', `申诉 ${c.appealId} 不存在 (appeal not found)`);
      if (!appeal.open) refuse('appeal_decided', `申诉 ${c.appealId} 已处理 (appeal already decided)`);
      if (c.upheld !== true && c.upheld !== false) refuse('upheld_invalid', '请说明申诉是否成立 (upheld is true or false)');
      const reason = checkedText(c.reason, 'reason', '处理意见', { required: true, multiline: true });
      const decided: AssessmentEvent = { type: 'AssessmentAppealDecided', data: { periodId, unitId: appeal.unitId, appealId: c.appealId, upheld: c.upheld, reason, decidedBy: c.actor.userId } };
      if (!c.upheld) {
        if (c.marks) refuse('marks_not_expected', '申诉不成立时不改分 (marks only when upheld)');
        return [decided];
      }
      if (!c.marks) refuse('marks_required', '申诉成立须给出更正后的评分 (marks required when upheld)');
      const scored = scoreMarks(scheme, c.marks);
      const before = s.units[appeal.unitId].scored;
      if (before && JSON.stringify(before.byCriterion) === JSON.stringify(scored.byCriterion)) refuse('mark_unchanged', '更正后的评分与原评分相同 (score unchanged)');
      return [
        decided,
        { type: 'AssessmentScored', data: { periodId, unitId: appeal.unitId, marks: c.marks, ...scored, reason, scoredBy: c.actor.userId } },
        {
          type: 'AssessmentResultsPublished',
          data: { periodId, revision: s.revision + 1, results: rankResults(scheme, totalsOf(s, { [appeal.unitId]: scored.total })), publishedBy: c.actor.userId },
        },
      ];
    }
    default:
      return assertNever(c);
  }
}

function withUnit(s: AssessmentState, unitId: string, change: (u: UnitAssessment) => UnitAssessment): AssessmentState {
  return { ...s, units: { ...s.units, [unitId]: change(s.units[unitId]) } };
}

function evolve(s: AssessmentState, e: AssessmentEvent): AssessmentState {
  switch (e.type) {
    case 'AssessmentPeriodOpened':
      return { ...s, opened: true, periodId: e.data.periodId, scheme: e.data.scheme, units: Object.fromEntries(e.data.unitIds.map((u) => [u, { self: null, scored: null }])) };
    case 'SelfAssessmentSubmitted': {
      const { marks, total, byCriterion } = e.data;
      return withUnit(s, e.data.unitId, (u) => ({ ...u, self: { marks, total, byCriterion } }));
    }
    case 'AssessmentScored':
    case 'AssessmentModerated': {
      const { marks, total, byCriterion } = e.data;
      return withUnit(s, e.data.unitId, (u) => ({ ...u, scored: { marks, total, byCriterion } }));
    }
    case 'AssessmentResultsPublished':
      return { ...s, revision: e.data.revision, results: e.data.results };
    case 'AssessmentAppealLodged':
      return { ...s, appeals: { ...s.appeals, [e.data.appealId]: { unitId: e.data.unitId, open: true } } };
    case 'AssessmentAppealDecided':
      return { ...s, appeals: { ...s.appeals, [e.data.appealId]: { unitId: e.data.unitId, open: false } } };
    default:
      return assertNever(e);
  }
}

export const assessmentDecider: Decider<AssessmentCommand, AssessmentState, AssessmentEvent> = { decide, evolve, initialState };
