import { educationCampaign, rulesOf, TOWNSHIP_TREE, welfareProblem } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';


const NUL = '\u0000';
const RLO = '\u202e';
const ISOLATE = '\u2067';
const ESC = '\u001b';

const now = new Date('2026-03-25T02:00:00Z');

describe('names and free text refuse control characters; scopes name existing units', () => {
  let p: TestPlatform;
  let admin: Headers, office: Headers, op: Headers;

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => now });
    admin = await p.signIn('admin-1', 'admin');
    await p.http().post('/api/organizations/import').set(admin).send({ units: TOWNSHIP_TREE }).expect(201);
    office = await p.signIn('office-1', 'office', ['city']);
    op = await p.signIn('op-b1', 'operator', ['b1']);
    await p.http().post('/api/campaigns').set(office).send(educationCampaign({ subtreeRootId: 't1' })).expect(201);
  });
  afterAll(async () => p.close());

  it('refuses a unit, campaign, user or notice name with NUL, escape or bidi controls, naming the field', async () => {
    const cases: [string, object, string][] = [
      ['/api/organizations', { unitId: 'b9', name: `三村${NUL}党支部`, level: 'branch', unitType: 'rural', parentId: 't1' }, 'name'],
      ['/api/organizations/b1/rename', { name: `${RLO}部支党村一` }, 'name'],
      ['/api/organizations/b1/rename', { name: '一村\n党支部' }, 'name'],
      ['/api/campaigns', educationCampaign({ subtreeRootId: 't1' }, { campaignId: 'c2', name: `教育${ISOLATE}活动` }), 'name'],
      ['/api/users', { userId: 'u-x', username: 'u-x', displayName: `王${ESC}[31m五`, role: 'operator', scopeUnitIds: ['b1'], password: 'a-long-password' }, 'displayName'],
      ['/api/campaigns/c1/notices', { noticeId: 'n-x', title: `通报${NUL}` }, 'title'],
    ];
    await p.writesNothing(async () => {
      for (const [path, body, field] of cases) {
        const res = await p.http().post(path).set(path.endsWith('/notices') ? office : admin).send(body);
        expect({ path, status: res.status, rules: rulesOf(res.body) }).toEqual({ path, status: 400, rules: [`${field}:noControlCharacters`] });
        expect(res.body.message.join(' ')).toContain(field);
      }
      const imported = await p.http().post('/api/organizations/import').set(admin).send({ units: [{ unitId: 'b8', name: `八村${RLO}`, level: 'branch', unitType: 'rural', parentId: 't1' }] });
      expect(imported.status).toBeGreaterThanOrEqual(400);
      expect(imported.status).toBeLessThan(500);
      expect(JSON.stringify(imported.body)).toContain('noControlCharacters');
    });
  });

  it('refuses control characters in free text and lists, but keeps tabs and line breaks there', async () => {
    const problem = (description: string, leader = '张建国') => welfareProblem('p-text', { description, responsibleLeader: { name: leader }, handler: { name: '李小梅' } });
    await p.writesNothing(async () => {
      expect(rulesOf((await p.http().post('/api/problems').set(op).send(problem(`低保${NUL}评定`)).expect(400)).body)).toEqual(['description:noControlCharacters']);
      expect(rulesOf((await p.http().post('/api/problems').set(op).send(problem('低保评定', `张${RLO}建国`)).expect(400)).body)).toEqual(['responsibleLeader.name:noControlCharacters']);
    });

    await p.http().post('/api/problems').set(op).send(problem('低保评定不公开：\n1. 未张榜\r\n2.\t未公示')).expect(201);
    const plan = await p.http().post('/api/problems/p-text/plan').set(op).send({ measures: ['张榜公示', `入户${ESC}核查`], timing: 'ongoing' }).expect(400);
    expect(rulesOf(plan.body)).toEqual(['measures:noControlCharacters']);
    const note = await p.http().post('/api/problems/p-text/progress').set(op).send({ note: `已核查${'\u0085'}` }).expect(400);
    expect(rulesOf(note.body)).toEqual(['note:noControlCharacters']);
  });

  it('refuses a scope change naming a unit that does not exist, naming the field, and writes nothing', async () => {
    const before = await p.headPosition();
    const scope = await p.http().post('/api/users/op-b1/scope').set(admin).send({ scopeUnitIds: ['b1', 'no-such-unit'] }).expect(422);
    expect(scope.body).toMatchObject({ code: 'unit_not_found', details: { field: 'scopeUnitIds', unitIds: ['no-such-unit'] } });
    expect(scope.body.message).toContain('scopeUnitIds');
    const leader = await p.signIn('leader-t1', 'leader', ['t1']);
    expect(leader).toBeDefined();
    const contact = await p.http().post('/api/users/leader-t1/scope').set(admin).send({ scopeUnitIds: ['t1'], contactPointUnitIds: ['ghost'] }).expect(422);
    expect(contact.body.details).toEqual({ field: 'contactPointUnitIds', unitIds: ['ghost'] });
    const afterLeader = await p.headPosition();
    await p.http().post('/api/users/op-b1/scope').set(admin).send({ scopeUnitIds: ['b2'] }).expect(201);
    expect(await p.headPosition()).toBe(afterLeader + 1);
    expect(afterLeader).toBeGreaterThan(before);
  });
});
