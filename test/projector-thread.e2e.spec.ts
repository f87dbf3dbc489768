import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectionLeasesFor, readModelsFile, SqliteReadStore } from '@platform/read-models';
import { ProjectorThreadLifecycle } from '../apps/platform/src/projections/projector-thread.lifecycle';
import { freePort, startApp, startedByTheSpec, stopped, until, whileRunning } from './support/processes';
import { startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

type Item = { name: string; lag: number; owner: string | null; state: string };
type Health = { healthy: boolean; eventStore: { headPosition: number }; projections: { items: Item[] } };

/** Which leases are still held (not given up, not lapsed) in a data directory's read store. */
async function heldLeases(dataDir: string): Promise<string[]> {
  const store = new SqliteReadStore({ file: readModelsFile(dataDir) });
  try {
    const now = Date.now();
    return (await projectionLeasesFor(store).leases()).filter((l) => Date.parse(l.expiresAt) > now).map((l) => l.projection);
  } finally {
    await store.close();
  }
}

describe('the platform runs its projections in a thread of its own (PROJECTIONS=worker, the default)', () => {
  const { dirs, children, cleanUp } = startedByTheSpec();
  afterAll(cleanUp);

  it('as `npm start` runs it: the thread holds every projection, a GET right after a POST sees it, and a stop gives the leases up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'projector-thread-'));
    dirs.push(dataDir);
    const port = await freePort();
    const child = startApp('platform', { PORT: String(port), DATA_DIR: dataDir, DEMO_ADMIN: '0', ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'a-long-admin-password' });
    children.push(child);
    const base = `http://127.0.0.1:${port}`;
    const health = () => until(whileRunning(child, async () => (await fetch(`${base}/health`)).json() as Promise<Health>), () => true, () => `health (${child.output()})`, 90_000);
    const first = await health();
    // Caught up before it listened, by a projector of this very process (its pid in the owner's name), not an outside one.
    expect(first.projections.items.length).toBeGreaterThan(0);
    for (const item of first.projections.items) expect(item).toMatchObject({ lag: 0, state: 'live', owner: expect.stringContaining(`:${child.pid}:`) });
    expect(child.output()).toMatch(/projector thread \d+ started as/);

    const session = (await (
      await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chief', password: 'a-long-admin-password' }) })
    ).json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' };
    for (const [unitId, parentId] of [['city', undefined], ['c1', 'city']] as const) {
      const body = parentId ? { unitId, name: `单位 ${unitId}`, level: 'county', unitType: 'agency', parentId } : { unitId, name: '市', level: 'city', unitType: 'agency' };
      expect((await fetch(`${base}/api/organizations`, { method: 'POST', headers: auth, body: JSON.stringify(body) })).status).toBe(201);
      // Read-your-writes: the API waits for the thread's stored checkpoint, and the answer is not stale.
      const trail = await fetch(`${base}/api/audit-trail?type=UnitCreated&limit=100`, { headers: auth });
      expect(trail.headers.get('x-view-stale')).toBeNull();
      expect(((await trail.json()) as { items: Array<{ data: { unitId: string } }> }).items.map((i) => i.data.unitId)).toContain(unitId);
    }
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^projection_lag_events\{projection="audit-trail",service="platform"\} 0$/m);

    await stopped(child, 'SIGTERM');
    // The thread gave its leases up on the way out: a projector started next takes over at once.
    expect(await heldLeases(dataDir)).toEqual([]);
  }, 180_000);

  describe('a thread that ends unasked', () => {
    let p: TestPlatform;
    beforeAll(async () => {
      p = await startTestPlatform({ projections: { mode: 'worker', leaseMs: 60_000 } });
    }, 120_000);
    afterAll(async () => p?.close());

    it('is noticed and started again under the same owner, which resumes its leases at once; the restart is counted', async () => {
      const { thread } = p.app.get(ProjectorThreadLifecycle);
      const admin = await p.signIn(TEST_ADMIN.username, 'admin');
      await p.http().post('/api/organizations').set(admin).send({ unitId: 'city', name: '市', level: 'city', unitType: 'agency' }).expect(201);
      const owners = async () => ((await p.http().get('/health').expect(200)).body as Health).projections.items.map((i) => i.owner);
      const before = await until(owners, (o) => o.every((x) => x !== null), 'the thread taking its leases', 90_000);
      const killed = thread.current!;
      await killed.terminate();

      await until(async () => thread.current, (w) => w !== null && w !== killed, 'another thread', 30_000);
      expect(thread.restartCount).toBe(1);
      // Its leases last a minute: only the same owner can have them back this soon.
      await p.http().post('/api/organizations').set(admin).send({ unitId: 'c1', name: '县', level: 'county', unitType: 'agency', parentId: 'city' }).expect(201);
      const trail = await p.http().get('/api/audit-trail?type=UnitCreated&limit=100').set(admin).expect(200);
      expect(trail.headers['x-view-stale']).toBeUndefined();
      expect(trail.body.items.map((i: { data: { unitId: string } }) => i.data.unitId)).toEqual(expect.arrayContaining(['city', 'c1']));
      expect(await owners()).toEqual(before);
      expect((await p.http().get('/metrics').expect(200)).text).toMatch(/^projector_thread_restarts_total\{service="platform"\} 1$/m);
    }, 120_000);
  });

  describe('a thread that runs out of its heap', () => {
    let p: TestPlatform;
    beforeAll(async () => {
      // Far too little for the thread's modules: each thread started runs out of it until one has enough.
      p = await startTestPlatform({ projections: { mode: 'worker', leaseMs: 60_000, heapMiB: 16 } });
    }, 120_000);
    afterAll(async () => p?.close());

    it('is started again with twice the heap until one holds what it needs, and the projections go live', async () => {
      const { thread } = p.app.get(ProjectorThreadLifecycle);
      const admin = await p.signIn(TEST_ADMIN.username, 'admin');
      await p.http().post('/api/organizations').set(admin).send({ unitId: 'city', name: '市', level: 'city', unitType: 'agency' }).expect(201);
      const items = async () => ((await p.http().get('/health').expect(200)).body as Health).projections.items;
      await until(items, (xs) => xs.length > 0 && xs.every((i) => i.state === 'live' && i.lag === 0 && i.owner !== null), 'the projections live', 90_000);
      expect(thread.restartCount).toBeGreaterThanOrEqual(1);
      // Every restart came from running out of memory, each with twice the heap of the one before.
      expect(thread.heapLimitMiB).toBe(16 * 2 ** thread.restartCount);
      const trail = await p.http().get('/api/audit-trail?type=UnitCreated&limit=100').set(admin).expect(200);
      expect(trail.body.items.map((i: { data: { unitId: string } }) => i.data.unitId)).toEqual(['city']);
    }, 120_000);
  });
});
