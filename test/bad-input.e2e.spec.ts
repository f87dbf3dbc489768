import { MAX_JSON_DEPTH } from '@platform/common';
import { buildAccessWorld, RoleUnderTest } from './support/access-world';
import { fieldsOf } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/** Inputs that once reached a handler or SQLite and ended as a 500: each is a 400 naming its field, and writes nothing. */
describe('bad input that once caused server errors', () => {
  let p: TestPlatform;
  let users: Record<RoleUnderTest, Headers>;
  beforeAll(async () => {
    p = await startTestPlatform();
    users = await buildAccessWorld(p);
  });
  afterAll(async () => p.close());

  it('refuses a command body without a required nested object, naming it', async () => {
    await p.writesNothing(async () => {
      const defer = await p.http().post('/api/problems/prob-a/defer').set(users.office).send({ constraint: '资金未到位', reReviewDate: '2026-09-01', gradualMeasures: ['先行垫付'] }).expect(400);
      expect(fieldsOf(defer.body)).toEqual(['explanation']);
      const register = await p
        .http()
        .post('/api/problems')
        .set(users.office)
        .send({ problemId: 'p-x', campaignId: 'camp-a', responsibleUnitId: 'ba', source: 'masses_report', category: 'c', description: 'd', discoveredAt: '2026-02-20' })
        .expect(400);
      expect(fieldsOf(register.body)).toEqual(expect.arrayContaining(['responsibleLeader', 'handler']));
    });
  });

  it.each([
    ['/api/campaigns/camp-a/rectification-tracker/problems', 'skip'],
    ['/api/campaigns/camp-a/rectification-tracker/problems', 'limit'],
    ['/api/audit-trail', 'after'],
    ['/api/audit-trail/chain', 'until'],
    ['/api/security-log', 'after'],
    ['/api/streams/org-ba/events', 'fromRevision'],
  ] as const)('bounds the numeric query parameter %s ?%s (as an administrator, who may read them all)', async (path, param) => {
    const res = await p.http().get(`${path}?${param}=99999999999999999999`).set(users.admin).expect(400);
    expect(fieldsOf(res.body)).toEqual([param]);
    expect(res.body.message.join(' ')).toContain(param);
  });

  it.each([
    ['anonymous sign-in', '/api/auth/sign-in', 'anonymous'],
    ['a command', '/api/organizations', 'admin'],
    ['a public ballot', '/api/campaigns/camp-a/units/ba/satisfaction/ballots', 'anonymous'],
  ] as const)('refuses JSON nested thousands deep before validating it: %s', async (_, path, role) => {
    await p.writesNothing(async () => {
      for (const payload of [nested(3000), `{"username":${nested(3000)},"password":"x"}`, `{"a":${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}}`]) {
        const res = await p.http().post(path).set(users[role]).set('content-type', 'application/json').send(payload).expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', rule: 'entity.too.deep' })]);
        expect(res.body.message.join(' ')).toContain(String(MAX_JSON_DEPTH));
      }
    });
  });
});
