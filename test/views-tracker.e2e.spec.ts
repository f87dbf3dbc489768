import { parse } from 'csv-parse/sync';
import { CAMPAIGN, planned, problem, registered, solved } from '../libs/views/src/testing/view-fixtures';
import { appendEvents, expectStatus, fetchWorkbook, isoDay, ViewsWorld } from '../libs/views/src/testing/views-world';
import { TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

const TRACKER = `/api/campaigns/${CAMPAIGN}/rectification-tracker`;

type Item = { problemId: string; warningLevel: string; overdue: boolean };

/**
 * The ledger's states are appended as domain events straight into the store: the projections
 * read events, whichever command path wrote them (the HTTP scenario lives with libs/rectification).
 */
describe('rectification tracker over HTTP', () => {
  let p: TestPlatform;
  let w: ViewsWorld;

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform());
    await appendEvents(w.events, [
      registered('p-red', 'branch-1'),
      planned('p-red', isoDay(-2)),
      registered('p-yellow', 'branch-1'),
      planned('p-yellow', isoDay(5)),
      registered('p-green', 'branch-2'),
      planned('p-green', isoDay(15)),
      ...solved('p-closed', 'branch-2', isoDay(30), new Date().toISOString()),
      registered('p-deferred', 'branch-3'),
      planned('p-deferred', isoDay(3)),
      problem('p-deferred', 'ProblemDeferred', {
        constraint: '需列入县财政预算',
        explanation: { text: '已在村民大会上说明', date: isoDay(-1) },
        reReviewDate: isoDay(90),
        gradualMeasures: ['先行修补'],
        deferredBy: 'op-3',
      }),
      registered('p-fixed', 'branch-3'),
      planned('p-fixed', isoDay(40)),
      problem('p-fixed', 'FixClaimed', { evidence: '整改报告', attachmentRefs: [], claimedBy: 'op-3' }),
      registered('p-joint', 'branch-4'),
      planned('p-joint', isoDay(60)),
      problem('p-joint', 'JointHandlingStarted', {
        coordinatorUnitId: 'town-3',
        reason: '涉及多个部门',
        parts: [
          { partId: 'roads', unitId: 'branch-4', description: '道路硬化', deadline: isoDay(-1) },
          { partId: 'water', unitId: 'branch-3', description: '饮水工程', deadline: isoDay(45) },
        ],
        escalatedBy: 'op-town3',
      }),
    ]);
  });
  afterAll(async () => p.close());

  it('counts problems by handling and warning per unit, rolled up, on today’s date', async () => {
    const res = await expectStatus(p.http().get(TRACKER).set(w.office), 200);
    expect(res.body.today).toBe(isoDay(0));
    expect(res.body.overall.counts).toMatchObject({
      total: 7,
      closed: 1,
      fixedAwaitingVerification: 1,
      inProgress: 3,
      deferred: 1,
      joint: 1,
      // The fix awaiting verification is kind (1), pushed on by supervision, not 限期整改 (classification v2).
      byDeadline: 3,
      byHandling: { being_rectified: 1, by_deadline: 3, deferred: 1, joint: 1, solved: 1 },
      overdue: 2,
      warnings: { green: 1, yellow: 1, red: 2 },
      jointParts: { total: 2, closed: 0, overdue: 1 },
    });
    expect(res.body.overall).toMatchObject({ completionRate: 1 / 7, onTimeRate: 1 });
    expect(res.body.units.map((u: { unitId: string; counts: { total: number } }) => [u.unitId, u.counts.total])).toEqual([
      ['branch-1', 2],
      ['branch-2', 2],
      ['branch-3', 2],
      ['branch-4', 1],
    ]);
    expect(res.body.rollups.find((r: { unitId: string }) => r.unitId === 'county-1').counts).toMatchObject({ total: 6, overdue: 1 });

    const insp = await expectStatus(p.http().get(TRACKER).set(w.inspector), 200);
    expect(insp.body.overall.counts.total).toBe(2);
    expect(insp.body.rollups.map((r: { unitId: string }) => r.unitId)).toEqual(['city', 'county-1', 'town-2']);
    // A scope listing fewer units than have problems: its own units with problems, in id order.
    const unitsOf = (body: { total: number; units: Array<{ unitId: string }> }) => [body.total, body.units.map((u) => u.unitId)];
    expect(unitsOf(insp.body)).toEqual([1, ['branch-3']]);
    expect(unitsOf((await expectStatus(p.http().get(`${TRACKER}?root=town-1`).set(w.office), 200)).body)).toEqual([2, ['branch-1', 'branch-2']]);
    expect(unitsOf((await expectStatus(p.http().get(`${TRACKER}?root=town-1&skip=1&limit=1`).set(w.office), 200)).body)).toEqual([2, ['branch-2']]);
  });

  it('lists problems with filters, the overdue first, each joint part with its own state', async () => {
    const list = async (query: string, who = w.office) => (await expectStatus(p.http().get(`${TRACKER}/problems?${query}`).set(who), 200)).body;
    const overdue = await list('overdue=true');
    expect(overdue.items.map((i: Item) => i.problemId)).toEqual(['p-red', 'p-joint']);
    const joint = overdue.items[1];
    expect(joint.joint.parts).toEqual([
      expect.objectContaining({ partId: 'roads', unitName: '灌溪村党支部', closed: false, warningLevel: 'red', overdue: true }),
      expect.objectContaining({ partId: 'water', closed: false, warningLevel: 'none', overdue: false }),
    ]);
    expect((await list('warningLevel=yellow,green')).items.map((i: Item) => i.problemId).sort()).toEqual(['p-green', 'p-yellow']);
    expect((await list('handling=deferred')).items[0]).toMatchObject({ problemId: 'p-deferred', warningLevel: 'none', deferral: { constraint: '需列入县财政预算' } });
    expect((await list('status=closed,fixed')).total).toBe(2);
    expect((await list('root=town-1')).total).toBe(4);
    expect((await list('source=masses_report')).total).toBe(0);
    const paged = await list('skip=1&limit=2');
    expect(paged).toMatchObject({ total: 7, skip: 1, limit: 2 });
    expect(paged.items).toHaveLength(2);
    // Keyset pages: each starts after the last one seen, and together they list everything once, in order.
    const all = (await list('limit=50')).items.map((i: Item) => i.problemId);
    const walked: string[] = [];
    for (let page = await list('limit=3'); ; page = await list(`limit=3&after=${page.next}`)) {
      expect(page).toMatchObject({ total: 7, totalMoreThan: null });
      walked.push(...page.items.map((i: Item) => i.problemId));
      if (page.next === null) break;
    }
    expect(walked).toEqual(all);
    const deep = await expectStatus(p.http().get(`${TRACKER}/problems?skip=1001`).set(w.office), 400);
    expect(deep.body.errors).toEqual([expect.objectContaining({ field: 'skip', rule: 'max' })]);
    await expectStatus(p.http().get(`${TRACKER}/problems?after=not%20a%20cursor`).set(w.office), 400);
    // A joint part's unit sees the problem it works on.
    expect((await list('', w.inspector)).items.map((i: Item) => i.problemId).sort()).toEqual(['p-deferred', 'p-fixed', 'p-joint']);
    await expectStatus(p.http().get(`${TRACKER}/problems?status=lost`).set(w.office), 400);
  });

  it('shows one problem’s whole timeline, to those whose scope it touches', async () => {
    const t = await expectStatus(p.http().get('/api/rectification-tracker/problems/p-closed/timeline').set(w.office), 200);
    expect(t.body.problem).toMatchObject({ problemId: 'p-closed', status: 'closed', statusName: '已销号', closedOnTime: true });
    expect(t.body.events.map((e: { typeName: string }) => e.typeName)).toEqual(['登记问题', '制定整改措施', '申请验收', '验收通过', '销号']);
    expect(t.body.events[0]).toMatchObject({ occurredAt: expect.any(String), recordedAt: expect.any(String), backdated: false });
    await expectStatus(p.http().get('/api/rectification-tracker/problems/p-closed/timeline').set(w.inspector), 404);
    await expectStatus(p.http().get('/api/rectification-tracker/problems/p-joint/timeline').set(w.inspector), 200);
    await expectStatus(p.http().get('/api/rectification-tracker/problems/nope/timeline').set(w.office), 404);
  });

  it('answers as of a past moment exactly as it did then', async () => {
    const then = await expectStatus(p.http().get(TRACKER).set(w.leader), 200);
    const thenList = await expectStatus(p.http().get(`${TRACKER}/problems`).set(w.leader), 200);
    // Small scopes, whose past summaries read their own units' tallies alone, by key.
    const thenTown = await expectStatus(p.http().get(`${TRACKER}?root=town-1`).set(w.leader), 200);
    const thenNarrow = await expectStatus(p.http().get(TRACKER).set(w.inspector), 200);
    await appendEvents(w.events, [
      problem('p-yellow', 'FixClaimed', { evidence: '完成', attachmentRefs: [], claimedBy: 'op-1' }),
      problem('p-yellow', 'FixVerified', { comment: '通过', verifiedBy: 'insp-1' }),
    ]);
    const now = await expectStatus(p.http().get(TRACKER).set(w.leader), 200);
    expect(now.body.overall.counts.fixedAwaitingVerification).toBe(1);
    expect(now.body).not.toEqual(then.body);
    const asOf = encodeURIComponent(then.body.asOf.at);
    expect((await expectStatus(p.http().get(`${TRACKER}?asOf=${asOf}`).set(w.leader), 200)).body).toEqual(then.body);
    expect((await expectStatus(p.http().get(`${TRACKER}/problems?asOf=${asOf}`).set(w.leader), 200)).body.items).toEqual(thenList.body.items);
    const town = await expectStatus(p.http().get(`${TRACKER}?root=town-1&asOf=${thenTown.body.asOf.position}`).set(w.leader), 200);
    expect({ ...town.body, asOf: null }).toEqual({ ...thenTown.body, asOf: null });
    expect(town.body.overall.counts.fixedAwaitingVerification).toBe(0);
    const narrow = await expectStatus(p.http().get(`${TRACKER}?asOf=${thenNarrow.body.asOf.position}`).set(w.inspector), 200);
    expect({ ...narrow.body, asOf: null }).toEqual({ ...thenNarrow.body, asOf: null });
    const v2 = await expectStatus(p.http().get(`${TRACKER}?metricsVersion=2&root=town-1`).set(w.leader), 200);
    const v1 = await expectStatus(p.http().get(`${TRACKER}?metricsVersion=1&root=town-1`).set(w.leader), 200);
    expect([v1.body.overall.completionRate, v2.body.overall.completionRate]).toEqual([1 / 4, 2 / 4]);
  });

  it('exports the ledger (整改台账) as XLSX and CSV with Chinese headers', async () => {
    const { book } = await fetchWorkbook(p, `/api/campaigns/${CAMPAIGN}/ledger/export`, w.office);
    const sheet = book.getWorksheet('整改台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      expect.arrayContaining(['问题编号', '责任单位', '问题来源', '整改措施', '整改时限', '预警等级', '整改状态', '处理方式', '联动整改任务']),
    );
    expect(sheet.actualRowCount).toBe(8);

    const csv = await expectStatus(p.http().get(`/api/campaigns/${CAMPAIGN}/ledger/export?format=csv&overdue=true`).set(w.office), 200);
    const rows = parse(csv.text, { bom: true, columns: true, comment: '#' }) as Record<string, string>[];
    expect(rows.map((r) => r['问题编号']).sort()).toEqual(['p-joint', 'p-red']);
    expect(rows.find((r) => r['问题编号'] === 'p-red')).toMatchObject({ 预警等级: '红色预警（已超期）', 是否超期: '是', 责任单位: '芙蓉社区党支部' });
  });
});
