import { CommandContext, hasRole } from '../shared/actor';
import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { checkedText } from '../shared/checked-text';
import { UNIT_ID_PATTERN, UnitType } from '../organizations/organization-types';
import { DEMONSTRATION_LEVELS, DemonstrationLevel, DemonstrationOutcome, DemonstrationPointEvent, DemonstrationStage } from './demonstration-point.events';

export type DemonstrationUnitFacts = { readonly open: boolean; readonly unitType: UnitType } | null;

export type DemonstrationPointCommand = CommandContext & { unitId: string } & (
    | { type: 'RecommendDemonstrationPoint'; year: number; level: DemonstrationLevel; reason: string; unit: DemonstrationUnitFacts }
    | { type: 'DecideDemonstrationRecommendation'; confirmed: boolean; reason: string }
    | { type: 'AssessDemonstrationPoint'; year: number; passed: boolean; score: number | null; periodId: string | null; note: string; reviewEveryYears: number | null }
  );

export interface DemonstrationHistoryEntry {
  readonly cycle: number;
  readonly year: number;
  readonly stage: DemonstrationStage;
}

export interface DemonstrationPointState {
  readonly stage: DemonstrationStage;
  /** 1 for the first recommendation; a point eliminated and recommended again starts cycle 2 (优进劣出). */
  readonly cycle: number;
  readonly level: DemonstrationLevel | null;
  readonly recommendedYear: number | null;
  readonly lastAssessedYear: number | null;
  readonly reviewEveryYears: number | null;
  readonly history: readonly DemonstrationHistoryEntry[];
}

const initialState = (): DemonstrationPointState => ({
  stage: 'none',
  cycle: 0,
  level: null,
  recommendedYear: null,
  lastAssessedYear: null,
  reviewEveryYears: null,
  history: [],
});

const isYear = (y: unknown): y is number => Number.isInteger(y) && (y as number) >= 2000 && (y as number) <= 2100;

/** Which stage an assessment result leads to from where the point stands. */
function outcomeOf(stage: DemonstrationStage, passed: boolean): DemonstrationOutcome {
  if (!passed) return 'eliminated';
  if (stage === 'creating') return 'named';
  if (stage === 'named') return 'improving';
  return 'kept';
}

const STAGE_AFTER: Record<DemonstrationOutcome, DemonstrationStage> = { named: 'named', improving: 'improving', kept: 'improving', eliminated: 'eliminated' };

function decideAssessment(c: Extract<DemonstrationPointCommand, { type: 'AssessDemonstrationPoint' }>, s: DemonstrationPointState): DemonstrationPointEvent[] {
  if (!hasRole(c.actor, 'office', 'inspector', 'admin')) refuse('role_not_allowed', '只有组织部门（活动办公室）或考评组可以考评示范点 (office or inspector)');
  if (!['creating', 'named', 'improving'].includes(s.stage)) refuse('not_under_assessment', `该单位目前${s.stage === 'recommended' ? '尚未确定为创建单位' : '不在示范点考评中'} (not a creating unit or demonstration point)`, { stage: s.stage });
  if (!isYear(c.year)) refuse('year_invalid', '考评年度无效 (year)');
  if (c.passed !== true && c.passed !== false) refuse('passed_invalid', '请说明考评是否合格 (passed is true or false)');
  const last = s.lastAssessedYear ?? (s.recommendedYear as number) - 1;
  if (c.year <= last) refuse('year_already_assessed', `${c.year} 年度已考评或早于上次考评 (one assessment per year, in order)`, { lastAssessedYear: s.lastAssessedYear });
  // Year one and year two follow each other; only the review after them may wait a year (一年或两年一考核).
  if (s.stage === 'named' && c.year !== last + 1) refuse('year_not_next', `第二年考评应为 ${last + 1} 年度 (year two follows year one)`, { expected: last + 1 });
  if (s.stage === 'improving' && s.reviewEveryYears && c.year < last + s.reviewEveryYears) {
    refuse('review_not_due', `下次年检年审在 ${last + s.reviewEveryYears} 年度 (review not due)`, { due: last + s.reviewEveryYears });
  }
  if (c.score !== null && (typeof c.score !== 'number' || !Number.isFinite(c.score) || c.score < 0)) refuse('score_invalid', '考评得分须为非负数 (score ≥ 0)');
  if (c.periodId !== null && !UNIT_ID_PATTERN.test(c.periodId)) refuse('period_id_invalid', '考核编号无效 (periodId)');
  const outcome = outcomeOf(s.stage, c.passed);
  let reviewEveryYears: number | null = null;
  if (outcome === 'improving' || outcome === 'kept') {
    reviewEveryYears = c.reviewEveryYears ?? s.reviewEveryYears ?? 1;
    if (reviewEveryYears !== 1 && reviewEveryYears !== 2) refuse('review_interval_invalid', '年检年审周期为一年或两年 (reviewEveryYears is 1 or 2)');
  } else if (c.reviewEveryYears !== null && c.reviewEveryYears !== undefined) {
    refuse('review_interval_not_expected', '只有进入全面建设提高阶段的示范点设年检年审周期 (reviewEveryYears)');
  }
  const note = checkedText(c.note, 'note', '考评意见', { required: !c.passed, multiline: true });
  return [
    {
      type: 'DemonstrationPointAssessed',
      data: {
        unitId: c.unitId,
        cycle: s.cycle,
        year: c.year,
        passed: c.passed,
        score: c.score,
        periodId: c.periodId,
        note,
        from: s.stage,
        outcome,
        reviewEveryYears,
        assessedBy: c.actor.userId,
      },
    },
  ];
}

function decide(c: DemonstrationPointCommand, s: DemonstrationPointState): DemonstrationPointEvent[] {
  switch (c.type) {
    case 'RecommendDemonstrationPoint': {
      if (!hasRole(c.actor, 'office', 'admin')) refuse('role_not_allowed', '只有组织部门（活动办公室）可以推荐示范点 (office only)');
      if (!c.unit) refuse('unit_not_found', `组织 ${c.unitId} 不存在 (unit not found)`, { unitId: c.unitId });
      if (!c.unit.open) refuse('unit_closed', `组织 ${c.unitId} 已撤销 (unit closed)`, { unitId: c.unitId });
      if (!['none', 'declined', 'eliminated'].includes(s.stage)) refuse('already_in_programme', `该单位已是${s.stage === 'recommended' ? '推荐对象' : '创建单位或示范点'} (already recommended)`, { stage: s.stage });
      if (!isYear(c.year)) refuse('year_invalid', '推荐年度无效 (year)');
      const since = s.history[s.history.length - 1]?.year;
      // A point eliminated may come back, but not in the year it went out (优进劣出).
      if (since !== undefined && c.year <= since) refuse('year_invalid', `再次推荐须在 ${since} 年度之后 (year after the last decision)`, { after: since });
      if (!DEMONSTRATION_LEVELS.includes(c.level)) refuse('level_invalid', '示范点级别应为 city 或 county (level)');
      const reason = checkedText(c.reason, 'reason', '推荐理由', { required: true, multiline: true });
      return [
        {
          type: 'DemonstrationPointRecommended',
          data: { unitId: c.unitId, cycle: s.cycle + 1, year: c.year, level: c.level, pointType: c.unit.unitType, reason, recommendedBy: c.actor.userId },
        },
      ];
    }
    case 'DecideDemonstrationRecommendation': {
      if (!hasRole(c.actor, 'office', 'admin')) refuse('role_not_allowed', '只有组织部门（活动办公室）可以确定创建单位 (office only)');
      if (s.stage !== 'recommended') refuse('not_recommended', '该单位不是待确定的推荐对象 (no recommendation to decide)', { stage: s.stage });
      if (c.confirmed !== true && c.confirmed !== false) refuse('confirmed_invalid', '请说明是否确定为创建单位 (confirmed is true or false)');
      const reason = checkedText(c.reason, 'reason', '理由', { required: !c.confirmed, multiline: true });
      return [{ type: 'DemonstrationRecommendationDecided', data: { unitId: c.unitId, cycle: s.cycle, confirmed: c.confirmed, reason, decidedBy: c.actor.userId } }];
    }
    case 'AssessDemonstrationPoint':
      return decideAssessment(c, s);
    default:
      return assertNever(c);
  }
}

function evolve(s: DemonstrationPointState, e: DemonstrationPointEvent): DemonstrationPointState {
  switch (e.type) {
    case 'DemonstrationPointRecommended':
      return {
        ...s,
        stage: 'recommended',
        cycle: e.data.cycle,
        level: e.data.level,
        recommendedYear: e.data.year,
        lastAssessedYear: null,
        reviewEveryYears: null,
        history: [...s.history, { cycle: e.data.cycle, year: e.data.year, stage: 'recommended' }],
      };
    case 'DemonstrationRecommendationDecided': {
      const stage = e.data.confirmed ? 'creating' : 'declined';
      return { ...s, stage, history: [...s.history, { cycle: e.data.cycle, year: s.recommendedYear as number, stage }] };
    }
    case 'DemonstrationPointAssessed': {
      const stage = STAGE_AFTER[e.data.outcome];
      return {
        ...s,
        stage,
        lastAssessedYear: e.data.year,
        reviewEveryYears: e.data.reviewEveryYears,
        history: [...s.history, { cycle: e.data.cycle, year: e.data.year, stage }],
      };
    }
    default:
      return assertNever(e);
  }
}

export const demonstrationPointDecider: Decider<DemonstrationPointCommand, DemonstrationPointState, DemonstrationPointEvent> = { decide, evolve, initialState };
