import { EVENT_STORE, SqliteEventStore } from '@platform/event-store';
import { embeddedToken } from './support/position-tokens';
import { startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

describe('a broken hash chain: found at start, shown everywhere, writes refused until an administrator acknowledges', () => {
  let p: TestPlatform;
  let office: Record<string, string>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.close());

  const unit = (unitId: string) => ({ unitId, name: `单位 ${unitId}`, level: 'county', unitType: 'agency', parentId: 'city' });

  it('reports an intact chain as ok, with no warning on answers', async () => {
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    await p.http().post('/api/organizations').set(admin).send({ unitId: 'city', name: '市', level: 'city', unitType: 'agency' }).expect(201);
    for (const id of ['c1', 'c2', 'c3']) await p.http().post('/api/organizations').set(admin).send(unit(id)).expect(201);
    office = await p.signIn('office-1', 'office', ['city']);
    const health = await p.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ chain: 'ok', healthy: true, integrity: { state: 'ok' } });
    expect(health.headers['x-chain-broken']).toBeUndefined();
  });

  it('after a row is altered, the restarted platform says where, warns on reads and refuses writes with 503 chain_broken', async () => {
    const store = p.app.get<SqliteEventStore>(EVENT_STORE);
    const head = await p.headPosition();
    const victim = store.db.prepare<[], { position: number }>("SELECT position FROM events WHERE type = 'UnitCreated' ORDER BY position DESC LIMIT 1").get()!.position;
    store.db.prepare(`UPDATE events SET data = replace(data, '单位', '篡改') WHERE position = ?`).run(victim);
    await p.restart();

    const health = await p.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ chain: `broken at ${victim}`, healthy: false, integrity: { state: 'broken', brokenAt: victim } });
    expect(health.headers['x-chain-broken']).toBe(String(victim));

    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    const read = await p.http().get('/api/audit-trail').set(admin).expect(200);
    expect(read.headers['x-chain-broken']).toBe(String(victim));
    expect(read.body.items.length).toBeGreaterThan(0);

    const refused = await p.http().post('/api/organizations').set(admin).send(unit('c4')).expect(503);
    expect(refused.body).toMatchObject({ code: 'chain_broken', position: victim });
    expect(refused.body.message).toMatch(/哈希链.*断裂.*writes are refused until an administrator acknowledges/);
    expect(await p.headPosition()).toBe(head);
  });

  it('refuses an acknowledgement from anyone but an administrator, or of another position', async () => {
    const victim = (await p.http().get('/health')).body.integrity.brokenAt as number;
    office = await p.signIn('office-1', 'office', ['city']);
    await p.http().post('/api/audit-trail/chain/acknowledgements').set(office).send({ position: victim, note: '已核实' }).expect(403);
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    const wrong = await p.http().post('/api/audit-trail/chain/acknowledgements').set(admin).send({ position: victim + 1, note: '已核实' }).expect(422);
    expect(wrong.body).toMatchObject({ code: 'chain_break_position', brokenAt: victim });
    const bad = await p.http().post('/api/audit-trail/chain/acknowledgements').set(admin).send({ position: 'x' }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['note', 'position']);
    expect((await p.http().get('/health')).body.chain).toBe(`broken at ${victim}`);
  });

  it('accepts an administrator\'s acknowledgement: an event in the audit trail, then writes resume and the warning goes', async () => {
    const victim = (await p.http().get('/health')).body.integrity.brokenAt as number;
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    const ack = await p.http().post('/api/audit-trail/chain/acknowledgements').set(admin).send({ position: victim, note: '已与备份核对，确认为存储故障' }).expect(201);
    expect(ack.body).toMatchObject({ chain: { state: 'ok', acknowledged: [{ position: victim, by: expect.any(String) }] } });

    const health = await p.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ chain: 'ok', healthy: true });
    expect(health.headers['x-chain-broken']).toBeUndefined();
    await p.http().post('/api/organizations').set(admin).send(unit('c4')).expect(201);

    const trail = await p.http().get('/api/audit-trail').query({ type: 'ChainBreakAcknowledged' }).set(admin).expect(200);
    // The trail shows positions as tokens; the integrity surface keeps the embedded chain's own numbers.
    expect(trail.body.items).toEqual([
      expect.objectContaining({ type: 'ChainBreakAcknowledged', typeName: '确认哈希链断裂', position: embeddedToken(ack.body.position), data: expect.objectContaining({ position: victim }) }),
    ]);
    await p.restart();
    expect((await p.http().get('/health')).body.chain).toBe('ok');
  });
});
