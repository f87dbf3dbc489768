import { parse } from 'csv-parse/sync';
import { samplePdf } from '@platform/blobs';
import { expectStatus, fetchWorkbook, ViewsWorld } from '../libs/views/src/testing/views-world';
import { Headers, TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

const TASK = '/api/key-tasks/kt-std';
const SCHEDULE = `${TASK}/schedule`;
const report = (stockTakeId: string, unitId: string) => `${TASK}/stock-takes/${stockTakeId}/units/${unitId}`;

type Row = { unitId: string; rank: number; status: string; value: number | null; share: number | null; responsible: string; report: { comments: string[]; returned: unknown } | null };
type Rollup = { unitId: string; level: string; parts: number; onTrackShare: number | null; rank: number; counts: Record<string, number> };
const ranking = (body: { rows: Row[] }) => body.rows.map((r) => [r.rank, r.unitId, r.status]);

/**
 * 重点任务调度 end to end: the office defines a task (10 branches standardized by year end),
 * decomposes it to the four branches with a named person each, takes stock in June and September;
 * liaisons report, reviewers comment and return, and the June stock-take goes out as a notice.
 */
describe('key tasks and their scheduling over HTTP', () => {
  let now = Date.parse('2026-03-01T02:00:00.000Z');
  let p: TestPlatform;
  let w: ViewsWorld;
  let op: Record<string, Headers>;
  let juneEnd: number;

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform({ clock: () => new Date(now) }));
    op = { 'branch-1': w.operator };
    for (const unitId of ['branch-2', 'branch-3', 'branch-4']) op[unitId] = await p.signIn(`op-${unitId}`, 'operator', [unitId]);
  });
  afterAll(async () => p.close());

  it('lets only the office define a task, and names the field of bad input', async () => {
    const task = { taskId: 'kt-std', title: '村党组织标准化规范化建设', measuresOfDone: ['组织设置规范', '阵地建设达标'], deadline: '2026-12-31', target: { quantity: 10, unit: '个支部' } };
    const bad = await expectStatus(p.http().post('/api/key-tasks').set(w.office).send({ ...task, measuresOfDone: [], deadline: '年底' }), 400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['deadline', 'measuresOfDone']);
    const badTarget = await expectStatus(p.http().post('/api/key-tasks').set(w.office).send({ ...task, target: { quantity: 0, unit: '个' } }), 400);
    expect(badTarget.body.errors[0].field).toBe('target.quantity');
    await expectStatus(p.http().post('/api/key-tasks').set(w.operator).send(task), 403);
    await expectStatus(p.http().post('/api/key-tasks').set(w.office).send(task), 201);
    const again = await expectStatus(p.http().post('/api/key-tasks').set(w.office).send(task), 422);
    expect(again.body.code).toBe('key_task_exists');
  });

  it('decomposes the task to units with a responsible person each, within the target', async () => {
    const parts = [
      { unitId: 'branch-1', responsible: '王书记', target: 3 },
      { unitId: 'branch-2', responsible: '李书记', target: 3 },
      { unitId: 'branch-3', responsible: '赵书记', target: 2 },
    ];
    const over = await expectStatus(p.http().post(`${TASK}/parts`).set(w.office).send({ parts: [...parts, { unitId: 'branch-4', responsible: '钱书记', target: 3 }] }), 422);
    expect(over.body).toMatchObject({ code: 'parts_exceed_target', details: { assigned: 11, target: 10 } });
    const noName = await expectStatus(p.http().post(`${TASK}/parts`).set(w.office).send({ parts: [{ unitId: 'branch-4', target: 2 }] }), 400);
    expect(noName.body.errors[0].field).toBe('parts.0.responsible');
    const unknown = await expectStatus(p.http().post(`${TASK}/parts`).set(w.admin).send({ parts: [{ unitId: 'nowhere', responsible: '某人', target: 1 }] }), 422);
    expect(unknown.body).toMatchObject({ code: 'unit_not_found', details: { unitId: 'nowhere' } });
    await expectStatus(p.http().post(`${TASK}/parts`).set(w.office).send({ parts }), 201);
    await expectStatus(p.http().post(`${TASK}/parts`).set(w.office).send({ parts: [{ unitId: 'branch-4', responsible: '钱书记', target: 2 }] }), 201);
    await expectStatus(p.http().post(`${TASK}/parts/branch-4/responsible`).set(w.office).send({ responsible: '孙书记', reason: '换届' }), 201);
    await expectStatus(p.http().post(`${TASK}/stock-takes`).set(w.office).send({ stockTakeId: 'st-06', label: '6月调度', dueOn: '2026-06-30' }), 201);
    const early = await expectStatus(p.http().post(`${TASK}/stock-takes`).set(w.office).send({ stockTakeId: 'st-05', label: '5月调度', dueOn: '2026-05-31' }), 422);
    expect(early.body.code).toBe('stock_take_out_of_order');
    await expectStatus(p.http().post(`${TASK}/stock-takes`).set(w.operator).send({ stockTakeId: 'st-x', label: 'x', dueOn: '2026-07-31' }), 403);
  });

  it('takes the units’ reports, a unit only for itself, and the reviewers’ comments and returns within their scope', async () => {
    now = Date.parse('2026-06-20T02:00:00.000Z');
    const send = (unitId: string, body: object, who = op[unitId]) => p.http().post(`${report('st-06', unitId)}/reports`).set(who).send(body);
    // Evidence files: a reference naming no uploaded file is refused, naming the field, and nothing is written; an uploaded file's is taken.
    const upload = await expectStatus(p.http().post('/api/files').set(op['branch-1']).attach('file', samplePdf('3 个支部验收记录'), '验收记录.pdf'), 201);
    const before = await p.headPosition();
    const missing = await expectStatus(send('branch-1', { value: 3, done: false, narrative: '3 个支部全部通过验收', evidence: [upload.body.ref, `sha256:${'0'.repeat(64)}`] }), 400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'evidence.1', rule: 'storedFile' })]);
    expect(await p.headPosition()).toBe(before);
    await expectStatus(send('branch-1', { value: 3, done: false, narrative: '3 个支部全部通过验收', evidence: [upload.body.ref, '验收记录（纸质）'] }), 201);
    await expectStatus(send('branch-2', { value: 1, done: false, narrative: '1 个支部通过验收' }), 201);
    await expectStatus(send('branch-3', { value: 1, done: false, narrative: '阵地改造中' }), 201);
    await expectStatus(send('branch-4', { value: 1, done: false, narrative: '推进中' }), 201);
    await expectStatus(send('branch-2', { value: 3, done: true, narrative: '代报' }, op['branch-1']), 403);

    const noValue = await expectStatus(send('branch-1', { done: 'yes', narrative: '' }), 400);
    expect([...new Set(noValue.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['done', 'narrative']);
    expect((await expectStatus(send('branch-1', { done: false, narrative: '没有完成数' }), 422)).body.code).toBe('value_required');

    await expectStatus(p.http().post(`${report('st-06', 'branch-3')}/comments`).set(w.inspector).send({ comment: '进度符合要求，注意佐证' }), 201);
    await expectStatus(p.http().post(`${report('st-06', 'branch-1')}/comments`).set(w.inspector).send({ comment: '越界' }), 403);
    await expectStatus(p.http().post(`${report('st-06', 'branch-4')}/return`).set(w.operator).send({ reason: '不是督导组' }), 403);
    await expectStatus(p.http().post(`${report('st-06', 'branch-4')}/return`).set(w.office).send({ reason: '佐证不全' }), 201);
  });

  it('ranks the stock-take per unit and rolls it up the tree, as hand-checked', async () => {
    // Defined 2026-03-01, due 2026-12-31 (305 days); June's stock-take is due 2026-06-30 (121 days in):
    // a unit on track has reached 121/305 = 39.7% of its target.
    const res = await expectStatus(p.http().get(SCHEDULE).set(w.office), 200);
    expect(res.body.stockTake).toMatchObject({ stockTakeId: 'st-06', open: true });
    expect(res.body.stockTake.expectedShare).toBeCloseTo(121 / 305, 10);
    expect(ranking(res.body)).toEqual([
      [1, 'branch-1', 'done'], // 3 of 3
      [2, 'branch-3', 'on_track'], // 1 of 2 = 50% ≥ 39.7%
      [3, 'branch-2', 'behind'], // 1 of 3 = 33.3% < 39.7%
      [4, 'branch-4', 'not_reported'], // returned: it has to report again
    ]);
    expect(res.body.counts).toEqual({ done: 1, on_track: 1, behind: 1, not_reported: 1 });
    const rows: Row[] = res.body.rows;
    expect(rows.find((r) => r.unitId === 'branch-3')).toMatchObject({ value: 1, share: 0.5, responsible: '赵书记', report: { comments: ['进度符合要求，注意佐证'] } });
    expect(rows.find((r) => r.unitId === 'branch-4')).toMatchObject({ responsible: '孙书记', value: null, report: { returned: { reason: '佐证不全' } } });
    const rollups = (level: string) => (res.body.rollups as Rollup[]).filter((r) => r.level === level).map((r) => [r.rank, r.unitId, r.parts, r.onTrackShare]);
    expect(rollups('city')).toEqual([[1, 'city', 4, 0.5]]);
    expect(rollups('county')).toEqual([
      [1, 'county-1', 3, 2 / 3],
      [2, 'county-2', 1, 0],
    ]);
    expect(rollups('township')).toEqual([
      [1, 'town-2', 1, 1],
      [2, 'town-1', 2, 0.5],
      [3, 'town-3', 1, 0],
    ]);

    const inspector = await expectStatus(p.http().get(SCHEDULE).set(w.inspector), 200);
    expect(ranking(inspector.body)).toEqual([[1, 'branch-3', 'on_track']]);
    const leader = await expectStatus(p.http().get(`${SCHEDULE}?root=town-1`).set(w.leader), 200);
    expect(ranking(leader.body)).toEqual([
      [1, 'branch-1', 'done'],
      [2, 'branch-2', 'behind'],
    ]);
    await expectStatus(p.http().get(`${SCHEDULE}?root=town-3`).set(w.leader), 404);
    await expectStatus(p.http().get(`${SCHEDULE}?stockTakeId=st-99`).set(w.office), 404);
    await expectStatus(p.http().get('/api/key-tasks/kt-none/schedule').set(w.office), 404);
  });

  it('closes a stock-take, schedules the next, and answers any past moment as it was', async () => {
    await expectStatus(p.http().post(`${TASK}/stock-takes/st-06/close`).set(w.office).send({}), 201);
    const late = await expectStatus(p.http().post(`${report('st-06', 'branch-4')}/reports`).set(op['branch-4']).send({ value: 2, done: true, narrative: '补报' }), 422);
    expect(late.body.code).toBe('stock_take_closed');
    juneEnd = (await expectStatus(p.http().get(SCHEDULE).set(w.office), 200)).body.asOf.position;

    now = Date.parse('2026-09-25T02:00:00.000Z');
    await expectStatus(p.http().post(`${TASK}/stock-takes`).set(w.office).send({ stockTakeId: 'st-09', label: '9月调度', dueOn: '2026-09-30' }), 201);
    await expectStatus(p.http().post(`${report('st-09', 'branch-2')}/reports`).set(op['branch-2']).send({ value: 3, done: true, narrative: '全部达标', evidence: ['sha256-bb'] }), 201);

    const latest = await expectStatus(p.http().get(SCHEDULE).set(w.office), 200);
    expect(latest.body.stockTake.stockTakeId).toBe('st-09');
    expect(ranking(latest.body)[0]).toEqual([1, 'branch-2', 'done']);
    expect(latest.body.stockTakes.map((t: { stockTakeId: string; counts: Record<string, number> }) => [t.stockTakeId, t.counts.done, t.counts.not_reported])).toEqual([
      ['st-06', 1, 1],
      ['st-09', 1, 3],
    ]);
    expect(latest.body.rows.find((r: Row) => r.unitId === 'branch-2').history).toEqual([
      { stockTakeId: 'st-06', status: 'behind' },
      { stockTakeId: 'st-09', status: 'done' },
    ]);
    const june = await expectStatus(p.http().get(`${SCHEDULE}?stockTakeId=st-06`).set(w.office), 200);
    expect(ranking(june.body).map((r) => r[1])).toEqual(['branch-1', 'branch-3', 'branch-2', 'branch-4']);

    const then = await expectStatus(p.http().get(`${SCHEDULE}?asOf=${juneEnd}`).set(w.office), 200);
    expect(then.body.asOf).toMatchObject({ position: juneEnd, stale: null });
    expect(then.body.stockTakes.map((t: { stockTakeId: string; open: boolean }) => [t.stockTakeId, t.open])).toEqual([['st-06', false]]);
    expect(then.body.rows).toEqual(june.body.rows.map((r: Row & { history: unknown[] }) => ({ ...r, history: r.history.slice(0, 1) })));

    const list = await expectStatus(p.http().get('/api/key-tasks').set(w.inspector), 200);
    expect(list.body.tasks).toEqual([
      expect.objectContaining({ taskId: 'kt-std', unitCount: 1, stockTakeCount: 2, latest: expect.objectContaining({ stockTakeId: 'st-09', counts: { done: 0, on_track: 0, behind: 0, not_reported: 1 } }) }),
    ]);
    const listThen = await expectStatus(p.http().get(`/api/key-tasks?asOf=${juneEnd}`).set(w.office), 200);
    expect(listThen.body.tasks[0]).toMatchObject({ unitCount: 4, stockTakeCount: 1, latest: { stockTakeId: 'st-06', counts: { done: 1, on_track: 1, behind: 1, not_reported: 1 } } });
  });

  it('exports a stock-take as CSV and XLSX in rank order, with the audit checkpoint', async () => {
    const csv = await expectStatus(p.http().get(`${SCHEDULE}/export?format=csv&stockTakeId=st-06`).set(w.office), 200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = parse(csv.text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    expect(lines[0].slice(0, 8)).toEqual(['排名', '组织编码', '组织名称', '责任人', '状态', '目标值', '完成数', '完成比例(%)']);
    expect(lines.slice(1, 5).map((l) => [l[0], l[1], l[4], l[7]])).toEqual([
      ['1', 'branch-1', '已完成', '100'],
      ['2', 'branch-3', '按进度推进', '50'],
      ['3', 'branch-2', '滞后', '33.3'],
      ['4', 'branch-4', '未报送', ''],
    ]);
    expect(csv.text).toMatch(/ACP1\./);
    const { book } = await fetchWorkbook(p, `${SCHEDULE}/export?stockTakeId=st-06`, w.office);
    expect(book.worksheets.map((s) => s.name)).toEqual(['调度情况', '汇总', '审计检查点']);
    expect(book.getWorksheet('汇总')!.getRow(2).values).toEqual([undefined, '市', 1, 'city', '常德市', 4, 1, 1, 1, 1, 50]);
    await expectStatus(p.http().get(`${SCHEDULE}/export?format=pdf`).set(w.office), 400);
  });

  it('publishes the June stock-take as a frozen 通报 with its signed checkpoint, and reproduces it from the events', async () => {
    const NOTICES = `${TASK}/stock-takes/st-06/notices`;
    await expectStatus(p.http().post(NOTICES).set(w.operator).send({ noticeId: 'kt-n-06', title: 'x' }), 403);
    const published = await expectStatus(p.http().post(NOTICES).set(w.office).send({ noticeId: 'kt-n-06', title: '关于6月重点任务调度情况的通报' }), 201);
    expect(published.body.checkpoint.text).toMatch(/^ACP1\./);
    const missing = await expectStatus(p.http().post(`${TASK}/stock-takes/st-99/notices`).set(w.office).send({ noticeId: 'kt-n-99', title: '无此调度' }), 422);
    expect(missing.body.code).toBe('stock_take_not_found');
    expect((await expectStatus(p.http().post(NOTICES).set(w.office).send({ noticeId: 'kt-n-06', title: '改' }), 422)).body.code).toBe('notice_exists');

    // Later reports do not touch what was published.
    now = Date.parse('2026-09-26T02:00:00.000Z');
    await expectStatus(p.http().post(`${report('st-09', 'branch-1')}/reports`).set(op['branch-1']).send({ value: 3, done: true, narrative: '保持' }), 201);

    const notice = await expectStatus(p.http().get('/api/notices/kt-n-06').set(w.leader), 200);
    expect(notice.body).toMatchObject({ kind: 'key-task', taskId: 'kt-std', stockTakeId: 'st-06', title: '关于6月重点任务调度情况的通报', noticeDate: '2026-09-25' });
    expect(notice.body.checkpoint.text).toBe(published.body.checkpoint.text);
    expect(ranking(notice.body.snapshot)).toEqual([
      [1, 'branch-1', 'done'],
      [2, 'branch-3', 'on_track'],
      [3, 'branch-2', 'behind'],
      [4, 'branch-4', 'not_reported'],
    ]);
    const reproduced = await expectStatus(p.http().get('/api/notices/kt-n-06/reproduce').set(w.inspector), 200);
    expect(reproduced.body).toMatchObject({ kind: 'key-task', identical: true, storedSnapshotIntact: true, differences: [] });
    expect(reproduced.body.reproducedHash).toBe(notice.body.snapshotHash);

    const list = await expectStatus(p.http().get(`${TASK}/notices`).set(w.office), 200);
    expect(list.body.notices.map((n: { noticeId: string; unitCount: number }) => [n.noticeId, n.unitCount])).toEqual([['kt-n-06', 4]]);
    const campaignNotices = await expectStatus(p.http().get('/api/campaigns/xjx-2/notices').set(w.office), 200);
    expect(campaignNotices.body.total).toBe(0);
    const exported = await expectStatus(p.http().get('/api/notices/kt-n-06/export?format=csv').set(w.office), 200);
    expect(exported.text).toContain('branch-3');
    expect(exported.text).toContain(published.body.checkpoint.text);
  });
});
