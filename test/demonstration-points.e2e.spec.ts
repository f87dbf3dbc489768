import { expectStatus } from '../libs/views/src/testing/views-world';
import { VILLAGES_OF_T1 } from './support/fixtures';
import { Headers, startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

const TREE = [
  ...VILLAGES_OF_T1,
  { unitId: 'e1', name: '卷烟厂党支部', level: 'branch', unitType: 'enterprise', parentId: 't1', memberCount: 60 },
  { unitId: 'c2', name: '鼎城区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 't2', name: '灌溪镇', level: 'township', unitType: 'rural', parentId: 'c2' },
  { unitId: 'v3', name: '岗市村党支部', level: 'branch', unitType: 'rural', parentId: 't2', memberCount: 35 },
];

/** The rural creation standards (农村示范点创建标准) as an assessment scheme for that unit type. */
const STANDARD = {
  schemeId: 'std-rural',
  title: '农村基层党建示范点创建标准',
  criteria: [
    { criterionId: 'team', title: '领导班子坚强有力', rule: { kind: 'points', max: 50 } },
    { criterionId: 'activity', title: '组织生活规范', rule: { kind: 'pass_fail', max: 30 } },
    { criterionId: 'rules', title: '制度机制健全', rule: { kind: 'deduction', max: 20, perItem: 5 } },
  ],
  bands: [
    { grade: '达标', minScore: 80 },
    { grade: '基本达标', minScore: 60 },
    { grade: '不达标', minScore: 0 },
  ],
  subject: { unitTypes: ['rural'] },
};

const marks = (team: number, activity: boolean, rules: number) => ({ team: { points: team }, activity: { passed: activity }, rules: { items: rules } });
type Step = { cycle: number; year: number; stage: string; passed: boolean | null; score: number | null };

describe('demonstration points (示范点) over HTTP: recommended, confirmed, assessed yearly, 优进劣出', () => {
  let p: TestPlatform;
  let office: Headers, insp: Headers, opV1: Headers;

  const point = (unitId: string) => `/api/demonstration-points/${unitId}`;
  const standardYear = async (year: number, scores: Record<string, ReturnType<typeof marks>>) => {
    const periodId = `std-rural-${year}`;
    await expectStatus(
      p.http().post('/api/assessments').set(office).send({ periodId, title: `${year} 年度农村示范点考评`, schemeId: 'std-rural', from: `${year}-01-01`, to: `${year}-12-31`, unitIds: Object.keys(scores) }),
      201,
    );
    for (const [unitId, m] of Object.entries(scores)) await expectStatus(p.http().post(`/api/assessments/${periodId}/units/${unitId}/score`).set(insp).send({ marks: m }), 201);
    await expectStatus(p.http().post(`/api/assessments/${periodId}/publication`).set(office), 201);
    return periodId;
  };

  beforeAll(async () => {
    p = await startTestPlatform();
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    await expectStatus(p.http().post('/api/organizations/import').set(admin).send({ units: TREE }), 201);
    office = await p.signIn('office-1', 'office', ['city']);
    insp = await p.signIn('insp-t1', 'inspector', ['t1']);
    opV1 = await p.signIn('op-v1', 'operator', ['v1']);
    await expectStatus(p.http().post('/api/assessment-schemes').set(office).send(STANDARD), 201);
  });
  afterAll(async () => p.close());

  it('recommends units, and the office confirms or declines them', async () => {
    for (const u of ['v1', 'v2', 'v3']) await expectStatus(p.http().post(`${point(u)}/recommendation`).set(office).send({ year: 2025, level: 'city', reason: '班子坚强、阵地规范' }), 201);
    await expectStatus(p.http().post(`${point('e1')}/recommendation`).set(office).send({ year: 2025, level: 'county', reason: '党建带工建成效明显' }), 201);
    await expectStatus(p.http().post(`${point('v1')}/recommendation`).set(opV1).send({ year: 2025, level: 'city', reason: '自荐' }), 403);
    const bad = await expectStatus(p.http().post(`${point('v1')}/recommendation`).set(office).send({ year: 1999, level: 'province', reason: '' }), 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['level', 'reason', 'year']);
    expect((await expectStatus(p.http().post(`${point('v1')}/recommendation`).set(office).send({ year: 2025, level: 'city', reason: '重复' }), 422)).body.code).toBe('already_in_programme');

    await expectStatus(p.http().post(`${point('v1')}/confirmation`).set(office).send({ confirmed: true }), 201);
    await expectStatus(p.http().post(`${point('v2')}/confirmation`).set(office).send({ confirmed: true }), 201);
    expect((await expectStatus(p.http().post(`${point('v3')}/confirmation`).set(office).send({ confirmed: false }), 422)).body.code).toBe('reason_required');
    await expectStatus(p.http().post(`${point('v3')}/confirmation`).set(office).send({ confirmed: false, reason: '阵地建设尚未达标' }), 201);
  });

  it('names a creating unit that passes year one against the creation standards', async () => {
    // Not yet published: the standard cannot be cited.
    await expectStatus(p.http().post('/api/assessments').set(office).send({ periodId: 'draft', title: '未公布', schemeId: 'std-rural', from: '2025-01-01', to: '2025-12-31', unitIds: ['v1'] }), 201);
    expect((await expectStatus(p.http().post(`${point('v1')}/assessments`).set(insp).send({ year: 2025, periodId: 'draft' }), 422)).body.code).toBe('results_not_published');
    // An enterprise is not assessed against the rural standards.
    expect((await expectStatus(p.http().post('/api/assessments').set(office).send({ periodId: 'wrong', title: 't', schemeId: 'std-rural', from: '2025-01-01', to: '2025-12-31', unitIds: ['e1'] }), 422)).body.code).toBe(
      'unit_type_not_assessed',
    );

    // v1: 45 + 30 + 20 = 95 (达标); v2: 40 + 30 + (20 − 2×5) = 80, exactly the 达标 line.
    const year1 = await standardYear(2025, { v1: marks(45, true, 0), v2: marks(40, true, 2) });
    await expectStatus(p.http().post(`${point('v1')}/assessments`).set(insp).send({ year: 2025, periodId: year1, passed: true }), 400);
    await expectStatus(p.http().post(`${point('v1')}/assessments`).set(opV1).send({ year: 2025, periodId: year1 }), 403);
    await expectStatus(p.http().post(`${point('v3')}/assessments`).set(insp).send({ year: 2025, passed: true }), 403);
    expect((await expectStatus(p.http().post(`${point('e1')}/assessments`).set(office).send({ year: 2025, passed: true }), 422)).body.code).toBe('not_under_assessment');
    await expectStatus(p.http().post(`${point('v1')}/assessments`).set(insp).send({ year: 2025, periodId: year1 }), 201);
    await expectStatus(p.http().post(`${point('v2')}/assessments`).set(insp).send({ year: 2025, periodId: year1 }), 201);

    const res = await expectStatus(p.http().get(point('v1')).set(opV1), 200);
    expect(res.body.point).toMatchObject({ name: '桃花村党支部', stage: 'named', stageName: '正式示范点', pointTypeName: '农村', levelName: '市级', dueYear: 2026 });
    expect(res.body.point.history.at(-1)).toMatchObject({ year: 2025, stage: 'named', passed: true, score: 95, periodId: year1 });
    expect(res.body.evidence).toEqual([expect.objectContaining({ periodId: year1, byCriterion: { team: 45, activity: 30, rules: 20 }, total: 95, grade: '达标', rank: 1 })]);
    await expectStatus(p.http().get(point('v2')).set(opV1), 404);
  });

  it('raises a point passing year two to 全面建设提高 and eliminates one that fails, keeping its history', async () => {
    // v1: 48 + 30 + (20 − 1×5) = 93 (达标); v2: 30 + 0 + (20 − 3×5) = 35 (不达标).
    const year2 = await standardYear(2026, { v1: marks(48, true, 1), v2: marks(30, false, 3) });
    await expectStatus(p.http().post(`${point('v1')}/assessments`).set(insp).send({ year: 2026, periodId: year2, reviewEveryYears: 2 }), 201);
    // Failing needs the assessors' opinion.
    expect((await expectStatus(p.http().post(`${point('v2')}/assessments`).set(insp).send({ year: 2026, periodId: year2 }), 422)).body.code).toBe('note_required');
    await expectStatus(p.http().post(`${point('v2')}/assessments`).set(insp).send({ year: 2026, periodId: year2, note: '组织生活不规范，制度执行不到位' }), 201);

    const v2 = await expectStatus(p.http().get(point('v2')).set(office), 200);
    expect(v2.body.point).toMatchObject({ stage: 'eliminated', stageName: '已淘汰', dueYear: null });
    expect(v2.body.point.history.map((h: Step) => [h.year, h.stage, h.passed, h.score])).toEqual([
      [2025, 'recommended', null, null],
      [2025, 'creating', null, null],
      [2025, 'named', true, 80],
      [2026, 'eliminated', false, 35],
    ]);
    expect(v2.body.evidence.map((e: { total: number; grade: string }) => [e.total, e.grade])).toEqual([
      [80, '达标'],
      [35, '不达标'],
    ]);
  });

  it('reviews a point every one or two years (年检年审) and lets an eliminated unit come back later (优进劣出)', async () => {
    expect((await expectStatus(p.http().post(`${point('v1')}/assessments`).set(insp).send({ year: 2027, passed: true }), 422)).body).toMatchObject({ code: 'review_not_due', details: { due: 2028 } });
    await expectStatus(p.http().post(`${point('v1')}/assessments`).set(insp).send({ year: 2028, passed: true, score: 90 }), 201);
    expect((await expectStatus(p.http().get(point('v1')).set(office), 200)).body.point).toMatchObject({ stage: 'improving', stageName: '全面建设提高', lastAssessedYear: 2028, dueYear: 2030 });

    expect((await expectStatus(p.http().post(`${point('v2')}/recommendation`).set(office).send({ year: 2026, level: 'county', reason: '整改后再推' }), 422)).body.code).toBe('year_invalid');
    await expectStatus(p.http().post(`${point('v2')}/recommendation`).set(office).send({ year: 2027, level: 'county', reason: '整改到位，再次推荐' }), 201);
    const v2 = await expectStatus(p.http().get(point('v2')).set(office), 200);
    expect(v2.body.point).toMatchObject({ stage: 'recommended', cycle: 2, level: 'county', since: 2027 });
    expect(v2.body.point.history.map((h: Step) => [h.cycle, h.stage])).toEqual([
      [1, 'recommended'],
      [1, 'creating'],
      [1, 'named'],
      [1, 'eliminated'],
      [2, 'recommended'],
    ]);
  });

  it('lists the register by type, level and stage, within scope, and as of an earlier moment', async () => {
    const all = await expectStatus(p.http().get('/api/demonstration-points').set(office), 200);
    expect(all.body.byStage).toEqual({ improving: 1, recommended: 2, declined: 1 });
    expect(all.body.points.map((x: { unitId: string; stage: string }) => [x.unitId, x.stage])).toEqual([
      ['v1', 'improving'],
      ['v3', 'declined'],
      ['e1', 'recommended'],
      ['v2', 'recommended'],
    ]);
    const enterprise = await expectStatus(p.http().get('/api/demonstration-points?pointType=enterprise').set(office), 200);
    expect(enterprise.body.points.map((x: { unitId: string }) => x.unitId)).toEqual(['e1']);
    const county = await expectStatus(p.http().get('/api/demonstration-points?level=county&stage=recommended').set(office), 200);
    expect(county.body.points.map((x: { unitId: string }) => x.unitId)).toEqual(['e1', 'v2']);
    const scoped = await expectStatus(p.http().get('/api/demonstration-points').set(insp), 200);
    expect(scoped.body.points.map((x: { unitId: string }) => x.unitId).sort()).toEqual(['e1', 'v1', 'v2']);
    await expectStatus(p.http().get('/api/demonstration-points?root=t2').set(insp), 404);
    await expectStatus(p.http().get('/api/demonstration-points?stage=famous').set(office), 400);

    const position = all.body.asOf.position as string;
    await expectStatus(p.http().post(`${point('e1')}/confirmation`).set(office).send({ confirmed: true }), 201);
    const then = await expectStatus(p.http().get(`/api/demonstration-points?asOf=${position}`).set(office), 200);
    expect(then.body.byStage).toEqual({ improving: 1, recommended: 2, declined: 1 });
    expect((await expectStatus(p.http().get('/api/demonstration-points').set(office), 200)).body.byStage).toEqual({ improving: 1, recommended: 1, creating: 1, declined: 1 });
  });
});
