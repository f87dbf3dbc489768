import { parse } from 'csv-parse/sync';
import { VILLAGE_SECRETARY_SCHEME_EXAMPLE } from '@platform/assessments';
import { expectStatus, fetchWorkbook } from '../libs/views/src/testing/views-world';
import { VILLAGES_OF_T1 } from './support/fixtures';
import { embeddedToken } from './support/position-tokens';
import { Headers, startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

const TREE = [
  ...VILLAGES_OF_T1,
  { unitId: 't2', name: '芦荻山乡', level: 'township', unitType: 'rural', parentId: 'c1' },
  { unitId: 'v3', name: '白马村党支部', level: 'branch', unitType: 'rural', parentId: 't2', memberCount: 40 },
  { unitId: 'v4', name: '青山村党支部', level: 'branch', unitType: 'rural', parentId: 't2', memberCount: 18 },
  { unitId: 's1', name: '第一中学党支部', level: 'branch', unitType: 'school', parentId: 't1', memberCount: 12 },
];

/** The documented example (duty 40 points, the 述职 pass/fail worth 20, key tasks 40 less 5 per shortcoming) under a short id. */
const SCHEME = { ...VILLAGE_SECRETARY_SCHEME_EXAMPLE, schemeId: 'village-sec' };

const PERIOD = '/api/assessments/sec-2026';
const marks = (duty: number, report: boolean, tasks: number) => ({ duty: { points: duty }, report: { passed: report }, tasks: { items: tasks } });
type Row = { unitId: string; rank: number | null; grade: string | null; total: number | null; selfTotal: number | null; byCriterion: Record<string, number> | null };
const ranking = (rows: Row[]) => rows.map((r) => [r.unitId, r.rank, r.total, r.grade]);

describe('scored assessments (考核) over HTTP', () => {
  let p: TestPlatform;
  let admin: Headers, office: Headers, inspT1: Headers, inspT2: Headers, leader: Headers;
  const op: Record<string, Headers> = {};

  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await p.signIn(TEST_ADMIN.username, 'admin');
    await expectStatus(p.http().post('/api/organizations/import').set(admin).send({ units: TREE }), 201);
    office = await p.signIn('office-1', 'office', ['c1']);
    inspT1 = await p.signIn('insp-t1', 'inspector', ['t1']);
    inspT2 = await p.signIn('insp-t2', 'inspector', ['t2']);
    leader = await p.signIn('leader-1', 'leader', ['c1']);
    for (const u of ['v1', 'v2', 'v3', 'v4']) op[u] = await p.signIn(`op-${u}`, 'operator', [u]);
  });
  afterAll(async () => p.close());

  it('publishes a scheme as data and versions it with a reason', async () => {
    await expectStatus(p.http().post('/api/assessment-schemes').set(office).send(SCHEME), 201);
    const v1 = await expectStatus(p.http().get('/api/assessment-schemes/village-sec').set(leader), 200);
    expect(v1.body).toMatchObject({ version: 1, maxScore: 100, subject: { unitTypes: ['rural'], post: '村党支部书记' } });
    expect(v1.body.bands.map((b: { grade: string }) => b.grade)).toEqual(['优秀', '良好', '一般', '较差']);

    const bad = await expectStatus(p.http().post('/api/assessment-schemes').set(office).send({ ...SCHEME, criteria: [{ criterionId: 'duty', title: '职责', rule: { kind: 'deduction', max: 40 } }] }), 400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'criteria.0.rule.perItem' })]));
    const noBottom = await expectStatus(p.http().post('/api/assessment-schemes').set(office).send({ ...SCHEME, schemeId: 'x', bands: [{ grade: '优秀', minScore: 90 }] }), 422);
    expect(noBottom.body.code).toBe('bands_incomplete');
    await expectStatus(p.http().post('/api/assessment-schemes').set(op.v1).send(SCHEME), 403);
  });

  it('opens a period for every village branch under the county, pinning the scheme version', async () => {
    await expectStatus(
      p.http().post('/api/assessments').set(office).send({ periodId: 'sec-2026', title: '2026 年度村党支部书记考核', schemeId: 'village-sec', from: '2026-01-01', to: '2026-12-31', root: 'c1', level: 'branch' }),
      201,
    );
    // A revision after opening does not change how this period is scored.
    const revised = { ...SCHEME, criteria: SCHEME.criteria.map((c) => (c.criterionId === 'tasks' ? { ...c, rule: { kind: 'deduction', max: 40, perItem: 10 } } : c)) };
    expect((await expectStatus(p.http().post('/api/assessment-schemes').set(office).send(revised), 422)).body.code).toBe('reason_required');
    await expectStatus(p.http().post('/api/assessment-schemes').set(office).send({ ...revised, reason: '加大重点任务扣分力度' }), 201);
    expect((await expectStatus(p.http().get('/api/assessment-schemes/village-sec').set(office), 200)).body.version).toBe(2);

    const list = await expectStatus(p.http().get('/api/assessments').set(office), 200);
    expect(list.body.periods).toEqual([expect.objectContaining({ periodId: 'sec-2026', schemeVersion: 1, unitCount: 4, unitsInScope: 4, published: false })]);
    // The school branch is not of the scheme's type: v1..v4 only.
    const results = await expectStatus(p.http().get(`${PERIOD}/results`).set(office), 200);
    expect(results.body.rows.map((r: Row) => r.unitId).sort()).toEqual(['v1', 'v2', 'v3', 'v4']);
    await expectStatus(p.http().post('/api/assessments').set(office).send({ periodId: 'p2', title: 't', schemeId: 'village-sec', from: '2026-01-01', to: '2026-12-31', unitIds: ['v1'], root: 'c1' }), 400);
    // A period's stream must never be a scheme's (assessment-scheme-<id>).
    const reserved = await expectStatus(p.http().post('/api/assessments').set(office).send({ periodId: 'scheme-village-sec', title: 't', schemeId: 'village-sec', from: '2026-01-01', to: '2026-12-31', unitIds: ['v1'] }), 400);
    expect(reserved.body.errors).toEqual([expect.objectContaining({ field: 'periodId', rule: 'notSchemePrefix' })]);
    await expectStatus(p.http().get('/api/assessments/scheme-village-sec/results').set(office), 404);
  });

  it('lets a unit self-assess only itself and the assessing group score only within its scope', async () => {
    await expectStatus(p.http().post(`${PERIOD}/units/v1/self-assessment`).set(op.v1).send({ marks: marks(38, true, 0), note: '述职报告已报送' }), 201);
    await expectStatus(p.http().post(`${PERIOD}/units/v2/self-assessment`).set(op.v1).send({ marks: marks(38, true, 0) }), 403);
    await expectStatus(p.http().post(`${PERIOD}/units/v1/self-assessment`).set(inspT1).send({ marks: marks(38, true, 0) }), 403);
    await expectStatus(p.http().post(`${PERIOD}/units/v3/score`).set(inspT1).send({ marks: marks(35, false, 0) }), 403);

    const shape = await expectStatus(p.http().post(`${PERIOD}/units/v1/score`).set(inspT1).send({ marks: { duty: { points: 'many' } } }), 400);
    expect(shape.body.errors[0]).toMatchObject({ field: 'marks', rule: 'isMarks' });
    expect(shape.body.errors[0].message).toContain('marks.duty.points');
    const over = await expectStatus(p.http().post(`${PERIOD}/units/v1/score`).set(inspT1).send({ marks: marks(41, true, 0) }), 422);
    expect(over.body).toMatchObject({ code: 'mark_invalid', details: { criterionId: 'duty' } });
    expect((await expectStatus(p.http().post(`${PERIOD}/units/v1/score`).set(inspT1).send({ marks: { ...marks(36, true, 1), extra: { points: 1 } } }), 422)).body.code).toBe('mark_unknown_criterion');
    const head = await p.headPosition();
    await expectStatus(p.http().post(`${PERIOD}/units/v1/score`).set(inspT1).send({ marks: { duty: { points: 36 } } }), 422);
    expect(await p.headPosition()).toBe(head);

    // 36 + 20 + (40 − 1×5) = 91; 30 + 20 + (40 − 3×5) = 75; 35 + 0 + 40 = 75; 25 + 20 + (40 − 6×5) = 55.
    await expectStatus(p.http().post(`${PERIOD}/units/v1/score`).set(inspT1).send({ marks: marks(36, true, 1) }), 201);
    await expectStatus(p.http().post(`${PERIOD}/units/v2/score`).set(inspT1).send({ marks: marks(30, true, 3) }), 201);
    await expectStatus(p.http().post(`${PERIOD}/units/v3/score`).set(inspT2).send({ marks: marks(35, false, 0) }), 201);
    await expectStatus(p.http().post(`${PERIOD}/units/v4/score`).set(inspT2).send({ marks: marks(25, true, 6) }), 201);
    expect((await expectStatus(p.http().post(`${PERIOD}/units/v1/self-assessment`).set(op.v1).send({ marks: marks(40, true, 0) }), 422)).body.code).toBe('already_scored');
    // A re-score needs its reason.
    expect((await expectStatus(p.http().post(`${PERIOD}/units/v2/score`).set(inspT1).send({ marks: marks(31, true, 3) }), 422)).body.code).toBe('reason_required');
  });

  it('lets the office moderate one criterion with a reason; working scores stay with office and assessors', async () => {
    await expectStatus(p.http().post(`${PERIOD}/units/v4/moderation`).set(inspT2).send({ criterionId: 'duty', mark: { points: 31 }, reason: '复核' }), 403);
    await expectStatus(p.http().post(`${PERIOD}/units/v4/moderation`).set(office).send({ criterionId: 'duty', mark: { points: 31 } }), 400);
    await expectStatus(p.http().post(`${PERIOD}/units/v4/moderation`).set(office).send({ criterionId: 'duty', mark: { points: 31 }, reason: '述职材料补充后复核' }), 201);

    const seen = await expectStatus(p.http().get(`${PERIOD}/results`).set(office), 200);
    expect(seen.body.scoresVisible).toBe(true);
    expect(ranking(seen.body.rows)).toEqual([
      ['v1', null, 91, '优秀'],
      ['v2', null, 75, '良好'],
      ['v3', null, 75, '良好'],
      ['v4', null, 61, '一般'],
    ]);
    const insp = await expectStatus(p.http().get(`${PERIOD}/results`).set(inspT2), 200);
    expect(insp.body.rows.map((r: Row) => [r.unitId, r.total])).toEqual([['v3', 75], ['v4', 61]]);

    const own = await expectStatus(p.http().get(`${PERIOD}/results`).set(op.v1), 200);
    expect(own.body.scoresVisible).toBe(false);
    expect(own.body.rows).toEqual([expect.objectContaining({ unitId: 'v1', selfTotal: 98, total: null, byCriterion: null, grade: null, scored: true })]);
    const lead = await expectStatus(p.http().get(`${PERIOD}/results`).set(leader), 200);
    expect(lead.body.rows.every((r: Row) => r.total === null)).toBe(true);
    const history = await expectStatus(p.http().get(`${PERIOD}/units/v1`).set(op.v1), 200);
    expect(history.body.unit.changes.map((c: { kind: string }) => c.kind)).toEqual(['self']);
    await expectStatus(p.http().get(`${PERIOD}/units/v2`).set(op.v1), 404);
    await expectStatus(p.http().get(`${PERIOD}/results`).set(await p.signIn('op-s1', 'operator', ['s1'])), 404);
  });

  it('publishes a competition ranking with grade bands, visible in scope, and refuses later re-scores', async () => {
    const before = await p.headPosition();
    await expectStatus(p.http().post(`${PERIOD}/publication`).set(op.v1), 403);
    await expectStatus(p.http().post(`${PERIOD}/publication`).set(office), 201);
    const res = await expectStatus(p.http().get(`${PERIOD}/results`).set(leader), 200);
    expect(res.body.period).toMatchObject({ published: true, revision: 1, schemeVersion: 1, maxScore: 100 });
    expect(ranking(res.body.rows)).toEqual([
      ['v1', 1, 91, '优秀'],
      ['v2', 2, 75, '良好'],
      ['v3', 2, 75, '良好'],
      ['v4', 4, 61, '一般'],
    ]);
    expect(res.body.grades).toEqual([
      { grade: '优秀', minScore: 90, count: 1 },
      { grade: '良好', minScore: 75, count: 2 },
      { grade: '一般', minScore: 60, count: 1 },
      { grade: '较差', minScore: 0, count: 0 },
    ]);
    expect(res.body.rows[0].byCriterion).toEqual({ duty: 36, report: 20, tasks: 35 });
    const own = await expectStatus(p.http().get(`${PERIOD}/results`).set(op.v4), 200);
    expect(ranking(own.body.rows)).toEqual([['v4', 4, 61, '一般']]);
    expect((await expectStatus(p.http().post(`${PERIOD}/units/v2/score`).set(inspT1).send({ marks: marks(40, true, 0), reason: '重评' }), 422)).body.code).toBe('results_published');

    const past = await expectStatus(p.http().get(`${PERIOD}/results?asOf=${embeddedToken(before)}`).set(leader), 200);
    expect(past.body.period.published).toBe(false);
    expect(past.body.rows.every((r: Row) => r.total === null)).toBe(true);
  });

  it('records an appeal and, upheld, re-scores and publishes the next revision', async () => {
    await expectStatus(p.http().post(`${PERIOD}/units/v3/appeals`).set(op.v1).send({ appealId: 'ap-1', reason: '述职已报送' }), 403);
    await expectStatus(p.http().post(`${PERIOD}/units/v3/appeals`).set(op.v3).send({ appealId: 'ap-1', reason: '述职报告已于 12 月报送，见附件' }), 201);
    expect((await expectStatus(p.http().post(`${PERIOD}/units/v3/appeals`).set(op.v3).send({ appealId: 'ap-2', reason: '再次申诉' }), 422)).body.code).toBe('appeal_open');
    expect((await expectStatus(p.http().post(`${PERIOD}/appeals/ap-1/decision`).set(office).send({ upheld: true, reason: '属实' }), 422)).body.code).toBe('marks_required');
    await expectStatus(p.http().post(`${PERIOD}/appeals/ap-1/decision`).set(office).send({ upheld: true, reason: '述职报告属实，改为达标', marks: marks(35, true, 0) }), 201);

    const res = await expectStatus(p.http().get(`${PERIOD}/results`).set(office), 200);
    expect(res.body.period.revision).toBe(2);
    // v3: 35 + 20 + 40 = 95 now leads; v1 and v2 move down one place each.
    expect(ranking(res.body.rows)).toEqual([
      ['v3', 1, 95, '优秀'],
      ['v1', 2, 91, '优秀'],
      ['v2', 3, 75, '良好'],
      ['v4', 4, 61, '一般'],
    ]);
    const unit = await expectStatus(p.http().get(`${PERIOD}/units/v3`).set(op.v3), 200);
    expect(unit.body.unit.changes.map((c: { kind: string; total: number; by: string }) => [c.kind, c.total, c.by])).toEqual([
      ['scored', 75, 'insp-t2'],
      ['scored', 95, 'office-1'],
    ]);
    expect(unit.body.unit.appeals).toEqual([expect.objectContaining({ appealId: 'ap-1', decision: expect.objectContaining({ upheld: true, reason: '述职报告属实，改为达标' }) })]);
    const moderated = await expectStatus(p.http().get(`${PERIOD}/units/v4`).set(office), 200);
    expect(moderated.body.unit.changes.map((c: { kind: string; total: number; criterionId: string | null; reason: string }) => [c.kind, c.total, c.criterionId, c.reason])).toEqual([
      ['scored', 55, null, ''],
      ['moderated', 61, 'duty', '述职材料补充后复核'],
    ]);
  });

  it('exports the results as CSV and XLSX, in rank order, one column per criterion', async () => {
    const csv = await expectStatus(p.http().get(`${PERIOD}/results/export?format=csv`).set(office), 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true, comment: '#' }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['排名', '组织编码', '组织名称', '自评分', '履行第一责任人职责(40)', '党建述职(20)', '重点任务落实(40)', '总分', '等次', '申诉']);
    expect(rows.map((r) => [r['排名'], r['组织名称'], r['总分'], r['等次']])).toEqual([
      ['1', '白马村党支部', '95', '优秀'],
      ['2', '桃花村党支部', '91', '优秀'],
      ['3', '柳叶村党支部', '75', '良好'],
      ['4', '青山村党支部', '61', '一般'],
    ]);
    expect(rows[0]['申诉']).toBe('申诉成立');
    const { book } = await fetchWorkbook(p, `${PERIOD}/results/export`, inspT1);
    const sheet = book.getWorksheet('考核结果')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe('桃花村党支部');
    await expectStatus(p.http().get(`${PERIOD}/results/export?format=pdf`).set(office), 400);
  });
});
