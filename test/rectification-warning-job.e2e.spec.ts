import { eventually } from './support/eventually';
import { educationCampaign, problemRegistration, TOWNSHIP_TREE } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

let now = new Date('2026-03-25T02:00:00Z');

describe.each([
  ['off unless asked', undefined],
  ['on with WARNING_JOB_INTERVAL_MS', '40'],
])('the scheduled deadline-warning job in tests: %s', (_, interval) => {
  let p: TestPlatform;
  let office: Headers, op1: Headers;
  const saved = process.env.WARNING_JOB_INTERVAL_MS;

  beforeAll(async () => {
    if (interval === undefined) delete process.env.WARNING_JOB_INTERVAL_MS;
    else process.env.WARNING_JOB_INTERVAL_MS = interval;
    now = new Date('2026-03-25T02:00:00Z');
    p = await startTestPlatform({ clock: () => now });
    await p.http().post('/api/organizations/import').set(await p.signIn('admin-1', 'admin')).send({ units: TOWNSHIP_TREE }).expect(201);
    office = await p.signIn('office-1', 'office', ['city']);
    op1 = await p.signIn('op-b1', 'operator', ['b1']);
    await p.http().post('/api/campaigns').set(office).send(educationCampaign({ subtreeRootId: 't1' })).expect(201);
    await p
      .http()
      .post('/api/problems')
      .set(op1)
      .send(problemRegistration('p-1', 'c1', 'b1', { discoveredAt: '2026-03-20' }))
      .expect(201);
    await p.http().post('/api/problems/p-1/plan').set(op1).send({ measures: ['限时办结'], timing: 'by_deadline', deadline: '2026-04-30' }).expect(201);
  });
  afterAll(async () => {
    await p.close();
    if (saved === undefined) delete process.env.WARNING_JOB_INTERVAL_MS;
    else process.env.WARNING_JOB_INTERVAL_MS = saved;
  });

  it(interval ? 'raises the red warning by itself, once' : 'raises nothing until the office runs it', async () => {
    now = new Date('2026-05-02T02:00:00Z');
    const lastWarning = () => p.http().get('/api/problems/p-1').set(office).expect(200).then((r) => r.body.current.lastWarning);
    const seen = await eventually(lastWarning, (w) => w !== null, interval ? 5000 : 300);
    if (!interval) {
      expect(seen).toBeNull();
      const run = await p.http().post('/api/problems/warnings/run').set(office).expect(201);
      expect(run.body.raised).toEqual([expect.objectContaining({ problemId: 'p-1', level: 'red' })]);
    } else {
      expect(seen).toEqual({ deadline: '2026-04-30', level: 'red' });
      // Several more ticks go by; none records the level again.
      await new Promise((r) => setTimeout(r, 200));
    }
    const timeline = (await p.http().get('/api/problems/p-1/timeline').set(office).expect(200)).body;
    const raised = timeline.events.filter((e: { type: string }) => e.type === 'DeadlineWarningRaised');
    expect(raised).toHaveLength(1);
    expect(raised[0].actor.userId).toBe(interval ? 'system-deadline-warnings' : 'office-1');
  });

  it("tells in the ledger's timeline and the audit trail whether the platform or a person raised it", async () => {
    const kind = interval ? 'platform' : 'user';
    type Entry = { type: string; actor: { userId: string }; actorKind: string };
    const warnings = (entries: Entry[]) => entries.filter((e) => e.type === 'DeadlineWarningRaised');
    const timeline = await eventually(
      async () => warnings((await p.http().get('/api/rectification-tracker/problems/p-1/timeline').set(office).expect(200)).body.events),
      (found) => found.length > 0,
    );
    expect(timeline.map((e) => e.actorKind)).toEqual([kind]);
    const trail = await eventually(
      async () => warnings((await p.http().get('/api/audit-trail').query({ streamId: 'problem-p-1' }).set(office).expect(200)).body.items),
      (found) => found.length > 0,
    );
    expect(trail.map((e) => e.actorKind)).toEqual([kind]);
    // Everything else on the problem was recorded by its unit's liaison, a person.
    const rest = (await p.http().get('/api/audit-trail').query({ streamId: 'problem-p-1' }).set(office).expect(200)).body.items.filter((e: Entry) => e.type !== 'DeadlineWarningRaised');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.map((e: Entry) => [e.actor.userId, e.actorKind])).toEqual(rest.map(() => ['op-b1', 'user']));
  });
});
