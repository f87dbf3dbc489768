import { EDUCATION_PHASES, TOWN_TREE_CSV_ROWS } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

type Raised = { problemId: string; partId: string | null; level: string; notify: string[] };

const TREE_CSV = TOWN_TREE_CSV_ROWS.join('\n');


/** The office's clock: moved by the tests, read by the platform (10:00 in Beijing each day). */
let now = new Date('2026-03-25T02:00:00Z');
const setDay = (day: string) => (now = new Date(`${day}T02:00:00Z`));

describe('the rectification ledger: the five kinds of handling of seed 004 三.1, and the look-back', () => {
  let p: TestPlatform;
  let office: Headers, inspector: Headers, townInspector: Headers, townOp: Headers, op1: Headers, op2: Headers, op3: Headers;

  const post = async (path: string, actor: Headers, body: object = {}, status = 201) => {
    const res = await p.http().post(path).set(actor).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const refused = async (path: string, actor: Headers, body: object, code: string) => {
    const res = await post(path, actor, body, 422);
    expect(res.body.code).toBe(code);
  };
  const problem = async (id: string, actor: Headers = office) => (await p.http().get(`/api/problems/${id}`).set(actor).expect(200)).body;
  const register = (problemId: string, unitId: string, actor: Headers, description: string, source = 'democratic_appraisal') =>
    post('/api/problems', actor, {
      problemId,
      campaignId: 'adv-1',
      responsibleUnitId: unitId,
      source,
      category: '服务群众',
      description,
      responsibleLeader: { name: '王书记' },
      handler: { name: '赵干事' },
      discoveredAt: '2026-03-20',
    });
  const runWarnings = async (): Promise<Raised[]> => (await post('/api/problems/warnings/run', office)).body.raised;

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => now });
    await post('/api/organizations/import', await p.signIn('admin-1', 'admin'), { csv: TREE_CSV });
    office = await p.signIn('office-1', 'office', ['city']);
    inspector = await p.signIn('insp-county', 'inspector', ['county-1']);
    // A group that belongs to the township (its own unit, named): it never verifies the township's work.
    townInspector = await p.signIn('insp-town', 'inspector', ['town-1'], 'town-1');
    townOp = await p.signIn('op-town', 'operator', ['town-1']);
    op1 = await p.signIn('op-b1', 'operator', ['b1']);
    op2 = await p.signIn('op-b2', 'operator', ['b2']);
    op3 = await p.signIn('op-b3', 'operator', ['b3']);
    await post('/api/campaigns', office, {
      campaignId: 'adv-1',
      name: '第二批保持共产党员先进性教育活动',
      templateKey: 'advanced-education',
      batch: 2,
      subtreeRootId: 'town-1',
      plannedPhases: EDUCATION_PHASES,
      // This campaign warns earlier than the default 20/10 days.
      warningThresholds: { greenDays: 30, yellowDays: 15 },
    });
  });
  afterAll(async () => p.close());

  it('正在整改: ongoing work is supervised and pushed with progress notes', async () => {
    await register('p-ongoing', 'b1', op1, '党员服务群众不主动');
    await post('/api/problems/p-ongoing/plan', op1, { measures: ['党员设岗定责', '每周走访群众'], timing: 'ongoing' });
    await post('/api/problems/p-ongoing/publish', op1);
    await post('/api/problems/p-ongoing/progress', op1, { note: '已设立党员服务岗 12 个', attachmentRefs: ['files/roster.pdf'] });
    await post('/api/problems/p-ongoing/progress', office, { note: '督查：走访记录不全，要求补齐' });
    // Another unit's operator is kept out by the guard before the decider is asked.
    await post('/api/problems/p-ongoing/progress', op2, { note: '代记' }, 403);

    const s = await problem('p-ongoing');
    expect([s.status, s.handling, s.handlingName]).toEqual(['in_progress', 'being_rectified', '正在整改']);
    expect(s.current.progress.map((n: { note: string }) => n.note)).toEqual(['已设立党员服务岗 12 个', '督查：走访记录不全，要求补齐']);
    expect(s.warning).toBeNull();
  });

  it('受客观条件限制: deferred with an explanation to the masses, re-reviewed, then resumed', async () => {
    await register('p-deferred', 'b3', op3, '村组道路未硬化，群众出行难');
    await post('/api/problems/p-deferred/plan', op3, { measures: ['争取项目资金硬化道路'], timing: 'by_deadline', deadline: '2026-06-30' });
    await post('/api/problems/p-deferred/publish', op3);
    await post('/api/problems/p-deferred/defer', op3, {
      constraint: '资金须列入明年县级预算',
      explanation: { text: '已在村民代表大会上说明情况', date: '2026-03-24' },
      reReviewDate: '2026-09-01',
      gradualMeasures: ['先修补破损路段', '争取一事一议资金'],
    });
    const deferred = await problem('p-deferred');
    expect([deferred.status, deferred.handling]).toEqual(['deferred', 'deferred']);
    expect(deferred.warning).toBeNull();
    // Told to the masses: the public page shows it without signing in.
    const shown = await p.http().get('/api/public/problems/p-deferred').expect(200);
    expect(shown.body.deferral.explanation).toEqual({ text: '已在村民代表大会上说明情况', date: '2026-03-24' });

    await post('/api/problems/p-deferred/progress', op3, { note: '已修补破损路段 300 米' });
    await post('/api/problems/p-deferred/deferral-review', op3, { finding: '资金已列入预算，待下达', reReviewDate: '2026-06-01' });
    const resumed = await post('/api/problems/p-deferred/resume', op3, { note: '资金到位，恢复整改', deadline: '2026-07-31' });
    expect(resumed.body.eventTypes).toEqual(['RectificationResumed', 'DeadlineChanged']);

    const s = await problem('p-deferred');
    expect([s.status, s.handling]).toEqual(['in_progress', 'by_deadline']);
    expect(s.current.deferrals[0].reviews[0].reReviewDate).toBe('2026-06-01');
    expect(s.current.deferrals[0].resumed.note).toBe('资金到位，恢复整改');
    expect(s.current.deadlineChanges[0]).toMatchObject({ previousDeadline: '2026-06-30', deadline: '2026-07-31' });
  });

  it('需要综合治理: joint handling by a coordinator and two units, each part closed, then claimed, verified and closed', async () => {
    await register('p-joint', 'b1', op1, '饮用水源受养殖污染，涉及两村和多个部门');
    await post('/api/problems/p-joint/plan', op1, { measures: ['关停污染养殖场'], timing: 'by_deadline', deadline: '2026-06-30' });
    await post('/api/problems/p-joint/publish', op1);
    // 上级党委 coordinates: not the unit itself, and only the coordinator's side escalates.
    const parts = [
      { partId: 'water-b1', unitId: 'b1', description: '关停本村养殖场 2 处', deadline: '2026-05-31' },
      { partId: 'water-b2', unitId: 'b2', description: '清理水源保护区垃圾', deadline: '2026-06-15' },
    ];
    await refused('/api/problems/p-joint/escalate', op1, { coordinatorUnitId: 'b1', reason: '需多部门协调', parts }, 'coordinator_not_higher');
    await refused('/api/problems/p-joint/escalate', op1, { coordinatorUnitId: 'town-1', reason: '需多部门协调', parts }, 'not_coordinator_unit');
    await post('/api/problems/p-joint/escalate', townOp, { coordinatorUnitId: 'town-1', reason: '涉及两村和环保、畜牧部门，需镇党委协调', parts });

    const joint = await problem('p-joint');
    expect([joint.status, joint.handling, joint.handlingName]).toEqual(['joint', 'joint', '需要综合治理，联动整改']);
    expect(joint.current.joint.parts.map((x: { partId: string; warning: { level: string } }) => [x.partId, x.warning.level])).toEqual([
      ['water-b1', 'none'],
      ['water-b2', 'none'],
    ]);
    await refused('/api/problems/p-joint/claim-fixed', op1, { evidence: '已完成' }, 'joint_parts_open');
    await refused('/api/problems/p-joint/parts/water-b1/progress', op2, { note: '代记' }, 'not_part_unit');

    await post('/api/problems/p-joint/parts/water-b1/progress', op1, { note: '已关停 1 处' });
    await post('/api/problems/p-joint/parts/water-b2/progress', op2, { note: '已清运垃圾 20 吨' });
    await post('/api/problems/p-joint/parts/water-b2/deadline', townOp, { deadline: '2026-06-20', reason: '汛期影响清运' });
    await post('/api/problems/p-joint/parts/water-b1/close', op1, { evidence: '2 处养殖场均已关停' });
    await post('/api/problems/p-joint/parts/water-b2/close', op2, { evidence: '保护区垃圾清理完毕' });
    await post('/api/problems/p-joint/claim-fixed', op1, { evidence: '水质检测达标' });
    // Nobody verifies their own unit: the coordinator's inspector is refused by the decider.
    await refused('/api/problems/p-joint/accept-fix', townInspector, {}, 'own_unit_verification');
    await post('/api/problems/p-joint/accept-fix', op1, {}, 403);
    await post('/api/problems/p-joint/accept-fix', inspector, { comment: '经现场检查，水质达标' });
    await post('/api/problems/p-joint/close', office, { mechanisms: '建立水源地联防联控机制' });

    const s = await problem('p-joint');
    expect([s.status, s.handling]).toEqual(['closed', 'solved']);
    expect(s.current.joint.parts.every((x: { closed: boolean }) => x.closed)).toBe(true);
    expect(s.current.joint.parts[1].deadlineChanges[0]).toMatchObject({ previousDeadline: '2026-06-15', deadline: '2026-06-20' });
  });

  it('已经解决: fixed, verified (after one rejection) and closed with mechanisms against rebound', async () => {
    // A supervision group's own finding.
    await register('p-solved', 'b2', inspector, '村务公开不及时', 'supervision_group');
    await post('/api/problems/p-solved/plan', op2, { measures: ['每月 5 日前公开村务'], timing: 'immediate', deadline: '2026-04-10' });
    await post('/api/problems/p-solved/publish', op2);
    await post('/api/problems/p-solved/progress', op2, { note: '已公开一季度村务' });
    await post('/api/problems/p-solved/claim-fixed', op2, { evidence: '公开栏照片' });
    await post('/api/problems/p-solved/reject-fix', inspector, { reason: '缺少财务收支明细' });
    expect((await problem('p-solved')).status).toBe('in_progress');
    await post('/api/problems/p-solved/claim-fixed', op2, { evidence: '已补充财务收支明细' });
    await post('/api/problems/p-solved/accept-fix', inspector, {});
    await post('/api/problems/p-solved/close', op2, { mechanisms: 'x' }, 403);
    await post('/api/problems/p-solved/close', inspector, { mechanisms: '村务公开纳入支部主题党日固定议程' });

    const s = await problem('p-solved');
    expect([s.status, s.handling, s.handlingName]).toEqual(['closed', 'solved', '已经解决或基本解决']);
    expect(s.current.closure.mechanisms).toBe('村务公开纳入支部主题党日固定议程');
    expect(s.current.rejections).toEqual([{ reason: '缺少财务收支明细', rejectedBy: 'insp-county' }]);
  });

  it('限期整改: warned green, yellow, then red once overdue — each level recorded once even when the job runs twice at once', async () => {
    await register('p-deadline', 'b2', op2, '困难党员帮扶未落实');
    await post('/api/problems/p-deadline/plan', op2, { measures: ['逐户走访困难党员'], timing: 'by_deadline', deadline: '2026-04-30' });
    await post('/api/problems/p-deadline/publish', op2);
    await post('/api/problems/p-deadline/progress', op2, { note: '已走访 5 户' });
    const ours = (raised: Raised[]) => raised.filter((r) => r.problemId === 'p-deadline');

    let s = await problem('p-deadline');
    expect(s.handling).toBe('by_deadline');
    expect(s.warning).toMatchObject({ deadline: '2026-04-30', today: '2026-03-25', daysLeft: 36, level: 'none', recordedLevel: 'none' });
    expect(ours(await runWarnings())).toEqual([]);

    setDay('2026-04-05');
    // 25 days left: green under this campaign's 30 days, though the default 20 would say nothing yet.
    expect((await problem('p-deadline')).warning).toMatchObject({ daysLeft: 25, level: 'green', recordedLevel: 'none' });
    expect(ours(await runWarnings())).toEqual([expect.objectContaining({ level: 'green', notify: ['handler'] })]);
    expect(ours(await runWarnings())).toEqual([]);

    setDay('2026-04-20');
    expect(ours(await runWarnings())).toEqual([expect.objectContaining({ level: 'yellow', notify: ['handler', 'responsible_leader'] })]);

    setDay('2026-05-02');
    const [a, b] = await Promise.all([runWarnings(), runWarnings()]);
    expect([...ours(a), ...ours(b)]).toEqual([
      expect.objectContaining({ level: 'red', notify: ['handler', 'responsible_leader', 'unit_principal'] }),
    ]);
    expect(ours(await runWarnings())).toEqual([]);

    s = await problem('p-deadline');
    expect(s.warning).toMatchObject({ daysLeft: -2, level: 'red', levelName: '红色预警（已超期）', recordedLevel: 'red' });
    expect(s.current.lastWarning).toEqual({ deadline: '2026-04-30', level: 'red' });
    const timeline = (await p.http().get('/api/problems/p-deadline/timeline').set(office).expect(200)).body;
    const warnings = timeline.events.filter((e: { type: string }) => e.type === 'DeadlineWarningRaised');
    expect(warnings.map((e: { data: { level: string; today: string } }) => [e.data.level, e.data.today])).toEqual([
      ['green', '2026-04-05'],
      ['yellow', '2026-04-20'],
      ['red', '2026-05-02'],
    ]);
    // The deferred-then-resumed problem now runs towards its new deadline; closed ones never warn.
    expect((await problem('p-deferred')).warning).toMatchObject({ deadline: '2026-07-31', level: 'none' });
    expect((await problem('p-joint')).warning).toBeNull();
  });

  it('回头看: one closed problem holds, the other rebounds and reopens with its whole history', async () => {
    await post('/api/campaigns', office, {
      campaignId: 'lb-1',
      name: '农村先进性教育活动“回头看”',
      templateKey: 'look-back',
      batch: 2,
      parentCampaignId: 'adv-1',
      subtreeRootId: 'town-1',
      plannedPhases: [
        { phaseKey: 'study', start: '2026-05-04', end: '2026-05-10' },
        { phaseKey: 'analysis', start: '2026-05-11', end: '2026-05-20' },
        { phaseKey: 'rectification', start: '2026-05-21', end: '2026-06-04' },
      ],
    });
    await refused('/api/problems/p-ongoing/recheck', inspector, { lookBackCampaignId: 'lb-1', outcome: 'held', finding: '-' }, 'not_closed');
    await post('/api/problems/p-joint/recheck', inspector, { lookBackCampaignId: 'lb-1', outcome: 'held', finding: '水质持续达标' });
    await refused('/api/problems/p-joint/recheck', inspector, { lookBackCampaignId: 'lb-1', outcome: 'held', finding: '再查' }, 'already_rechecked');
    await post('/api/problems/p-solved/recheck', inspector, { lookBackCampaignId: 'lb-1', outcome: 'rebounded', finding: '4 月以来未再公开村务' });

    const held = await problem('p-joint');
    expect([held.status, held.rechecks]).toEqual(['closed', [expect.objectContaining({ lookBackCampaignId: 'lb-1', outcome: 'held', cycle: 1 })]]);

    let s = await problem('p-solved', op2);
    expect([s.status, s.current.number, s.current.campaignId]).toEqual(['identified', 2, 'lb-1']);
    expect(s.current.reopened).toEqual({ lookBackCampaignId: 'lb-1', finding: '4 月以来未再公开村务' });
    expect(s.cycles).toHaveLength(1);
    expect(s.cycles[0]).toMatchObject({ number: 1, status: 'closed', closure: { mechanisms: '村务公开纳入支部主题党日固定议程' } });

    await post('/api/problems/p-solved/plan', op2, { measures: ['村务公开纳入党员积分考核'], timing: 'by_deadline', deadline: '2026-06-30' });
    await post('/api/problems/p-solved/publish', op2);
    s = await problem('p-solved', op2);
    expect([s.status, s.handling]).toEqual(['planned', 'by_deadline']);

    const timeline = (await p.http().get('/api/problems/p-solved/timeline').set(inspector).expect(200)).body;
    expect(timeline.cycles).toBe(2);
    const byCycle = (n: number) => timeline.events.filter((e: { cycle: number }) => e.cycle === n).map((e: { type: string }) => e.type);
    expect(byCycle(1)).toEqual([
      'ProblemRegistered',
      'RectificationPlanned',
      'PlanPublished',
      'ProgressRecorded',
      'FixClaimed',
      'FixRejected',
      'FixClaimed',
      'FixVerified',
      'ProblemClosed',
    ]);
    expect(byCycle(2)).toEqual(['ProblemRebounded', 'RectificationPlanned', 'PlanPublished']);
    expect(timeline.events[0].actor).toMatchObject({ userId: 'insp-county', role: 'inspector' });

    // The look-back's 公示 lists the reopened problem with its new plan.
    const shown = await p.http().get('/api/public/campaigns/lb-1/problems').expect(200);
    expect(shown.body.problems.map((x: { problemId: string; cycle: number }) => [x.problemId, x.cycle])).toEqual([['p-solved', 2]]);
  });

  it('ends with the board, the tracker and the audit trail telling the same numbers', async () => {
    const tracker = (await p.http().get('/api/campaigns/adv-1/rectification-tracker').set(office).expect(200)).body;
    expect(tracker.overall).toMatchObject({
      counts: {
        total: 5,
        closed: 1,
        byHandling: { being_rectified: 1, by_deadline: 3, deferred: 0, joint: 0, solved: 1 },
        overdue: 1,
        warnings: { green: 0, yellow: 0, red: 1 },
        jointParts: { total: 2, closed: 2, overdue: 0 },
      },
      completionRate: 0.2,
      onTimeRate: 1,
    });
    const red = (await p.http().get('/api/campaigns/adv-1/rectification-tracker/problems?warningLevel=red').set(office).expect(200)).body;
    expect(red.items.map((x: { problemId: string; daysLeft: number }) => [x.problemId, x.daysLeft < 0])).toEqual([['p-deadline', true]]);

    const board = (await p.http().get('/api/campaigns/adv-1/board').set(office).expect(200)).body;
    expect(board.overall.problemsByHandling).toEqual(tracker.overall.counts.byHandling);
    expect(board.overall.metrics).toMatchObject({ completionRate: 0.2, onTimeRate: 1 });
    const townBoard = (await p.http().get('/api/campaigns/adv-1/board?root=town-1').set(office).expect(200)).body;
    const town = townBoard.rollups.find((r: { unitId: string }) => r.unitId === 'town-1');
    expect(town.counts.problems.total).toBe(5);
    const b1 = board.rows.find((r: { unitId: string }) => r.unitId === 'b1');
    expect(b1.metrics.completionRate).toBe(0.5);
    const lookBack = (await p.http().get('/api/campaigns/lb-1/board').set(office).expect(200)).body;
    expect(lookBack.overall.counts.rechecks).toEqual({ rechecked: 2, rebounded: 1 });
    expect(lookBack.overall.metrics.reboundRate).toBe(0.5);

    // The town's inspector sees the same ledger; the county's audit trail shows each warning once.
    const seenByTown = (await p.http().get('/api/campaigns/adv-1/rectification-tracker').set(townInspector).expect(200)).body;
    expect(seenByTown.overall.counts.total).toBe(5);
    const warnings = (await p.http().get('/api/audit-trail?type=DeadlineWarningRaised&streamId=problem-p-deadline').set(inspector).expect(200)).body;
    expect(warnings.items.map((e: { data: { level: string } }) => e.data.level)).toEqual(['green', 'yellow', 'red']);
    const timeline = (await p.http().get('/api/problems/p-solved/timeline').set(inspector).expect(200)).body;
    const audited = (await p.http().get('/api/audit-trail?streamId=problem-p-solved').set(inspector).expect(200)).body;
    expect(audited.total).toBe(timeline.events.length);
    expect((await p.http().get('/api/audit-trail/chain').set(inspector).expect(200)).body).toMatchObject({ ok: true });
  });
});
