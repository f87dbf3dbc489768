import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { SUPERVISION_NOTE_EXAMPLE } from '@platform/rectification';
import { EDUCATION_PHASES, problemRegistration, TOWN_TREE_CSV_ROWS } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

const TREE_CSV = [
  ...TOWN_TREE_CSV_ROWS,
  'b4,四村党支部,党支部,农村,town-1,22',
  'county-2,武陵区,区县(市),机关,city,0',
].join('\n');

const CAMPAIGN = 'adv-1';
/**
 * The snapshot hash the platform published for this very city before the classification was
 * versioned (the same requests, run on the code before the change): a v1 notice must equal it.
 */
const PUBLISHED_BEFORE_VERSIONING = 'cf4b674ed1256ee002c3635fc1dc9888e74ce45205d78e8e601160964f807a05';
const TRACKER = `/api/campaigns/${CAMPAIGN}/rectification-tracker`;
let now = new Date('2026-03-25T02:00:00Z');

type Row = { problemId: string; handling: string; underSupervision: boolean; supervision: { notes: number; last: { demand: string; dueBy: string } } | null };

describe('督查 (supervision) and the five kinds of seed 004 三.1 over HTTP', () => {
  let p: TestPlatform;
  let office: Headers, group: Headers, farGroup: Headers, townOp: Headers;
  const op: Record<string, Headers> = {};

  const post = async (path: string, actor: Headers, body: object = {}, status = 201) => {
    const res = await p.http().post(path).set(actor).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const get = async (path: string, actor: Headers = office) => {
    const res = await p.http().get(path).set(actor);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const register = (problemId: string, unitId: string) =>
    post('/api/problems', op[unitId], problemRegistration(problemId, CAMPAIGN, unitId, { category: '服务群众', description: `${problemId} 的问题`, responsibleLeader: { name: '王书记' }, handler: { name: '赵干事' }, discoveredAt: '2026-03-20' }));
  const plan = (problemId: string, unitId: string, timing: string, deadline: string) =>
    post(`/api/problems/${problemId}/plan`, op[unitId], { measures: ['建立制度'], timing, deadline });
  const kinds = async () => (await get(TRACKER)).overall.counts.byHandling;
  const list = async (query: string): Promise<Row[]> => (await get(`${TRACKER}/problems?${query}`)).items;
  const note = { ...SUPERVISION_NOTE_EXAMPLE, dueBy: '2026-04-05' };

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => now });
    await post('/api/organizations/import', await p.signIn('admin-1', 'admin'), { csv: TREE_CSV });
    office = await p.signIn('office-1', 'office', ['city']);
    // Its scope starts with the township that coordinates the joint problem; it belongs to no unit.
    group = await p.signIn('sg-1', 'inspector', ['town-1', 'county-1']);
    farGroup = await p.signIn('sg-2', 'inspector', ['county-2']);
    townOp = await p.signIn('op-town', 'operator', ['town-1']);
    for (const b of ['b1', 'b2', 'b3', 'b4']) op[b] = await p.signIn(`op-${b}`, 'operator', [b]);
    await post('/api/campaigns', office, {
      campaignId: CAMPAIGN,
      name: '第二批保持共产党员先进性教育活动',
      templateKey: 'advanced-education',
      batch: 2,
      subtreeRootId: 'town-1',
      plannedPhases: EDUCATION_PHASES,
    });

    // One problem of each state the rule tells apart.
    await register('p-immediate', 'b1');
    await plan('p-immediate', 'b1', 'immediate', '2026-03-31');
    await post('/api/problems/p-immediate/progress', op.b1, { note: '已召开专题会' });
    await register('p-deadline', 'b2');
    await plan('p-deadline', 'b2', 'by_deadline', '2026-05-31');
    await register('p-deferred', 'b3');
    await plan('p-deferred', 'b3', 'by_deadline', '2026-05-31');
    await post('/api/problems/p-deferred/defer', op.b3, {
      constraint: '道路改造需列入县财政预算',
      explanation: { text: '已在村民代表大会上说明情况', date: '2026-03-24' },
      reReviewDate: '2026-09-01',
      gradualMeasures: ['先修补破损路段'],
    });
    await register('p-joint', 'b4');
    await plan('p-joint', 'b4', 'by_deadline', '2026-06-30');
    await post('/api/problems/p-joint/escalate', townOp, {
      coordinatorUnitId: 'town-1',
      reason: '涉及两村，需镇党委协调',
      parts: [
        { partId: 'p4', unitId: 'b4', description: '清理沟渠', deadline: '2026-05-31' },
        { partId: 'p3', unitId: 'b3', description: '修复闸门', deadline: '2026-05-31' },
      ],
    });
    await register('p-fixed', 'b1');
    await plan('p-fixed', 'b1', 'by_deadline', '2026-04-30');
    await post('/api/problems/p-fixed/claim-fixed', op.b1, { evidence: '制度已上墙' });
    await register('p-solved', 'b2');
    await plan('p-solved', 'b2', 'immediate', '2026-03-28');
    await post('/api/problems/p-solved/claim-fixed', op.b2, { evidence: '已公开' });
    await post('/api/problems/p-solved/accept-fix', group, { comment: '经核实' });
    await register('p-identified', 'b3');
  });
  afterAll(async () => p.close());

  it('counts each of the five kinds as the seed says, and under v1 as notices published before were', async () => {
    // (1) immediate under way, a fix awaiting verification, one not yet planned; (2) the by-deadline one; (3)–(5) one each.
    expect(await kinds()).toEqual({ being_rectified: 3, by_deadline: 1, deferred: 1, joint: 1, solved: 1 });
    const handlingOf = Object.fromEntries((await list('limit=50')).map((r) => [r.problemId, r.handling]));
    expect(handlingOf).toEqual({
      'p-immediate': 'being_rectified',
      'p-fixed': 'being_rectified',
      'p-identified': 'being_rectified',
      'p-deadline': 'by_deadline',
      'p-deferred': 'deferred',
      'p-joint': 'joint',
      'p-solved': 'solved',
    });
    expect((await list('handling=by_deadline')).map((r) => r.problemId)).toEqual(['p-deadline']);

    const live = await get(`/api/campaigns/${CAMPAIGN}/board`);
    expect(live).toMatchObject({ handlingVersion: 2, overall: { problemsByHandling: { being_rectified: 3, by_deadline: 1 } } });
    const v1 = await get(`/api/campaigns/${CAMPAIGN}/board?handlingVersion=1`);
    expect(v1.overall.problemsByHandling).toEqual({ being_rectified: 1, by_deadline: 3, deferred: 1, joint: 1, solved: 1 });
    expect(v1).not.toHaveProperty('handlingVersion');
    expect((await p.http().get(`/api/campaigns/${CAMPAIGN}/board?handlingVersion=3`).set(office)).status).toBe(400);
  });

  it('reproduces a notice published under v1 unchanged, and one published before the rule was versioned', async () => {
    const old = await post(`/api/campaigns/${CAMPAIGN}/notices`, office, { noticeId: 'n-v1', title: '第一次督查通报', handlingVersion: 1 });
    expect(old.body.eventTypes).toEqual(['NoticePublished']);
    const fresh = await post(`/api/campaigns/${CAMPAIGN}/notices`, office, { noticeId: 'n-v2', title: '第二次督查通报' });
    expect(fresh.body.eventTypes).toEqual(['NoticePublished']);

    const n1 = await get('/api/notices/n-v1');
    expect(n1).toMatchObject({ handlingVersion: 1, snapshot: { overall: { problemsByHandling: { being_rectified: 1, by_deadline: 3 } } } });
    expect(n1.snapshot).not.toHaveProperty('handlingVersion');
    expect(n1.snapshotHash).toBe(PUBLISHED_BEFORE_VERSIONING);
    const n2 = await get('/api/notices/n-v2');
    expect(n2).toMatchObject({ handlingVersion: 2, snapshot: { handlingVersion: 2, overall: { problemsByHandling: { being_rectified: 3, by_deadline: 1 } } } });

    // A notice as the platform published it before: the same event without handlingVersion.
    const events = p.app.get<EventStore>(EVENT_STORE);
    const [stored] = await events.readStream('notice-n-v1');
    const { handlingVersion: _, ...legacy } = stored.data as Record<string, unknown>;
    await events.append(
      'notice-n-legacy',
      [{ eventId: randomUUID(), type: 'NoticePublished', data: { ...legacy, noticeId: 'n-legacy' }, occurredAt: stored.occurredAt, actor: stored.actor, correlationId: randomUUID() }],
      'no_stream',
    );

    // The work goes on; the notices do not change.
    await post('/api/problems/p-immediate/claim-fixed', op.b1, { evidence: '已整改' });
    await post('/api/problems/p-deadline/progress', op.b2, { note: '已开工' });
    for (const id of ['n-v1', 'n-v2', 'n-legacy']) {
      const r = await get(`/api/notices/${id}/reproduce`);
      expect([id, r.identical, r.storedSnapshotIntact, r.differences]).toEqual([id, true, true, []]);
      expect(r.handlingVersion).toBe(id === 'n-v2' ? 2 : 1);
    }
    expect((await get('/api/notices/n-legacy')).snapshot.overall.problemsByHandling).toEqual(n1.snapshot.overall.problemsByHandling);
  });

  it('takes a 督查 note from a group in scope, shows it on the tracker, the timeline and the audit trail, through to verification', async () => {
    // Refused: not a supervisor, outside the group's units, bad input (naming the field), a date past.
    const before = await p.headPosition();
    await post('/api/problems/p-deadline/supervision-notes', op.b2, note, 403);
    await post('/api/problems/p-deadline/supervision-notes', farGroup, note, 403);
    const bad = await post('/api/problems/p-deadline/supervision-notes', group, { finding: '台账不全', demand: '补齐' }, 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('dueBy');
    const past = await post('/api/problems/p-deadline/supervision-notes', group, { ...note, dueBy: '2026-03-01' }, 422);
    expect(past.body.code).toBe('due_by_in_past');
    expect(await p.headPosition()).toBe(before);

    const res = await post('/api/problems/p-deadline/supervision-notes', group, note);
    expect(res.body.eventTypes).toEqual(['SupervisionNoted']);
    const s = await get('/api/problems/p-deadline');
    expect(s.status).toBe('in_progress');

    const supervised = await list('supervised=true');
    expect(supervised.map((r) => [r.problemId, r.underSupervision, r.supervision?.notes, r.supervision?.last.dueBy])).toEqual([
      ['p-deadline', true, 1, '2026-04-05'],
    ]);
    expect((await list('supervised=false')).map((r) => r.problemId)).not.toContain('p-deadline');

    const timeline = await get('/api/problems/p-deadline/timeline');
    expect(timeline.events.find((e: { type: string }) => e.type === 'SupervisionNoted')).toMatchObject({
      actor: { userId: 'sg-1', role: 'inspector' },
      data: { finding: note.finding, demand: note.demand, dueBy: '2026-04-05', notedBy: 'sg-1', supervisorUnitId: null },
    });
    const trail = await get('/api/audit-trail?type=SupervisionNoted');
    expect(trail.items.map((e: { typeName: string; streamId: string }) => [e.typeName, e.streamId])).toEqual([['督查', 'problem-p-deadline']]);

    now = new Date('2026-04-03T02:00:00Z');
    await post('/api/problems/p-deadline/progress', op.b2, { note: '已明确责任人，台账已补齐' });
    await post('/api/problems/p-deadline/claim-fixed', op.b2, { evidence: '整改报告' });
    await post('/api/problems/p-deadline/accept-fix', group, { comment: '督查要求已落实' });
    expect((await get('/api/problems/p-deadline')).status).toBe('verified');
    expect(await list('supervised=true')).toEqual([]);
    await post('/api/problems/p-deadline/supervision-notes', group, note, 422);
  });

  it('lets a group whose scope starts at the coordinating township verify the joint problem: its own unit is explicit, and none', async () => {
    await post('/api/problems/p-joint/parts/p4/close', op.b4, { evidence: '沟渠已清理' });
    await post('/api/problems/p-joint/parts/p3/close', op.b3, { evidence: '闸门已修复' });
    await post('/api/problems/p-joint/claim-fixed', townOp, { evidence: '联动整改完成' });
    expect((await get('/api/users/sg-1', await p.signIn('admin-1', 'admin'))).unitId).toBeNull();
    await post('/api/problems/p-joint/accept-fix', group, { comment: '现场核查通过' });
    expect((await get('/api/problems/p-joint')).status).toBe('verified');

    // The recorded own unit decides: a township group may supervise a branch's problem, a branch's own group may not.
    const townGroup = await p.signIn('sg-town', 'inspector', ['town-1'], 'town-1');
    const allowed = await post('/api/problems/p-fixed/supervision-notes', townGroup, note, 201);
    expect(allowed.body.eventTypes).toEqual(['SupervisionNoted']);
    const own = await post('/api/problems/p-deferred/supervision-notes', await p.signIn('sg-b3', 'inspector', ['town-1'], 'b3'), note, 422);
    expect(own.body.code).toBe('own_unit_supervision');
  });
});

describe('a county as the root of its own deployment', () => {
  let p: TestPlatform;
  beforeAll(async () => (p = await startTestPlatform()));
  afterAll(async () => p.close());

  it('creates a county without a city above it, builds under it, and refuses a second root', async () => {
    const admin = await p.signIn('admin-1', 'admin');
    const create = (body: object) => p.http().post('/api/organizations').set(admin).send(body);
    expect((await create({ unitId: 'county-9', name: '桃源县委', level: 'county', unitType: 'agency' })).status).toBe(201);
    expect((await create({ unitId: 'town-9', name: '漳江镇', level: 'township', unitType: 'rural', parentId: 'county-9' })).status).toBe(201);
    const second = await create({ unitId: 'county-8', name: '汉寿县委', level: 'county', unitType: 'agency' });
    expect([second.status, second.body.code]).toEqual([422, 'parent_required']);
    const tree = await p.http().get('/api/organizations/county-9').set(admin);
    expect(tree.status).toBe(200);
    expect(tree.body).toMatchObject({ unitId: 'county-9', parentId: null });

    // The county office works in it as any office in its area.
    const office = await p.signIn('office-9', 'office', ['county-9']);
    expect((await p.http().get('/api/organizations/town-9').set(office)).status).toBe(200);
  });
});
