import { EVENT_STORE, SqliteEventStore } from '@platform/event-store';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './support/eventually';
import { startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

type Item = { name: string; state: string; position: number; divergence: { reason: string; rebuiltAt: string | null; rebuild: { target: number } } | null };

describe('read models newer than a restored event store: found at start, rebuilt, and new writes reach the views', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-diverge-'));
  let p: TestPlatform;
  afterAll(async () => {
    await p.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const unit = (unitId: string) => ({ unitId, name: `单位 ${unitId}`, level: 'county', unitType: 'agency', parentId: 'city' });
  const createdUnits = async (admin: Record<string, string>): Promise<string[]> => {
    const res = await p.http().get('/api/audit-trail').query({ type: 'UnitCreated', limit: 100 }).set(admin).expect(200);
    return res.body.items.map((i: { data: { unitId: string } }) => i.data.unitId);
  };

  it('accepts the read models of a restart on the same events: nothing diverges', async () => {
    p = await startTestPlatform({ dataDir });
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    await p.http().post('/api/organizations').set(admin).send({ unitId: 'city', name: '市', level: 'city', unitType: 'agency' }).expect(201);
    await p.http().post('/api/organizations').set(admin).send(unit('c1')).expect(201);
    expect(await createdUnits(admin)).toEqual(['city', 'c1']);
    await p.restart();
    const health = await p.http().get('/health').expect(200);
    expect(health.body.healthy).toBe(true);
    expect(health.body.projections.items.map((i: Item) => i.divergence)).toEqual(health.body.projections.items.map(() => null));
  });

  it('refuses checkpoints ahead of the restored event store: diverged, rebuilt from the first event, then healthy', async () => {
    const store = p.app.get<SqliteEventStore>(EVENT_STORE);
    const backup = join(dataDir, 'events.earlier.sqlite');
    store.db.prepare('VACUUM INTO ?').run(backup);
    const restoredHead = await p.headPosition();
    let admin = await p.signIn(TEST_ADMIN.username, 'admin');
    for (const id of ['c2', 'c3', 'c4']) await p.http().post('/api/organizations').set(admin).send(unit(id)).expect(201);
    expect(await createdUnits(admin)).toEqual(['city', 'c1', 'c2', 'c3', 'c4']);
    await p.close();

    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `events.sqlite${suffix}`), { force: true });
    copyFileSync(backup, join(dataDir, 'events.sqlite'));
    p = await startTestPlatform({ dataDir });

    const health = await eventually(
      async () => (await p.http().get('/health').expect(200)).body,
      (b) => b.healthy === true,
      15_000,
    );
    const audit = health.projections.items.find((i: Item) => i.name === 'audit-trail') as Item;
    expect(audit.divergence).toMatchObject({ reason: expect.stringMatching(/is ahead of the event store's head/), rebuild: { target: restoredHead } });
    expect(audit.divergence?.rebuiltAt).toEqual(expect.any(String));
    expect(audit.state).toBe('live');

    admin = await p.signIn(TEST_ADMIN.username, 'admin');
    expect(await createdUnits(admin)).toEqual(['city', 'c1']);
    await p.http().post('/api/organizations').set(admin).send(unit('c5')).expect(201);
    expect(await createdUnits(admin)).toEqual(['city', 'c1', 'c5']);
  });
});
