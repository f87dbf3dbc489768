import { educationCampaign, TOWNSHIP_TREE, welfareProblem } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

const now = new Date('2026-03-25T02:00:00Z');

describe('one Idempotency-Key sent concurrently with different bodies: only the stored one is acknowledged', () => {
  let p: TestPlatform;
  let op: Headers;
  let base: string;

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => now });
    await p.app.listen(0, '127.0.0.1');
    base = await p.app.getUrl();
    // Open the connections first: a burst on fresh connections is accepted one at a time and never races.
    await Promise.all(Array.from({ length: 50 }, () => fetch(`${base}/health`).then((r) => r.arrayBuffer())));
    await p.http().post('/api/organizations/import').set(await p.signIn('admin-1', 'admin')).send({ units: TOWNSHIP_TREE }).expect(201);
    const office = await p.signIn('office-1', 'office', ['city']);
    op = await p.signIn('op-b1', 'operator', ['b1']);
    await p.http().post('/api/campaigns').set(office).send(educationCampaign({ subtreeRootId: 't1' })).expect(201);
    await p.http().post('/api/problems').set(op).send(welfareProblem('p-race')).expect(201);
    await p.http().post('/api/problems/p-race/plan').set(op).send({ measures: ['评定结果张榜公示'], timing: 'by_deadline', deadline: '2026-04-30' }).expect(201);
  });
  afterAll(async () => p.close());

  /** Many clients at once on their own connections, as a real burst arrives (not queued one by one). */
  async function post(path: string, headers: Headers, key: string, body: object): Promise<{ status: number; body: any }> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  it('50 notes under one key: one event, one 201, every other client told 422 idempotency_key_reused', async () => {
    const before = await p.headPosition();
    const notes = Array.from({ length: 50 }, (_, i) => `第 ${i} 次入户核查`);
    const answers = await Promise.all(
      notes.map((note) => post('/api/problems/p-race/progress', op, 'race-note', { note })),
    );
    expect(await p.headPosition()).toBe(before + 1);
    const acknowledged = answers.map((a, i) => ({ a, note: notes[i] })).filter(({ a }) => a.status === 201);
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0].a.body.replayed).toBe(false);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.status)).toEqual(refused.map(() => 422));
    expect(refused.map((a) => a.body.code)).toEqual(refused.map(() => 'idempotency_key_reused'));
    const stored = (await p.http().get('/api/problems/p-race').set(op).expect(200)).body.current.progress;
    expect(stored.map((x: { note: string }) => x.note)).toEqual([acknowledged[0].note]);
  });

  it('the same body sent concurrently under one key is stored once and every client is told so', async () => {
    const before = await p.headPosition();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/problems/p-race/progress', op, 'same-note', { note: '同一条进展' })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((a) => a.body.positions[0])).size).toBe(1);
    expect(await p.headPosition()).toBe(before + 1);
  });

  it('one key on different new streams at once: one stream is created, the others answer 422, not 409', async () => {
    const before = await p.headPosition();
    const ids = Array.from({ length: 10 }, (_, i) => `p-new-${i}`);
    const answers = await Promise.all(
      ids.map((id) => post('/api/problems', op, 'race-register', welfareProblem(id))),
    );
    expect(await p.headPosition()).toBe(before + 1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => `${a.status} ${a.body.code}`)).toEqual(refused.map(() => '422 idempotency_key_reused'));
  });
});
