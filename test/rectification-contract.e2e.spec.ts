import { educationCampaign, rulesOf, TOWNSHIP_TREE, WELFARE_PEOPLE, welfareProblem } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

const LEADER = WELFARE_PEOPLE.responsibleLeader.name;
const HANDLER = WELFARE_PEOPLE.handler.name;
const registration = welfareProblem;

const now = new Date('2026-03-25T02:00:00Z');

describe('rectification routes: validation, If-Match, idempotency, access, and 公示 without names', () => {
  let p: TestPlatform;
  let office: Headers, op1: Headers, op2: Headers, leader: Headers;

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => now });
    await p.http().post('/api/organizations/import').set(await p.signIn('admin-1', 'admin')).send({ units: TOWNSHIP_TREE }).expect(201);
    office = await p.signIn('office-1', 'office', ['city']);
    op1 = await p.signIn('op-b1', 'operator', ['b1']);
    op2 = await p.signIn('op-b2', 'operator', ['b2']);
    leader = await p.signIn('leader-t1', 'leader', ['t1']);
    await p.http().post('/api/campaigns').set(office).send(educationCampaign({ subtreeRootId: 't1' })).expect(201);
  });
  afterAll(async () => p.close());

  it('answers 400 naming each field and rule, and writes nothing', async () => {
    const before = await p.headPosition();
    const res = await p.http().post('/api/problems').set(op1).send(registration('bad id!', { source: 'rumour', responsibleLeader: { name: '' }, discoveredAt: '2026-13-01', extra: 1 })).expect(400);
    expect(rulesOf(res.body)).toEqual(expect.arrayContaining(['problemId:matches', 'source:isIn', 'responsibleLeader.name:isLength', 'discoveredAt:isIso8601', 'extra:not_allowed']));
    expect(res.body.message.join(' ')).toContain('problemId');

    await p.http().post('/api/problems').set(op1).send(registration('p-valid')).expect(201);
    const plan = await p.http().post('/api/problems/p-valid/plan').set(op1).send({ measures: [], timing: 'soon', deadline: '30 April' }).expect(400);
    expect(rulesOf(plan.body)).toEqual(expect.arrayContaining(['measures:arrayMinSize', 'timing:isIn', 'deadline:matches']));
    const part = await p.http().post('/api/problems/p-valid/parts/x!/close').set(op1).send({ evidence: 'ok' }).expect(400);
    expect(part.body.errors[0]).toMatchObject({ field: 'partId', rule: 'matches' });
    await p.http().post('/api/problems/p-valid/publish').set(op1).send({ everything: true }).expect(400);
    expect(await p.headPosition()).toBe(before + 1);
  });

  it('maps If-Match to the problem stream’s revision: a stale one is a 409 and writes nothing', async () => {
    const registered = await p.http().post('/api/problems').set(op1).send(registration('p-etag')).expect(201);
    expect(registered.headers.etag).toBe('"0"');
    const planned = await p
      .http()
      .post('/api/problems/p-etag/plan')
      .set(op1)
      .set('If-Match', '"0"')
      .send({ measures: ['评定结果张榜公示'], timing: 'by_deadline', deadline: '2026-04-30' })
      .expect(201);
    expect(planned.headers.etag).toBe('"1"');
    const stale = await p.writesNothing(() => p.http().post('/api/problems/p-etag/publish').set(op1).set('If-Match', '"0"').expect(409));
    expect(stale.body).toMatchObject({ code: 'revision_conflict', expected: 0, actual: 1 });
    const current = await p.http().get('/api/problems/p-etag').set(op1).expect(200);
    expect(current.headers.etag).toBe('"1"');
    await p.http().post('/api/problems/p-etag/publish').set(op1).set('If-Match', current.headers.etag).expect(201);
  });

  it('returns the first result for a retried Idempotency-Key and appends nothing new', async () => {
    const body = { note: '已入户核查 12 户' };
    const first = await p.http().post('/api/problems/p-etag/progress').set(op1).set('Idempotency-Key', 'note-1').send(body).expect(201);
    await p.writesNothing(async () => {
      const retry = await p.http().post('/api/problems/p-etag/progress').set(op1).set('Idempotency-Key', 'note-1').send(body).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect({ ...retry.body, replayed: false }).toEqual(first.body);
      const reused = await p.http().post('/api/problems/p-etag/progress').set(op1).set('Idempotency-Key', 'note-1').send({ note: '别的' }).expect(422);
      expect(reused.body.code).toBe('idempotency_key_reused');
    });
    expect((await p.http().get('/api/problems/p-etag').set(op1).expect(200)).body.current.progress).toHaveLength(1);
  });

  it('keeps every route to its roles and scope', async () => {
    await p.http().post('/api/problems').send(registration('p-anon')).expect(401);
    await p.http().get('/api/problems/p-etag').expect(401);
    // Reads outside one's scope look like missing problems; writes are forbidden.
    await p.http().get('/api/problems/p-etag').set(op2).expect(404);
    await p.http().get('/api/problems/p-etag/timeline').set(op2).expect(404);
    await p.http().post('/api/problems').set(op2).send(registration('p-other')).expect(403);
    await p.http().post('/api/problems/p-etag/claim-fixed').set(op2).send({ evidence: 'x' }).expect(403);
    // A leader reads the problems of the scope they lead, but does not do the unit's work.
    const read = await p.http().get('/api/problems/p-etag').set(leader).expect(200);
    expect(read.body.people.responsibleLeader.name).toBe(LEADER);
    await p.http().post('/api/problems/p-etag/progress').set(leader).send({ note: 'x' }).expect(403);
    // Operators neither verify nor run the warning job.
    await p.http().post('/api/problems/p-etag/accept-fix').set(op1).send({}).expect(403);
    await p.http().post('/api/problems/warnings/run').set(op1).expect(403);
    await p.http().get('/api/problems/nothing-here').set(office).expect(404);
    // A write on a problem that does not exist is the decider's refusal.
    expect((await p.http().post('/api/problems/nothing-here/plan').set(office).send({ measures: ['x'], timing: 'ongoing' }).expect(422)).body.code).toBe(
      'problem_not_found',
    );
  });

  it('shows published plans and results to anyone without sign-in, and never a person’s name', async () => {
    await p.http().post('/api/problems').set(op1).send(registration('p-hidden', { description: '尚未公示的问题' })).expect(201);
    const list = await p.http().get('/api/public/campaigns/c1/problems').expect(200);
    expect(list.body.problems.map((x: { problemId: string }) => x.problemId)).toEqual(['p-etag']);
    const shown = list.body.problems[0];
    expect(shown).toMatchObject({
      responsibleUnitId: 'b1',
      responsibleUnitName: '一村党支部',
      description: '低保评定不公开',
      measures: ['评定结果张榜公示'],
      deadline: '2026-04-30',
      statusName: '整改中',
      sourceName: '群众反映',
    });
    await p.http().get('/api/public/problems/p-hidden').expect(404);
    await p.http().get('/api/public/campaigns/none/problems').expect(404);

    // Results too: once closed, the page says so and still names nobody.
    await p.http().post('/api/problems/p-etag/claim-fixed').set(op1).send({ evidence: '已张榜公示评定结果' }).expect(201);
    const inspector = await p.signIn('insp-1', 'inspector', ['city']);
    await p.http().post('/api/problems/p-etag/accept-fix').set(inspector).send({ comment: '符合要求' }).expect(201);
    await p.http().post('/api/problems/p-etag/close').set(inspector).send({ mechanisms: '低保评定全程公开制度' }).expect(201);
    const result = await p.http().get('/api/public/problems/p-etag').expect(200);
    expect(result.body).toMatchObject({ status: 'closed', handling: 'solved', mechanisms: '低保评定全程公开制度' });

    for (const body of [list.body, result.body]) {
      const json = JSON.stringify(body);
      for (const secret of [LEADER, HANDLER, 'u-zhang', 'u-li', 'op-b1', 'insp-1', 'office-1']) expect(json).not.toContain(secret);
    }
  });
});
