import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Child, freePort, startApp, startedByTheSpec, stopped, until, whileRunning } from './support/processes';

type Item = { name: string; state: string; position: number; lag: number; owner: string | null };
type Health = { healthy: boolean; eventStore: { headPosition: number }; projections: { healthy: boolean; items: Item[] } };

const admin = { ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'a-long-admin-password' };

// Each test starts three processes from source; on a loaded machine each start can take tens of seconds.
jest.setTimeout(300_000);

describe('the projector and the API as separate processes on one DATA_DIR', () => {
  const { dirs, children, cleanUp } = startedByTheSpec();
  afterEach(cleanUp);

  async function queryOnlyApi(dataDir: string, env: Record<string, string> = {}) {
    const port = await freePort();
    const child = startApp('platform', { PORT: String(port), DATA_DIR: dataDir, PROJECTIONS: 'off', DEMO_ADMIN: '0', ...admin, ...env });
    children.push(child);
    const base = `http://127.0.0.1:${port}`;
    const health = () => until(whileRunning(child, async () => (await fetch(`${base}/health`)).json() as Promise<Health>), () => true, () => `health of the API (${child.output()})`);
    await health();
    const session = (await (
      await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chief', password: admin.ADMIN_PASSWORD }) })
    ).json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${session.accessToken}` };
    return {
      child,
      health,
      createUnit: async (unitId: string, parentId?: string) => {
        const body = parentId ? { unitId, name: `单位 ${unitId}`, level: 'county', unitType: 'agency', parentId } : { unitId, name: '市', level: 'city', unitType: 'agency' };
        const res = await fetch(`${base}/api/organizations`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
        expect(res.status).toBe(201);
      },
      /** The audit trail's created units, and the stale flag the answer carries. */
      createdUnits: async () => {
        const res = await fetch(`${base}/api/audit-trail?type=UnitCreated&limit=100`, { headers: auth });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { items: Array<{ data: { unitId: string } }> };
        return { units: body.items.map((i) => i.data.unitId), stale: res.headers.get('x-view-stale') };
      },
    };
  }

  function projector(dataDir: string, env: Record<string, string> = {}): Child {
    const child = startApp('projector', { DATA_DIR: dataDir, ...env });
    children.push(child);
    return child;
  }

  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'projector-process-'));
    dirs.push(dir);
    return dir;
  }

  it('a query-only API reports lag from the stored checkpoints, answers stale without waiting, and a write reaches its views through the projector', async () => {
    const dir = dataDir();
    const api = await queryOnlyApi(dir);
    await api.createUnit('city');
    const behind = await api.health();
    const board = behind.projections.items.find((i) => i.name === 'audit-trail')!;
    expect(board).toMatchObject({ state: 'unowned', owner: null });
    expect(board.lag).toBeGreaterThan(0);
    expect(board.lag).toBe(behind.eventStore.headPosition - board.position);
    expect(behind.projections.healthy).toBe(false);
    // Nobody runs the projections: the answer says so at once instead of waiting out the bound.
    const started = Date.now();
    const stale = await api.createdUnits();
    expect(stale.stale).toMatch(/^true; events=\d+/);
    expect(Date.now() - started).toBeLessThan(5_000);

    const port = await freePort();
    const p = projector(dir, { PROJECTOR_ID: 'projector-one', PROJECTOR_PORT: String(port) });
    const caught = await until(api.health, (h) => h.projections.items.every((i) => i.lag === 0 && i.state === 'live'), () => `projector catching up (${p.output()})`);
    expect(caught.projections.items.map((i) => [i.owner, i.state])).toEqual(caught.projections.items.map(() => ['projector-one', 'live']));
    expect(caught.healthy).toBe(true);

    // The projector's own face for an orchestrator: ready once what it runs has caught up, and its lag as metrics.
    const own = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${own}/health/live`)).json()).toEqual({ status: 'ok', service: 'projector', owner: 'projector-one' });
    const ready = await fetch(`${own}/health`);
    expect(ready.status).toBe(200);
    const health = (await ready.json()) as { ready: boolean; head: number; projections: Item[] };
    expect(health).toMatchObject({ ready: true, head: caught.eventStore.headPosition });
    expect(health.projections.map((i) => i.name).sort()).toEqual(caught.projections.items.map((i) => i.name).sort());
    const metrics = await (await fetch(`${own}/metrics`)).text();
    expect(metrics).toMatch(/^projection_lag_events\{projection="audit-trail",service="projector"\} 0$/m);

    await api.createUnit('c1', 'city');
    // Read-your-writes across processes: the GET waits for the stored checkpoint, not for a runner.
    expect(await api.createdUnits()).toEqual({ units: ['city', 'c1'], stale: null });
  });

  it('two projectors at once: each projection is run by exactly one; killed with -9, the other takes over once its lease expires', async () => {
    const dir = dataDir();
    const api = await queryOnlyApi(dir);
    await api.createUnit('city');
    const leaseMs = 3_000;
    const a = projector(dir, { PROJECTOR_ID: 'projector-a', PROJECTION_LEASE_MS: String(leaseMs) });
    let health = await until(api.health, (h) => h.projections.items.every((i) => i.owner === 'projector-a' && i.lag === 0), () => `projector a (${a.output()})`);
    const b = projector(dir, { PROJECTOR_ID: 'projector-b', PROJECTION_LEASE_MS: String(leaseMs) });
    const names = health.projections.items.map((i) => i.name);
    await until(async () => b.output(), (out) => names.every((n) => out.includes(`projection ${n} is run by projector-a: standing by`)), () => `projector b standing by (${b.output()})`);
    await api.createUnit('c1', 'city');
    expect((await api.createdUnits()).units).toEqual(['city', 'c1']);
    health = await api.health();
    expect(health.projections.items.map((i) => i.owner)).toEqual(names.map(() => 'projector-a'));
    // Neither stepped on the other's checkpoints.
    expect(a.output() + b.output()).not.toMatch(/someone else owns it|failed/);

    await stopped(a, 'SIGKILL');
    const killedAt = Date.now();
    await api.createUnit('c2', 'city');
    health = await until(api.health, (h) => h.projections.items.every((i) => i.owner === 'projector-b' && i.lag === 0), () => `projector b taking over (${b.output()})`);
    const tookOverAfter = Date.now() - killedAt;
    // Its lease was renewed within the last third of its lifetime before the kill: at least that much is left.
    expect(tookOverAfter).toBeGreaterThanOrEqual((leaseMs * 2) / 3 - 200);
    expect(health.healthy).toBe(true);
    expect(await api.createdUnits()).toEqual({ units: ['city', 'c1', 'c2'], stale: null });
  });

  it('on the same host, a projector killed with -9 is taken over at once: its process is gone, its lease need not lapse', async () => {
    const dir = dataDir();
    const api = await queryOnlyApi(dir);
    await api.createUnit('city');
    const a = projector(dir, { PROJECTION_LEASE_MS: '60000' });
    const first = await until(api.health, (h) => h.projections.items.every((i) => i.owner !== null && i.lag === 0), () => `projector a (${a.output()})`);
    const owner = first.projections.items[0].owner!;
    expect(owner).toContain(`:${a.pid}:`);
    const b = projector(dir, { PROJECTION_LEASE_MS: '60000' });
    await until(async () => b.output(), (out) => out.includes('standing by'), () => `projector b standing by (${b.output()})`);
    await stopped(a, 'SIGKILL');
    await api.createUnit('c1', 'city');
    const health = await until(api.health, (h) => h.projections.items.every((i) => i.owner?.includes(`:${b.pid}:`) === true && i.lag === 0), () => `projector b taking over (${b.output()})`);
    expect(health.healthy).toBe(true);
    expect(b.output()).toContain('a process on this host that is gone: taking it over');
  });
});
