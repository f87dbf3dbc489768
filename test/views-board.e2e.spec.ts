import { parse } from 'csv-parse/sync';
import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { expectStatus, fetchWorkbook, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { ProjectionRunner } from '@platform/read-models';
import { TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

const BOARD = `/api/campaigns/${CAMPAIGN}/board`;

describe('progress board over HTTP', () => {
  let p: TestPlatform;
  let w: ViewsWorld;

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform());
    const op = (unitId: string) => p.signIn(`op-${unitId}`, 'operator', [unitId]);
    await recordStudy(p, w.operator, 'branch-1', undefined, { shouldAttend: 40, attended: 36, excused: [{ reason: '流动党员', count: 2 }] });
    await recordStudy(p, await op('branch-2'), 'branch-2', ['mobilization_meeting'], { shouldAttend: 10, attended: 5 });
    await recordStudy(p, await op('branch-3'), 'branch-3', ['mobilization_meeting', 'centralized_study']);
  });
  afterAll(async () => p.close());

  it('shows each unit’s progress right after it is recorded, ranked, with roll-ups summed up the tree', async () => {
    const res = await expectStatus(p.http().get(`${BOARD}?rankBy=stepCompletion`).set(w.office), 200);
    expect(res.headers['x-view-stale']).toBeUndefined();
    expect(res.body).toMatchObject({ campaign: { campaignId: CAMPAIGN, name: '第二批先进性教育活动' }, metricsVersion: 1, total: 4, skip: 0, limit: 50 });
    expect(res.body.rows.map((r: { unitId: string; rank: number }) => [r.rank, r.unitId])).toEqual([
      [1, 'branch-1'],
      [2, 'branch-3'],
      [3, 'branch-2'],
      [4, 'branch-4'],
    ]);
    expect(res.body.rows[0]).toMatchObject({
      name: '芙蓉社区党支部',
      phase: { key: 'study', name: '学习动员' },
      counts: { steps: { requiredDone: 4, requiredTotal: 4 } },
      metrics: { stepCompletion: 1, participationRate: 36 / 38, completionRate: null, satisfactionRate: null },
      transition: { status: 'none' },
    });
    // The answer carries the root's roll-up, and its children's in their lines; a township below is asked for as the root.
    expect(res.body.rollups.map((r: { unitId: string }) => r.unitId)).toEqual(['city']);
    expect(res.body.children.map((c: { unitId: string; rollup: { unitCount: number } }) => [c.unitId, c.rollup.unitCount])).toEqual([['county-1', 3], ['county-2', 1]]);
    const byTown = await expectStatus(p.http().get(`${BOARD}?root=town-1`).set(w.office), 200);
    const town1 = byTown.body.rollups.find((r: { unitId: string }) => r.unitId === 'town-1');
    expect(town1).toMatchObject({ level: 'township', unitCount: 2, counts: { participation: { shouldAttend: 50, attended: 41, excused: 2 } } });
    expect(town1.metrics.participationRate).toBe(41 / 48);
    expect(res.body.overall).toMatchObject({ unitCount: 4, counts: { steps: { requiredDone: 7, requiredTotal: 16 } } });

    await recordStudy(p, await p.signIn('op-branch-4', 'operator', ['branch-4']), 'branch-4', ['mobilization_meeting']);
    const after = await expectStatus(p.http().get(BOARD).set(w.office), 200);
    expect(after.body.rows.find((r: { unitId: string }) => r.unitId === 'branch-4').counts.steps.requiredDone).toBe(1);
  });

  it('filters by subtree, unit type and phase, and pages', async () => {
    const sub = await expectStatus(p.http().get(`${BOARD}?root=town-1&rankBy=stepCompletion`).set(w.office), 200);
    expect(sub.body.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['branch-1', 'branch-2']);
    const rural = await expectStatus(p.http().get(`${BOARD}?unitType=rural`).set(w.office), 200);
    expect(rural.body.rows.map((r: { unitId: string }) => r.unitId).sort()).toEqual(['branch-3', 'branch-4']);
    expect((await expectStatus(p.http().get(`${BOARD}?phaseKey=analysis`).set(w.office), 200)).body.total).toBe(0);
    const page = await expectStatus(p.http().get(`${BOARD}?rankBy=stepCompletion&skip=1&limit=2`).set(w.office), 200);
    expect(page.body).toMatchObject({ total: 4, skip: 1, limit: 2 });
    expect(page.body.rows.map((r: { rank: number }) => r.rank)).toEqual([2, 3]);
    await expectStatus(p.http().get(`${BOARD}?rankBy=bogus`).set(w.office), 400);
    await expectStatus(p.http().get(`${BOARD}?metricsVersion=3`).set(w.office), 400);
  });

  it('shows a narrow scope only its own units, in rows and roll-ups alike, and 404s a subtree outside it', async () => {
    const insp = await expectStatus(p.http().get(BOARD).set(w.inspector), 200);
    expect(insp.body.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['branch-3']);
    expect(insp.body.rollups.map((r: { unitId: string; unitCount: number }) => [r.unitId, r.unitCount])).toEqual([['city', 1]]);
    expect(insp.body.children.map((c: { unitId: string; rollup: { unitCount: number } }) => [c.unitId, c.rollup.unitCount])).toEqual([['county-1', 1]]);
    expect(insp.body.overall.counts.participation).toEqual({ shouldAttend: 0, attended: 0, excused: 0 });
    await expectStatus(p.http().get(`${BOARD}?root=town-1`).set(w.inspector), 404);
    await expectStatus(p.http().get(`${BOARD}?root=nowhere`).set(w.office), 404);
    const own = await expectStatus(p.http().get(BOARD).set(w.operator), 200);
    expect(own.body.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['branch-1']);
    await expectStatus(p.http().get('/api/campaigns/no-such/board').set(w.office), 404);
  });

  it('answers exactly what it answered then when asked as of that moment', async () => {
    const then = await expectStatus(p.http().get(BOARD).set(w.leader), 200);
    // Small scopes, whose past boards are prepared from their own units alone (prepareBoard).
    const narrowThen = await expectStatus(p.http().get(BOARD).set(w.inspector), 200);
    const subtreeThen = await expectStatus(p.http().get(`${BOARD}?root=branch-2&rankBy=stepCompletion`).set(w.leader), 200);
    await recordStudy(p, await p.signIn('op-branch-2', 'operator', ['branch-2']), 'branch-2', ['centralized_study', 'thematic_discussion']);
    const now = await expectStatus(p.http().get(BOARD).set(w.leader), 200);
    expect(now.body).not.toEqual(then.body);
    const byTime = await expectStatus(p.http().get(`${BOARD}?asOf=${encodeURIComponent(then.body.asOf.at)}`).set(w.leader), 200);
    expect(byTime.body).toEqual(then.body);
    const byPosition = await expectStatus(p.http().get(`${BOARD}?asOf=${then.body.asOf.position}`).set(w.leader), 200);
    expect({ ...byPosition.body, asOf: null }).toEqual({ ...then.body, asOf: null });
    expect(byPosition.body.asOf.position).toBe(then.body.asOf.position);
    const narrow = await expectStatus(p.http().get(`${BOARD}?asOf=${then.body.asOf.position}`).set(w.inspector), 200);
    expect({ ...narrow.body, asOf: null }).toEqual({ ...narrowThen.body, asOf: null });
    const subtree = await expectStatus(p.http().get(`${BOARD}?root=branch-2&rankBy=stepCompletion&asOf=${then.body.asOf.position}`).set(w.leader), 200);
    expect({ ...subtree.body, asOf: null }).toEqual({ ...subtreeThen.body, asOf: null });
    expect(subtree.body.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['branch-2']);
    // Under the other definition the same past is computable too.
    const v2 = await expectStatus(p.http().get(`${BOARD}?asOf=${then.body.asOf.position}&metricsVersion=2`).set(w.leader), 200);
    expect(v2.body).toMatchObject({ metricsVersion: 2, total: then.body.total });
    await expectStatus(p.http().get(`${BOARD}?asOf=2999-01-01T00:00:00Z`).set(w.leader), 400);
    await expectStatus(p.http().get(`${BOARD}?asOf=yesterday`).set(w.leader), 400);
  });

  it('exports the board as XLSX with Chinese headers, and as CSV rows', async () => {
    const { res: xlsx, book } = await fetchWorkbook(p, `${BOARD}/export?format=xlsx&rankBy=stepCompletion`, w.office);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('进度看板'));
    const sheet = book.getWorksheet('进度看板')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['排名', '组织名称', '当前阶段', '参学率(%)', '整改完成率(%)', '满意度测评']));
    expect(sheet.getRow(2).getCell(3).value).toBe('芙蓉社区党支部');
    expect(sheet.actualRowCount).toBe(5);
    expect(book.getWorksheet('汇总')!.actualRowCount).toBeGreaterThan(1);

    const csv = await expectStatus(p.http().get(`${BOARD}/export?format=csv&rankBy=stepCompletion`).set(w.inspector), 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFF排名,组织编码,组织名称')).toBe(true);
    const rows = parse(csv.text, { bom: true, columns: true, comment: '#' }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ 排名: '1', 组织编码: 'branch-3', 组织名称: '河洑村党支部', 当前阶段: '学习动员' })]);
    // A rate over nothing is left empty, never shown as 0 %.
    expect(rows[0]).toMatchObject({ '步骤完成率(%)': '50', '参学率(%)': '' });
  });

  it('reports each projection’s lag and last error on /health', async () => {
    const health = await expectStatus(p.http().get('/health'), 200);
    expect(health.body.projections.items.map((x: { name: string }) => x.name).sort()).toEqual([
      'assessment-results',
      'audit-trail',
      'demonstration-register',
      'inbox',
      'instructions',
      'key-task-schedule',
      'member-roster',
      'notices',
      'progress-board',
      'rectification-ledger',
      'search',
    ]);
    for (const x of health.body.projections.items) {
      expect(x).toMatchObject({ lastError: null, lag: expect.any(Number), position: expect.any(Number) });
    }
    expect(health.body.projections.healthy).toBe(true);
  });

  it('says in the body as well as in X-View-Stale when the views are behind, and by how much', async () => {
    const fresh = await expectStatus(p.http().get(BOARD).set(w.office), 200);
    expect(fresh.body.asOf.stale).toBeNull();
    const runner = p.app.get(ProjectionRunner);
    await runner.stop();
    try {
      await recordStudy(p, await p.signIn('op-branch-2', 'operator', ['branch-2']), 'branch-2', [], { shouldAttend: 10, attended: 6 });
      const behind = await expectStatus(p.http().get(BOARD).set(w.office), 200);
      // The answer reflects the moment the fresh one showed: the same opaque token, compared for equality only.
      expect(behind.body.asOf.stale).toMatchObject({ events: 1, checkpoint: fresh.body.asOf.position });
      expect(behind.body.asOf.position).not.toBe(fresh.body.asOf.position);
      expect(behind.body.asOf.stale.ms).toBeGreaterThanOrEqual(0);
      expect(behind.body.asOf.stale.message).toContain('落后 1 个事件');
      expect(behind.headers['x-view-stale']).toMatch(new RegExp(`^true; events=1; ms=\\d+; checkpoint=${fresh.body.asOf.position}$`));
      // Passed back as asOf, the checkpoint names that moment.
      const then = await expectStatus(p.http().get(`${BOARD}?asOf=${encodeURIComponent(behind.body.asOf.stale.checkpoint)}`).set(w.office), 200);
      expect(then.body.asOf.position).toBe(fresh.body.asOf.position);
    } finally {
      runner.start();
    }
    await runner.caughtUp();
    const caughtUp = await expectStatus(p.http().get(BOARD).set(w.office), 200);
    expect(caughtUp.body.asOf.stale).toBeNull();
    expect(caughtUp.headers['x-view-stale']).toBeUndefined();
  });
});
