import { UNIT_TYPE_NAMES, UNIT_TYPES, UnitType } from '@platform/domain';
import { Calendar, MINUTE } from './calendar';
import { CityPlan, PlannedUnit } from './city-plan';
import { DemoMarks, DemoOp, PublishSchemeBody } from './operations';
import { DemoPeople } from './people';
import { Rng, rngFor } from './random';

/**
 * 考核 and 示范点 in the demo city: last year's assessment of the township party secretaries
 * (self-assessed, scored by the supervision groups, one score moderated, published, one appeal
 * upheld) and demonstration points in every stage of seed 000's life — recommended, declined,
 * creating, named, 全面建设提高 and one eliminated — assessed each year against the creation
 * standards, one scheme per unit type. Earlier years' steps are recorded as history at the start
 * of the timeline; this year's as they happen.
 */
export interface AssessmentScenarioContext {
  readonly seed: number;
  readonly plan: CityPlan;
  readonly people: DemoPeople;
  readonly cal: Calendar;
  emit(at: number, by: string, op: DemoOp): void;
}

const SECRETARY_SCHEME: PublishSchemeBody = {
  schemeId: 'township-secretary',
  title: '乡镇党委书记抓基层党建工作考核',
  criteria: [
    { criterionId: 'duty', title: '履行第一责任人职责', rule: { kind: 'points', max: 30 } },
    { criterionId: 'report', title: '党建工作述职', rule: { kind: 'pass_fail', max: 10 } },
    { criterionId: 'organization', title: '基层组织建设', rule: { kind: 'points', max: 25 } },
    { criterionId: 'tasks', title: '重点任务落实', rule: { kind: 'deduction', max: 20, perItem: 4 } },
    { criterionId: 'masses', title: '群众满意度', rule: { kind: 'points', max: 15 } },
  ],
  bands: [
    { grade: '优秀', minScore: 90 },
    { grade: '良好', minScore: 80 },
    { grade: '一般', minScore: 60 },
    { grade: '较差', minScore: 0 },
  ],
  // Townships and streets alike: the post is what is assessed.
  subject: { unitTypes: [], post: '乡镇党委书记（街道党工委书记）' },
};

/** The five conditions of seed 000 (班子、队伍、业绩、机制、作风), weighted per unit type. */
function standardScheme(unitType: UnitType, typeName: string, weights: [number, number, number]): PublishSchemeBody {
  const [team, members, results] = weights;
  return {
    schemeId: `standard-${unitType}`,
    title: `${typeName}基层党建示范点创建标准`,
    criteria: [
      { criterionId: 'team', title: '领导班子坚强有力', rule: { kind: 'points', max: team } },
      { criterionId: 'members', title: '党员干部队伍素质好', rule: { kind: 'points', max: members } },
      { criterionId: 'results', title: '工作业绩突出', rule: { kind: 'points', max: results } },
      { criterionId: 'mechanism', title: '运行机制健全', rule: { kind: 'pass_fail', max: 15 } },
      { criterionId: 'style', title: '工作作风扎实', rule: { kind: 'deduction', max: 15, perItem: 3 } },
    ],
    bands: [
      { grade: '达标', minScore: 85 },
      { grade: '基本达标', minScore: 70 },
      { grade: '不达标', minScore: 0 },
    ],
    subject: { unitTypes: [unitType] },
  };
}

/** 领导班子、党员队伍、工作业绩 weigh differently by type: results count most where the party organizes the economy or services. */
const STANDARD_WEIGHTS: Record<UnitType, [number, number, number]> = {
  rural: [25, 20, 25],
  community: [20, 20, 30],
  agency: [30, 25, 15],
  school: [25, 25, 20],
  enterprise: [20, 20, 30],
  new_social: [25, 20, 25],
  intermediary: [25, 20, 25],
  social_group: [25, 20, 25],
};

const STANDARDS = Object.fromEntries(UNIT_TYPES.map((type) => [type, standardScheme(type, UNIT_TYPE_NAMES[type], STANDARD_WEIGHTS[type])])) as Record<UnitType, PublishSchemeBody>;

type Quality = 'good' | 'fair' | 'poor';

/** Marks of a scheme for a unit of this quality: good lands in the top band, poor in the bottom one. */
function marksFor(scheme: PublishSchemeBody, quality: Quality, rng: Rng): DemoMarks {
  const share = quality === 'good' ? [0.9, 1] : quality === 'fair' ? [0.7, 0.85] : [0.3, 0.5];
  return Object.fromEntries(
    scheme.criteria.map((c) => {
      const { kind, max, perItem = 1 } = c.rule;
      if (kind === 'pass_fail') return [c.criterionId, { passed: quality !== 'poor' }];
      if (kind === 'deduction') return [c.criterionId, { items: quality === 'good' ? rng.int(0, 1) : quality === 'fair' ? rng.int(1, 2) : Math.ceil(max / perItem) - 1 }];
      return [c.criterionId, { points: Math.round(rng.float(share[0], share[1]) * max) }];
    }),
  );
}

export function planAssessments(ctx: AssessmentScenarioContext): void {
  const { plan, people, cal } = ctx;
  const rng = rngFor(ctx.seed, 'assessments');
  const office = people.office[0];
  const year = Number(cal.dateOfDay(0).slice(0, 4));
  const groupOf = (u: PlannedUnit) => people.supervisionGroupOf.get(u.countyId!)!.userId;
  const operatorOf = (u: PlannedUnit) => people.operatorOf.get(u.unitId)!;
  let t = cal.at(-200, 9, 10);
  const next = (minutes = rng.int(3, 40)) => (t += minutes * MINUTE);
  // Work days only, and never before the step just scheduled (a weekend moves a day onto the next one).
  const day = (d: number) => (t = Math.max(t + MINUTE, cal.workTime(cal.at(d, 12), rng)));

  next();
  ctx.emit(t, office, { type: 'PublishAssessmentScheme', body: SECRETARY_SCHEME });
  for (const type of UNIT_TYPES) ctx.emit(next(), office, { type: 'PublishAssessmentScheme', body: STANDARDS[type] });

  // ------------------------------------------------ demonstration points, recorded from two years back
  // Seven grassroots organizations of any type, each assessed against its own type's standards.
  const pool = rng.shuffle(plan.grassroots.filter((u) => people.operatorOf.has(u.unitId)));
  if (pool.length < 7) return;
  const [a, b, c, d, e, f, g] = pool;
  const standardOf = (u: PlannedUnit) => STANDARDS[u.unitType];

  const recommend = (u: PlannedUnit, y: number, level: 'city' | 'county', at: number) =>
    ctx.emit(at, office, { type: 'RecommendDemonstrationPoint', unitId: u.unitId, body: { year: y, level, reason: `${u.name}班子团结、阵地规范、特色鲜明，推荐为${y}年度示范点创建单位` } });
  const confirm = (u: PlannedUnit, at: number, confirmed = true) =>
    ctx.emit(at, office, { type: 'DecideDemonstrationRecommendation', unitId: u.unitId, body: confirmed ? { confirmed } : { confirmed, reason: '党员队伍结构老化，创建基础尚不具备，暂不确定' } });
  /** One year's standards assessment of these points: a period per unit type, scored by the groups and published. */
  const standardsYear = (y: number, points: [PlannedUnit, Quality][]): Map<string, string> => {
    const periodOf = new Map<string, string>();
    const byScheme = new Map<PublishSchemeBody, [PlannedUnit, Quality][]>();
    for (const p of points) byScheme.set(standardOf(p[0]), [...(byScheme.get(standardOf(p[0])) ?? []), p]);
    for (const [scheme, members] of byScheme) {
      const periodId = `${scheme.schemeId}-${y}`;
      ctx.emit(next(), office, {
        type: 'OpenAssessmentPeriod',
        body: { periodId, title: `${y}年度${scheme.title.replace('创建标准', '')}考评`, schemeId: scheme.schemeId, from: `${y}-01-01`, to: `${y}-12-31`, unitIds: members.map(([u]) => u.unitId) },
      });
      for (const [u, quality] of members) {
        ctx.emit(next(), operatorOf(u), { type: 'SubmitSelfAssessment', periodId, unitId: u.unitId, body: { marks: marksFor(scheme, 'good', rng), note: '按创建标准逐项自查' } });
        ctx.emit(next(), groupOf(u), { type: 'ScoreAssessment', periodId, unitId: u.unitId, body: { marks: marksFor(scheme, quality, rng) } });
        periodOf.set(u.unitId, periodId);
      }
      ctx.emit(next(), office, { type: 'PublishAssessmentResults', periodId, body: {} });
    }
    return periodOf;
  };
  const assess = (u: PlannedUnit, y: number, periodId: string, failed = false, reviewEveryYears?: number) =>
    ctx.emit(next(), groupOf(u), {
      type: 'AssessDemonstrationPoint',
      unitId: u.unitId,
      body: { year: y, periodId, ...(failed ? { note: '组织生活不规范，制度执行不到位，未达到创建标准，予以淘汰' } : {}), ...(reviewEveryYears ? { reviewEveryYears } : {}) },
    });

  day(-198);
  for (const u of [a, b, c, d]) recommend(u, year - 2, 'city', next());
  day(-197);
  for (const u of [a, b, c]) confirm(u, next());
  confirm(d, next(), false);

  // Year one: all pass and are named.
  day(-196);
  const first = standardsYear(year - 2, [[a, 'good'], [b, 'fair'], [c, 'good']]);
  for (const u of [a, b, c]) assess(u, year - 2, first.get(u.unitId)!);

  // A second cohort a year later, and year two of the first: one rises to 全面建设提高, one is eliminated.
  day(-190);
  recommend(e, year - 1, 'county', next());
  confirm(e, next());
  day(-189);
  const second = standardsYear(year - 1, [[a, 'good'], [b, 'poor'], [e, 'fair'], [c, 'good']]);
  assess(a, year - 1, second.get(a.unitId)!, false, 2);
  assess(b, year - 1, second.get(b.unitId)!, true);
  assess(e, year - 1, second.get(e.unitId)!);
  assess(c, year - 1, second.get(c.unitId)!, false, 1);

  /** Last year's assessment of the township party secretaries: self-assessed, scored, moderated, published, appealed. */
  function secretaries(townships: PlannedUnit[]): void {
    const periodId = `township-secretary-${year - 1}`;
    day(-150);
    ctx.emit(next(), office, {
      type: 'OpenAssessmentPeriod',
      body: { periodId, title: `${year - 1}年度乡镇党委书记抓基层党建工作考核`, schemeId: SECRETARY_SCHEME.schemeId, from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, unitIds: townships.map((u) => u.unitId) },
    });
    const qualities: Quality[] = townships.map((_, i) => (i <= 1 ? 'fair' : rng.weighted({ good: 3, fair: 5, poor: 1 })));
    day(-145);
    townships.forEach((u) => ctx.emit(next(rng.int(20, 180)), operatorOf(u), { type: 'SubmitSelfAssessment', periodId, unitId: u.unitId, body: { marks: marksFor(SECRETARY_SCHEME, 'good', rng), note: '对照考核细则逐项自评' } }));
    day(-138);
    const scored = townships.map((u, i) => {
      const marks = marksFor(SECRETARY_SCHEME, qualities[i], rng);
      // The first township's 述职 was missing when the group scored; the office corrects it below.
      if (i === 0) marks.report = { passed: false };
      ctx.emit(next(rng.int(20, 120)), groupOf(u), { type: 'ScoreAssessment', periodId, unitId: u.unitId, body: { marks } });
      return marks;
    });
    day(-130);
    ctx.emit(next(), office, {
      type: 'ModerateAssessment',
      periodId,
      unitId: townships[0].unitId,
      body: { criterionId: 'report', mark: { passed: true }, reason: '述职报告已于考核期内报送，补录后认定达标' },
    });
    day(-128);
    ctx.emit(next(), office, { type: 'PublishAssessmentResults', periodId, body: {} });
    // The second township (the first, in a city of one) appeals one deduction; the office finds it right and publishes the next revision.
    const who = townships.length > 1 ? 1 : 0;
    const appellant = townships[who];
    const current: DemoMarks = who === 0 ? { ...scored[0], report: { passed: true } } : scored[who];
    const tasks = (current.tasks as { items: number }).items;
    day(-122);
    ctx.emit(next(), operatorOf(appellant), { type: 'LodgeAssessmentAppeal', periodId, unitId: appellant.unitId, body: { appealId: 'appeal-1', reason: '重点任务中“软弱涣散党组织整顿”已于 12 月完成验收，佐证材料已补报' } });
    day(-115);
    ctx.emit(next(), office, {
      type: 'DecideAssessmentAppeal',
      periodId,
      appealId: 'appeal-1',
      body:
        tasks > 0
          ? { upheld: true, reason: '经核实，整顿任务已按期完成，撤销一处扣分', marks: { ...current, tasks: { items: tasks - 1 } } }
          : { upheld: false, reason: '经核实，原评分无误，维持原结果' },
    });
  }

  // ------------------------------------------------ last year's assessment of the township party secretaries
  const townships = plan.townships.filter((u) => people.operatorOf.has(u.unitId)).slice(0, 8);
  if (townships.length > 0) secretaries(townships);

  // This year: new recommendations, one confirmed, one awaiting the decision; the yearly 年检 of a point.
  day(-60);
  recommend(f, year, 'county', next());
  recommend(g, year, 'county', next());
  day(-52);
  confirm(f, next());
  day(-20);
  ctx.emit(next(), groupOf(c), { type: 'AssessDemonstrationPoint', unitId: c.unitId, body: { year, passed: true, score: 92, note: '年检合格，特色工作持续深化' } });
}
