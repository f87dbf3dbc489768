import { ISSUE_INSTRUCTION_EXAMPLE } from '@platform/instructions';
import { expectStatus, ViewsWorld } from '../libs/views/src/testing/views-world';
import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { problemRegistration } from './support/fixtures';
import { embeddedToken } from './support/position-tokens';
import { Headers, TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('leaders’ instructions (批示) over HTTP', () => {
  let p: TestPlatform;
  let w: ViewsWorld;
  let operator2: Headers;
  let leaderElsewhere: Headers;

  const issue = (headers: Headers, over: Record<string, unknown> = {}) =>
    p
      .http()
      .post('/api/instructions')
      .set(headers)
      .send({ ...ISSUE_INSTRUCTION_EXAMPLE, instructionId: 'instr-1', targetId: 'p-1', deadline: isoDay(20), ...over });

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform());
    operator2 = await p.signIn('op-branch2', 'operator', ['branch-2']);
    leaderElsewhere = await p.signIn('leader-county2', 'leader', ['county-2']);
    await expectStatus(
      p.http().post('/api/problems').set(w.office).send(problemRegistration('p-1', CAMPAIGN, 'branch-1', { discoveredAt: isoDay(-3) })),
      201,
    );
  });
  afterAll(async () => p.close());

  it('a leader instructs on a problem; the unit acknowledges and reports back; all of it in the timeline and the audit trail', async () => {
    const head = await p.headPosition();
    await expectStatus(issue(w.leader), 201);
    expect(await p.headPosition()).toBe(head + 1);

    const pending = await expectStatus(p.http().get('/api/instructions/instr-1').set(w.operator), 200);
    expect(pending.body.instruction).toMatchObject({
      target: { kind: 'problem', id: 'p-1', unitIds: ['branch-1'] },
      text: '请抓紧整改，月底前报告结果',
      open: true,
      units: [{ unitId: 'branch-1', unitName: '芙蓉社区党支部', status: 'pending', reports: [] }],
    });

    await expectStatus(p.http().post('/api/instructions/instr-1/units/branch-1/acknowledgement').set(w.operator).send({ note: '已收到，立即落实' }), 201);
    await expectStatus(p.http().post('/api/instructions/instr-1/units/branch-1/report').set(w.operator).send({ report: '已建立首问负责制并公示' }), 201);

    const done = await expectStatus(p.http().get('/api/instructions/instr-1').set(w.leader), 200);
    expect(done.body.instruction).toMatchObject({ open: false, openUnitIds: [], units: [{ status: 'reported', note: '已收到，立即落实', reports: [{ report: '已建立首问负责制并公示', reportedBy: 'op-branch1' }] }] });
    expect(done.body.events.map((e: { typeName: string }) => e.typeName)).toEqual(['领导批示', '签收批示', '报告批示落实情况']);

    const timeline = await expectStatus(p.http().get('/api/rectification-tracker/problems/p-1/timeline').set(w.office), 200);
    expect(timeline.body.events.map((e: { typeName: string; streamId: string }) => [e.typeName, e.streamId])).toEqual([
      ['登记问题', 'problem-p-1'],
      ['领导批示', 'instruction-instr-1'],
      ['签收批示', 'instruction-instr-1'],
      ['报告批示落实情况', 'instruction-instr-1'],
    ]);
    const before = await expectStatus(p.http().get(`/api/rectification-tracker/problems/p-1/timeline?asOf=${embeddedToken(head)}`).set(w.office), 200);
    expect(before.body.events.map((e: { type: string }) => e.type)).toEqual(['ProblemRegistered']);

    const audit = await expectStatus(p.http().get('/api/audit-trail?streamId=instruction-instr-1').set(w.office), 200);
    expect(audit.body.items.map((e: { typeName: string }) => e.typeName).sort()).toEqual(['报告批示落实情况', '签收批示', '领导批示'].sort());

    const stream = await expectStatus(p.http().get('/api/streams/instruction-instr-1/events').set(w.leader), 200);
    expect(JSON.stringify(stream.body)).toContain('InstructionReported');
    await expectStatus(p.http().get('/api/streams/instruction-instr-1/events').set(leaderElsewhere), 404);

    const listed = await expectStatus(p.http().get('/api/instructions?targetKind=problem&targetId=p-1').set(w.operator), 200);
    expect(listed.body).toMatchObject({ total: 1, instructions: [{ instructionId: 'instr-1' }] });
    expect((await expectStatus(p.http().get('/api/instructions?unitId=branch-1&open=true').set(w.operator), 200)).body.total).toBe(0);
    expect((await expectStatus(p.http().get('/api/instructions').set(operator2), 200)).body.total).toBe(0);
  });

  it('an office instructs on a unit and a notice; each addressed unit answers for itself', async () => {
    await expectStatus(issue(w.office, { instructionId: 'instr-2', targetKind: 'unit', targetId: 'town-1', addressedUnitIds: ['branch-1', 'branch-2'], deadline: undefined }), 201);
    await expectStatus(p.http().post('/api/instructions/instr-2/units/branch-2/acknowledgement').set(operator2).send({}), 201);
    const open = await expectStatus(p.http().get('/api/instructions?unitId=branch-1&open=true').set(w.operator), 200);
    expect(open.body.instructions.map((i: { instructionId: string }) => i.instructionId)).toEqual(['instr-2']);
    await expectStatus(p.http().post(`/api/campaigns/${CAMPAIGN}/notices`).set(w.office).send({ noticeId: 'n-1', title: '进度通报' }), 201);
    await expectStatus(issue(w.leader, { instructionId: 'instr-3', targetKind: 'notice', targetId: 'n-1', addressedUnitIds: ['town-1'] }), 201);
    const onNotice = await expectStatus(p.http().get('/api/instructions?targetKind=notice&targetId=n-1').set(w.leader), 200);
    expect(onNotice.body.instructions[0]).toMatchObject({ instructionId: 'instr-3', target: { kind: 'notice', id: 'n-1' }, addressedUnitIds: ['town-1'] });
  });

  it('refuses by rule, role and scope, writing nothing', async () => {
    const head = await p.headPosition();
    expect((await expectStatus(issue(w.leader), 422)).body.code).toBe('instruction_exists');
    expect((await expectStatus(issue(w.leader, { instructionId: 'x-1', targetId: 'no-such' }), 422)).body.code).toBe('target_not_found');
    expect((await expectStatus(issue(w.leader, { instructionId: 'x-2', deadline: isoDay(-1) }), 422)).body.code).toBe('deadline_past');
    expect((await expectStatus(issue(w.leader, { instructionId: 'x-3', addressedUnitIds: ['branch-1', 'branch-1'] }), 422)).body.code).toBe('addressees_duplicate');
    const bad = await expectStatus(issue(w.leader, { instructionId: 'x-4', text: '', deadline: 'soon', targetKind: 'campaign' }), 400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['deadline', 'targetKind', 'text']);
    // No unit named at all is a bad field for anyone, named as such (not "forbidden" to the scoped leader).
    for (const actor of [w.leader, w.admin]) {
      const none = await expectStatus(issue(actor, { instructionId: 'x-4', addressedUnitIds: [] }), 400);
      expect(none.body.errors).toEqual([expect.objectContaining({ field: 'addressedUnitIds', rule: 'arrayMinSize' })]);
    }
    await expectStatus(issue(w.operator, { instructionId: 'x-5' }), 403);
    await expectStatus(issue(w.inspector, { instructionId: 'x-6' }), 403);
    await expectStatus(issue(leaderElsewhere, { instructionId: 'x-7' }), 403);
    await expectStatus(issue(leaderElsewhere, { instructionId: 'x-8', addressedUnitIds: ['branch-4'] }), 403);
    // Only an addressed unit signs for it, and only its own people.
    expect((await expectStatus(p.http().post('/api/instructions/instr-1/units/branch-2/acknowledgement').set(operator2).send({}), 422)).body.code).toBe('unit_not_addressed');
    await expectStatus(p.http().post('/api/instructions/instr-2/units/branch-1/acknowledgement').set(operator2).send({}), 403);
    await expectStatus(p.http().post('/api/instructions/instr-2/units/branch-1/acknowledgement').set(w.leader).send({}), 403);
    expect((await expectStatus(p.http().post('/api/instructions/instr-2/units/branch-1/report').set(w.operator).send({ report: '已办' }), 422)).body.code).toBe('not_acknowledged');
    expect((await expectStatus(p.http().post('/api/instructions/instr-1/units/branch-1/acknowledgement').set(w.operator).send({}), 422)).body.code).toBe('already_acknowledged');
    expect((await expectStatus(p.http().post('/api/instructions/nope/units/branch-1/acknowledgement').set(w.operator).send({}), 422)).body.code).toBe('instruction_not_found');
    expect(await p.headPosition()).toBe(head);
    await expectStatus(p.http().get('/api/instructions/instr-1').set(operator2), 404);
    await expectStatus(p.http().get('/api/instructions/no-such').set(w.office), 404);
    await expectStatus(p.http().get('/api/instructions?targetKind=problem').set(w.office), 400);
  });
});
