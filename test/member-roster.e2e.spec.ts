import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { expectStatus, fetchWorkbook, Headers, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { embeddedToken } from './support/position-tokens';
import { TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

const NAMES = /王一|李二|张三|赵四|钱五/;
const ROSTER = '/api/units/branch-1/roster';
const MEMBERS = '/api/units/branch-1/members';
const STREAM = '/api/streams/member-roster-branch-1/events';

describe('member roster (党员名册) over HTTP', () => {
  let p: TestPlatform;
  let w: ViewsWorld;
  let otherLiaison: Headers;
  let townInspector: Headers;
  let branchInspector: Headers;

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform());
    otherLiaison = await p.signIn('op-branch2', 'operator', ['branch-2']);
    townInspector = await p.signIn('insp-town1', 'inspector', ['town-1']);
    branchInspector = await p.signIn('insp-branch1', 'inspector', ['branch-1']);
  });
  afterAll(async () => p.close());

  it('refuses a CSV with bad rows row by row and writes nothing', async () => {
    const head = await p.headPosition();
    const csv = '党员编号,姓名,状态,流入地\nm1,王一,正常,\nm1,李二,正常,\nm3,,流动党员,\nm4,赵四,失联,';
    const res = await expectStatus(p.http().post(`${MEMBERS}/import`).set(w.operator).send({ csv }), 422);
    expect(res.body.code).toBe('import_rows_invalid');
    expect(res.body.details.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [2, 'memberId', 'member_duplicate'],
      [3, 'name', 'name_required'],
      [3, 'workplace', 'workplace_required'],
      [4, 'status', 'status_invalid'],
    ]);
    const header = await expectStatus(p.http().post(`${MEMBERS}/import`).set(w.operator).send({ csv: '编号,电话\nm1,1' }), 400);
    expect(header.body.errors[0]).toMatchObject({ field: 'csv', rule: 'csv_columns' });
    const syntax = await expectStatus(p.http().post(`${MEMBERS}/import`).set(w.operator).send({ csv: 'memberId,name\n"m1,王一' }), 400);
    expect(syntax.body.errors[0]).toMatchObject({ field: 'csv', rule: 'csv_syntax' });
    await expectStatus(p.http().post(`${MEMBERS}/import`).set(w.operator).send({ csv: 'memberId,name\nm1,王一', extra: 1 }), 400);
    await expectStatus(p.http().post('/api/units/branch-2/members/import').set(w.operator).send({ csv: 'memberId,name\nm1,王一' }), 403);
    expect(await p.headPosition()).toBe(head);
    const roster = await expectStatus(p.http().get(ROSTER).set(w.operator), 200);
    expect(roster.body).toMatchObject({ onRoll: 0, members: [] });
  });

  it('imports a roster, adds and corrects members, and records their status changes', async () => {
    const csv = '\uFEFF党员编号,姓名,状态,流入地\nm1,王一,正常,\nm2,李二,流动党员,广东省深圳市某电子厂\nm3,张三,正常,\nm4,赵四,正常,';
    await expectStatus(p.http().post(`${MEMBERS}/import`).set(w.operator).send({ csv }), 201);
    await expectStatus(p.http().post(MEMBERS).set(w.operator).send({ memberId: 'm5', name: '钱五五', status: 'active' }), 201);
    await expectStatus(p.http().post(`${MEMBERS}/m5/name`).set(w.operator).send({ name: '钱五' }), 201);
    const dup = await expectStatus(p.http().post(MEMBERS).set(w.operator).send({ memberId: 'm5', name: '某', status: 'active' }), 422);
    expect(dup.body.code).toBe('member_exists');
    await expectStatus(p.http().post(MEMBERS).set(w.operator).send({ memberId: 'm6', name: '某', status: '失联' }), 400);

    await expectStatus(p.http().post(`${MEMBERS}/m3/status`).set(w.operator).send({ to: 'mobile', workplace: '浙江省杭州市', effectiveOn: '2026-01-10' }), 201);
    await expectStatus(p.http().post(`${MEMBERS}/m4/status`).set(w.operator).send({ to: 'transferred_out', toUnit: '鼎城区某镇党委', effectiveOn: '2026-01-12', reason: '组织关系转接' }), 201);
    const again = await expectStatus(p.http().post(`${MEMBERS}/m4/status`).set(w.operator).send({ to: 'active', effectiveOn: '2026-01-13' }), 422);
    expect(again.body.code).toBe('member_left');
    const noPlace = await expectStatus(p.http().post(`${MEMBERS}/m1/status`).set(w.operator).send({ to: 'mobile', effectiveOn: '2026-01-13' }), 422);
    expect(noPlace.body.code).toBe('workplace_required');
    await expectStatus(p.http().post(`${MEMBERS}/m1/status`).set(w.operator).send({ to: 'mobile', effectiveOn: '13 Jan' }), 400);

    const roster = await expectStatus(p.http().get(ROSTER).set(w.operator), 200);
    expect(roster.body).toMatchObject({ namesShown: true, onRoll: 4, counts: { active: 2, mobile: 2, transferred_out: 1 } });
    expect(roster.body.members.map((m: { memberId: string; name: string; status: string }) => [m.memberId, m.name, m.status])).toEqual([
      ['m1', '王一', 'active'],
      ['m2', '李二', 'mobile'],
      ['m3', '张三', 'mobile'],
      ['m4', '赵四', 'transferred_out'],
      ['m5', '钱五', 'active'],
    ]);
  });

  it('keeps a search case (查找党员) with its attempts and outcome; the office sees how many are still sought per unit', async () => {
    await expectStatus(p.http().post(`${MEMBERS}/m1/search`).set(w.operator).send({ caseId: 'case-1', lastKnown: '2025 年外出后失联', lostSince: '2025-08-01' }), 201);
    await expectStatus(p.http().post(`${MEMBERS}/m5/search`).set(w.operator).send({ caseId: 'case-2', lastKnown: '搬迁后失联', lostSince: '2025-10-01' }), 201);
    await expectStatus(p.http().post(`${MEMBERS}/m1/search/attempts`).set(w.operator).send({ attemptId: 'a1', on: '2026-01-15', method: '联系家属', result: '家属称在广州' }), 201);
    const dupCase = await expectStatus(p.http().post(`${MEMBERS}/m2/search`).set(w.operator).send({ caseId: 'case-1', lastKnown: 'x', lostSince: '2025-08-01' }), 422);
    expect(dupCase.body.code).toBe('case_exists');

    const sought = await expectStatus(p.http().get('/api/member-rosters').set(w.office), 200);
    expect(sought.body.units).toEqual([expect.objectContaining({ unitId: 'branch-1', sought: 2, onRoll: 4 })]);
    expect(sought.body.rollups.find((r: { unitId: string }) => r.unitId === 'town-1')).toMatchObject({ level: 'township', units: 1, sought: 2 });
    expect(sought.body.overall).toMatchObject({ units: 1, sought: 2, counts: { missing: 2 } });
    expect(JSON.stringify(sought.body)).not.toMatch(NAMES);

    await expectStatus(p.http().post(`${MEMBERS}/m1/search/close`).set(w.operator).send({ outcome: 'found', to: 'mobile', workplace: '广东省广州市', on: '2026-01-20', note: '已取得联系' }), 201);
    const closed = await expectStatus(p.http().post(`${MEMBERS}/m1/search/close`).set(w.operator).send({ outcome: 'found', to: 'active', on: '2026-01-21', note: 'x' }), 422);
    expect(closed.body.code).toBe('search_not_open');
    const roster = await expectStatus(p.http().get(ROSTER).set(w.office), 200);
    const m1 = roster.body.members.find((m: { memberId: string }) => m.memberId === 'm1');
    expect(m1).toMatchObject({ status: 'mobile', workplace: '广东省广州市', search: null, searchesClosed: 1 });
    expect(m1.closedSearches).toEqual([
      { caseId: 'case-1', lostSince: '2025-08-01', lastKnown: '2025 年外出后失联', attempts: [{ attemptId: 'a1', on: '2026-01-15', method: '联系家属', result: '家属称在广州' }], outcome: 'found', closedOn: '2026-01-20', note: '已取得联系' },
    ]);
    expect(roster.body).toMatchObject({ sought: 1, counts: { missing: 1 } });
    const head = await p.headPosition();
    expect(roster.body.asOf.position).toBe(embeddedToken(head));
    const before = await expectStatus(p.http().get(`${ROSTER}?asOf=${embeddedToken(head - 1)}`).set(w.office), 200);
    expect(before.body).toMatchObject({ sought: 2 });
  });

  it('computes the board’s participation rate from the roster for a unit that keeps one, and says which', async () => {
    const base = `/api/campaigns/${CAMPAIGN}/units/branch-1/member-participation`;
    const wrongStep = await expectStatus(p.http().post(base).set(w.operator).send({ stepKey: 'no_such_step', attended: ['m1'] }), 422);
    expect(wrongStep.body.code).toBe('step_invalid');
    const gone = await expectStatus(p.http().post(base).set(w.operator).send({ stepKey: 'centralized_study', attended: ['m4'] }), 422);
    expect(gone.body.code).toBe('member_not_on_roll');
    // On the roll: m1, m2, m3 and m5 (sought); m4 transferred out. m2 excused: 2 of 3 expected took part.
    await expectStatus(p.http().post(base).set(w.operator).send({ stepKey: 'centralized_study', attended: ['m1', 'm3'], excused: [{ memberId: 'm2', reason: '外出务工' }] }), 201);
    await recordStudy(p, w.operator, 'branch-1', ['mobilization_meeting'], { shouldAttend: 40, attended: 36 });
    await recordStudy(p, otherLiaison, 'branch-2', ['mobilization_meeting'], { shouldAttend: 10, attended: 5 });

    const board = await expectStatus(p.http().get(`/api/campaigns/${CAMPAIGN}/board`).set(w.office), 200);
    const row = (unitId: string) => board.body.rows.find((r: { unitId: string }) => r.unitId === unitId);
    expect(row('branch-1')).toMatchObject({ participationSource: 'roster', counts: { participation: { shouldAttend: 4, attended: 2, excused: 1 } }, metrics: { participationRate: 2 / 3 } });
    expect(row('branch-2')).toMatchObject({ participationSource: 'reported', metrics: { participationRate: 0.5 } });
    expect(row('branch-3')).toMatchObject({ participationSource: null });
    // The answer carries its root's roll-up only: the township is asked for as the root.
    const byTown = await expectStatus(p.http().get(`/api/campaigns/${CAMPAIGN}/board?root=town-1`).set(w.office), 200);
    const town1 = byTown.body.rollups.find((r: { unitId: string }) => r.unitId === 'town-1');
    expect(town1.counts.participation).toEqual({ shouldAttend: 14, attended: 7, excused: 1 });
    expect(JSON.stringify(board.body)).not.toMatch(NAMES);
    const csv = await expectStatus(p.http().get(`/api/campaigns/${CAMPAIGN}/board/export?format=csv`).set(w.office), 200);
    const line = (name: string) => csv.text.split('\r\n').find((l) => l.includes(name)) ?? '';
    expect(line('芙蓉社区党支部')).toContain('按党员名册计算');
    expect(line('丹阳社区党支部')).toContain('按上报人数计算');
  });

  describe('names, role by role', () => {
    const sees = (h: Headers | null, path: string) => (h ? p.http().get(path).set(h) : p.http().get(path));

    it.each([
      ['admin', () => w.admin, true],
      ['office', () => w.office, true],
      ['own-unit liaison', () => w.operator, true],
    ])('the roster shows names to the %s', async (_, who, names) => {
      const res = await expectStatus(sees(who(), ROSTER), 200);
      expect(res.body.namesShown).toBe(names);
      expect(JSON.stringify(res.body)).toMatch(NAMES);
    });

    it.each([
      ['inspector of the township', () => townInspector],
      ['inspector assigned to the branch', () => branchInspector],
      ['county leader', () => w.leader],
    ])('the roster shows the %s counts only', async (_, who) => {
      const res = await expectStatus(sees(who(), ROSTER), 200);
      expect(res.body).toMatchObject({ namesShown: false, members: null, onRoll: 4, sought: 1 });
      expect(JSON.stringify(res.body)).not.toMatch(NAMES);
      const csv = await expectStatus(sees(who(), `${ROSTER}/export?format=csv`), 200);
      expect(csv.text).not.toMatch(NAMES);
      expect(csv.text).toContain('查找中');
    });

    it('answers another unit’s liaison 404 and an anonymous caller 401', async () => {
      await expectStatus(sees(otherLiaison, ROSTER), 404);
      await expectStatus(sees(otherLiaison, `${ROSTER}/export`), 404);
      await expectStatus(sees(null, ROSTER), 401);
      await expectStatus(sees(null, '/api/member-rosters'), 401);
      const own = await expectStatus(sees(otherLiaison, '/api/member-rosters'), 200);
      expect(own.body.units).toEqual([]);
    });

    it('exports the roster with names to the office', async () => {
      const { book } = await fetchWorkbook(p, `${ROSTER}/export`, w.office);
      expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['党员名册', '人数']));
      expect(JSON.stringify(book.getWorksheet('党员名册')!.getSheetValues())).toMatch(NAMES);
    });

    it('withholds names in the raw event stream from inspectors and leaders, not from the office and administrators', async () => {
      for (const h of [w.admin, w.office]) {
        const res = await expectStatus(sees(h, STREAM), 200);
        expect(JSON.stringify(res.body)).toMatch(NAMES);
      }
      for (const h of [townInspector, branchInspector, w.leader]) {
        const res = await expectStatus(sees(h, STREAM), 200);
        const body = JSON.stringify(res.body);
        expect(body).not.toMatch(NAMES);
        expect(body).not.toMatch(/深圳|广州|杭州|家属/);
        expect(res.body.events[0].data.members.map((m: { memberId: string; name: string }) => [m.memberId, m.name])).toContainEqual(['m1', '（已隐去）']);
      }
      await expectStatus(sees(w.operator, STREAM), 403);
      await expectStatus(sees(otherLiaison, STREAM), 403);
      await expectStatus(sees(null, STREAM), 401);
    });

    it('withholds names in the audit trail’s payloads from inspectors and leaders', async () => {
      const path = '/api/audit-trail?streamId=member-roster-branch-1&limit=100';
      for (const h of [w.admin, w.office]) {
        const res = await expectStatus(sees(h, path), 200);
        expect(res.body.items.length).toBeGreaterThan(5);
        expect(JSON.stringify(res.body.items)).toMatch(NAMES);
      }
      for (const h of [townInspector, w.leader]) {
        const res = await expectStatus(sees(h, path), 200);
        expect(res.body.items.map((i: { type: string }) => i.type)).toContain('MembersImported');
        expect(JSON.stringify(res.body)).not.toMatch(NAMES);
      }
      await expectStatus(sees(w.operator, path), 403);
    });
  });
});
