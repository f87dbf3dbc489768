import { educationCampaign, TOWNSHIP_TREE } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

let office: Headers;
let operator: Headers;

describe('business rules over HTTP: refused with a code, nothing written', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
    office = await p.signIn('office-1', 'office', ['city']);
    operator = await p.signIn('op-1', 'operator', ['b1']);
    await p.http().post('/api/organizations/import').set(await p.signIn('admin-1', 'admin')).send({ units: TOWNSHIP_TREE }).expect(201);
    await p.http().post('/api/organizations/b2/close').set(office).send({ reason: '村级合并' }).expect(201);
    await p.http().post('/api/campaigns').set(office).send(educationCampaign({ unitIds: ['b1'] })).expect(201);
  });
  afterAll(async () => p.close());

  const refused = async (path: string, actor: Headers, body: object, code: string) => {
    const res = await p.writesNothing(() => p.http().post(path).set(actor).send(body).expect(422));
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
  };

  it('refuses a transition application before the required steps are done', () =>
    refused('/api/campaigns/c1/units/b1/transition-applications', operator, { phaseKey: 'study' }, 'required_steps_missing'));

  it('refuses a step of a phase the unit has not entered', () =>
    refused('/api/campaigns/c1/units/b1/steps', operator, { phaseKey: 'analysis', stepKey: 'soliciting_opinions', evidence: 'x' }, 'phase_not_entered'));

  it('refuses enrolling a closed unit, and launching over one', async () => {
    await refused('/api/campaigns/c1/enrollments', office, { unitIds: ['b2'] }, 'unit_closed');
    await refused('/api/campaigns', office, educationCampaign({ unitIds: ['b2'] }, { campaignId: 'c2', name: 'x', batch: 1 }), 'unit_closed');
  });

  it('refuses approving one\'s own application', async () => {
    const unit = '/api/campaigns/c1/units/b1';
    for (const [stepKey, quantity] of [['mobilization_meeting'], ['centralized_study', 12], ['thematic_discussion'], ['locating_members', 1]] as const) {
      await p.http().post(`${unit}/steps`).set(office).send({ phaseKey: 'study', stepKey, evidence: '记录', quantity }).expect(201);
    }
    await p.http().post(`${unit}/transition-applications`).set(office).send({ phaseKey: 'study' }).expect(201);
    await refused(`${unit}/transition-applications/approve`, office, { phaseKey: 'study' }, 'own_application');
    await p.http().post(`${unit}/transition-applications/approve`).set(operator).send({ phaseKey: 'study' }).expect(403);
    await p.http().post(`${unit}/transition-applications/reject`).set(await p.signIn('insp-9', 'inspector', ['t1'])).send({ phaseKey: 'study', reason: '佐证不足' }).expect(201);
    const state = await p.http().get(unit).set(operator).expect(200);
    expect(state.body.transition).toEqual({ status: 'rejected', phaseKey: 'study', reason: '佐证不足' });
  });

  it('imports nothing when any row is bad, and lists every bad row', async () => {
    const before = await p.headPosition();
    const csv = ['unitId,name,level,unitType,parentId,memberCount', 'b3,三村,branch,rural,t1,12', 'b4,四村,支部,rural,t1,9', 'b5,,branch,rural,ghost,x'].join('\n');
    const res = await p.http().post('/api/organizations/import').set(office).send({ csv }).expect(400);
    expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      'rows[2].level:enum',
      'rows[3].name:required',
      'rows[3].memberCount:integer_min_0',
    ]);
    expect(res.body.message[0]).toContain('第 2 行');
    expect(await p.headPosition()).toBe(before);
    const list = await p.http().get('/api/organizations').set(office).expect(200);
    expect(list.body.units.map((u: { unitId: string }) => u.unitId)).not.toContain('b3');
  });

  it('reports a CSV syntax error as a 400 on the csv field', async () => {
    const res = await p.http().post('/api/organizations/import').set(office).send({ csv: 'unitId,name\n"b3,x' }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'csv', rule: 'csv_syntax' });
  });
});
