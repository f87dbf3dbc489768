import { SqliteEventStore } from '@platform/event-store';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { educationCampaign, problemRegistration, TOWNSHIP_TREE } from '../support/fixtures';
import { Child, freePort, stopped, until, whileRunning } from '../support/processes';
import { assertBuilt, jsonLines, Service, startService } from './services';

const OFFICE_PASSWORD = 'an-office-password';
const ADMIN = { ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'a-long-admin-password', DEMO_ADMIN: '0' };
const CONTRACT_TYPES = new Set(['CampaignLaunched', 'StepRecorded', 'TransitionApproved', 'UnitConcluded', 'ProblemRegistered', 'ProblemClosed']);
const EVERY_EVENTS = 20;
const RELAY_BATCH = 5;

type Json = Record<string, any>;
type Published = { key: string; headers: Record<string, string>; value: { eventId: string; position: number; event: string } };

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The distributed topology on one machine: the API, the projector, the relay and the scheduler as
 * four OS processes on one embedded data directory (SQLite in WAL mode serves them all), talking
 * only through the stores. The projector and the relay are killed with -9 while writes go on.
 */
describe('the services as separate processes on one DATA_DIR', () => {
  let dir: string;
  const children: Child[] = [];
  beforeAll(() => assertBuilt());
  afterEach(async () => {
    for (const c of children.splice(0)) await stopped(c, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serve a scenario over HTTP; the projector and the relay, killed mid-stream, resume with no loss and no double counting', async () => {
    dir = mkdtempSync(join(tmpdir(), 'services-'));
    const [apiPort, projectorPort, relayPort, schedulerPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const start = (service: Service, env: Record<string, string>) => {
      const child = startService(service, { DATA_DIR: dir, ...env });
      children.push(child);
      return child;
    };
    const services = {
      projector: () => start('projector', { PROJECTOR_PORT: String(projectorPort), PROJECTION_LEASE_MS: '3000' }),
      relay: () => start('relay', { RELAY_PORT: String(relayPort), RELAY_BATCH_SIZE: String(RELAY_BATCH) }),
    };
    // All four start at once, as an orchestrator starts them; the signing key comes from a secret, as in deploy/kubernetes.
    const secrets = { AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    const api = start('api', { PORT: String(apiPort), ...ADMIN, ...secrets });
    let projector = services.projector();
    let relay = services.relay();
    const scheduler = start('scheduler', {
      ...secrets,
      SCHEDULER_PORT: String(schedulerPort),
      WARNING_JOB_INTERVAL_MS: '1000',
      AUDIT_CHECKPOINT_EVERY_EVENTS: String(EVERY_EVENTS),
      AUDIT_CHECKPOINT_POLL_MS: '200',
    });
    const base = `http://127.0.0.1:${apiPort}`;
    const health = (port: number) => async () => {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      return { status: res.status, body: (await res.json()) as Json };
    };
    await until(whileRunning(api, health(apiPort)), (h) => h.status === 200, () => `the API starting (${api.output()})`);

    const signIn = async (username: string, password: string) => {
      const res = await fetch(`${base}/api/auth/sign-in`, post({ username, password }));
      return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
    };
    let auth = await signIn('chief', ADMIN.ADMIN_PASSWORD);
    const write = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${path}`, post(body, { ...auth, ...headers }));
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    const read = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: auth });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return { body: (await res.json()) as Json, stale: res.headers.get('x-view-stale') };
    };
    const problems: string[] = [];
    /** One problem's life so far: registered (published by the relay, with its correlation id), planned due in five days, a progress note. */
    const problem = async () => {
      const id = `p${problems.length + 1}`;
      problems.push(id);
      await write('/api/problems', problemRegistration(id, 'c1', problems.length % 2 ? 'b1' : 'b2'), { 'x-correlation-id': `mp-${id}` });
      await write(`/api/problems/${id}/plan`, { measures: ['建立首问负责制'], timing: 'by_deadline', deadline: isoDay(5) });
      await write(`/api/problems/${id}/progress`, { note: `进展 ${id}` });
    };

    await write('/api/organizations/import', { units: TOWNSHIP_TREE });
    await write('/api/users', { userId: 'office-1', username: 'office-1', displayName: '活动办公室', role: 'office', scopeUnitIds: ['city'], password: OFFICE_PASSWORD });
    auth = await signIn('office-1', OFFICE_PASSWORD);
    await write('/api/campaigns', educationCampaign({ unitIds: ['b1', 'b2'] }));
    await until(whileRunning(projector, health(projectorPort)), (h) => h.status === 200, () => `the projector taking its projections (${projector.output()})`);
    await problem();
    // Read-your-writes across processes: the query waits for the projector's stored checkpoint.
    const first = await read('/api/campaigns/c1/rectification-tracker');
    expect(first.stale).toBeNull();
    expect(first.body.overall.counts.total).toBe(1);

    // Writes go on while the projector and the relay are killed with -9, stay down, and come back.
    let writing = true;
    const writer = (async () => {
      while (writing) await problem();
    })();
    const afterProblems = (n: number, what: string) => until(async () => problems.length, (c) => c >= n, what, 30_000);
    await afterProblems(4, 'writes before the kill');
    await until(health(relayPort), (h) => h.body.position > 0, () => `the relay publishing (${relay.output()})`);
    await Promise.all([stopped(projector, 'SIGKILL'), stopped(relay, 'SIGKILL')]);
    await afterProblems(8, 'writes while the projector and the relay are down');
    projector = services.projector();
    relay = services.relay();
    await afterProblems(12, 'writes while they catch up');
    writing = false;
    await writer;

    // The scheduler raises each planned problem's warning (yellow: due in five days) through its lease.
    const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    try {
      const all = () => events.readAll({ limit: 100_000 });
      const warned = await until(all, (es) => problems.every((id) => es.some((e) => e.type === 'DeadlineWarningRaised' && e.streamId === `problem-${id}`)), () => `the scheduler's warnings (${scheduler.output()})`, 30_000);
      expect(warned.filter((e) => e.type === 'DeadlineWarningRaised').every((e) => e.actor.userId === 'system-deadline-warnings')).toBe(true);
      const writesDone = await events.headPosition();

      // Both resume from their checkpoints and catch up with everything written.
      const projected = await until(health(projectorPort), (h) => h.status === 200 && h.body.projections.length > 0 && h.body.projections.every((p: Json) => p.position >= writesDone), () => `the projector catching up (${projector.output()})`, 30_000);
      expect(projected.body.ready).toBe(true);
      const relayed = await until(health(relayPort), (h) => h.status === 200 && h.body.position >= writesDone, () => `the relay catching up (${relay.output()})`, 30_000);
      expect(relayed.body).toMatchObject({ ready: true, failing: false });
      const stored = await all();
      const head = stored[stored.length - 1].position;

      // Views count each event once: the tracker's problems, the audit trail's progress notes and entries.
      const tracker = await read('/api/campaigns/c1/rectification-tracker');
      expect(tracker.stale).toBeNull();
      const registered = stored.filter((e) => e.type === 'ProblemRegistered');
      expect(registered).toHaveLength(problems.length);
      expect(tracker.body.overall.counts.total).toBe(problems.length);
      expect(tracker.body.overall.counts.warnings.yellow).toBe(problems.length);
      const notes = await read('/api/audit-trail?type=ProgressRecorded&limit=500');
      expect(notes.body.total).toBe(stored.filter((e) => e.type === 'ProgressRecorded').length);
      expect(new Set(notes.body.items.map((i: Json) => i.eventId)).size).toBe(problems.length);
      const problemEvents = stored.filter((e) => e.streamId.startsWith('problem-'));
      const types = [...new Set(problemEvents.map((e) => e.type))].map((t) => `type=${t}`).join('&');
      expect((await read(`/api/audit-trail?${types}&limit=1`)).body.total).toBe(problemEvents.length);

      // The relay's output: every contract event, once by position after the repeats of a killed batch, with its correlation id.
      const out = published(join(dir, 'integration-events.jsonl'));
      const byPosition = new Map<number, Published>();
      for (const m of out) {
        const seen = byPosition.get(m.value.position);
        if (seen) expect(seen).toEqual(m);
        else byPosition.set(m.value.position, m);
      }
      const contract = stored.filter((e) => CONTRACT_TYPES.has(e.type));
      expect([...byPosition.keys()]).toEqual(contract.map((e) => e.position));
      expect(out.length - byPosition.size).toBeLessThanOrEqual(RELAY_BATCH);
      for (const e of registered) {
        const m = byPosition.get(e.position)!;
        expect(m).toMatchObject({ key: e.streamId, headers: { 'correlation-id': `mp-${(e.data as { problemId: string }).problemId}`, 'event-type': 'rectification.problem-registered' } });
        expect(m.headers['correlation-id']).toBe(e.correlationId);
      }

      // The scheduler signs checkpoints by event count from its own process; the API verifies them.
      const signed = await until(health(schedulerPort), (h) => h.status === 200 && h.body.checkpoint !== null && h.body.checkpoint.lag < EVERY_EVENTS, () => `the scheduler's checkpoints (${scheduler.output()})`);
      expect(signed.body.jobs.map((j: Json) => [j.job, j.mine]).sort()).toEqual([
        ['job:audit-checkpoints', true],
        ['job:deadline-warnings', true],
        ['job:notary', true],
      ]);
      // The scheduler's notary chains $all; the API verifies history against that chain.
      await until(health(schedulerPort), (h) => h.status === 200 && h.body.notary.lagEvents === 0, () => `the scheduler's notary (${scheduler.output()})`);
      expect((await read('/api/audit-trail/chain')).body).toMatchObject({ ok: true, notary: { ok: true, finding: 'consistent' } });
      expect((await read('/api/audit-trail/checkpoints/verify')).body).toMatchObject({ ok: true, finding: 'consistent' });
      expect(signed.body.head).toBeGreaterThanOrEqual(head);

      // Every service: liveness, Prometheus metrics, JSON log lines (the projector's too); the API's carry the correlation id.
      for (const [port, service] of [[projectorPort, 'projector'], [relayPort, 'relay'], [schedulerPort, 'scheduler']] as const) {
        expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
        expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain(`service="${service}"`);
      }
      expect(await (await fetch(`http://127.0.0.1:${relayPort}/metrics`)).text()).toMatch(/^relay_lag_events\{service="relay"\} 0$/m);
      expect(await (await fetch(`http://127.0.0.1:${schedulerPort}/metrics`)).text()).toMatch(/^scheduler_job_held\{job="job:deadline-warnings",service="scheduler"\} 1$/m);
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^http_request_duration_seconds_bucket\{.*service="api"/m);
      expect(jsonLines(api.output()).some((l) => l.service === 'api' && l.correlationId === 'mp-p1' && (l.req as Json)?.path === '/api/problems')).toBe(true);
      expect(jsonLines(relay.output()).some((l) => l.service === 'relay' && String(l.msg).includes('relaying sqlite events'))).toBe(true);
      expect(jsonLines(scheduler.output()).some((l) => l.service === 'scheduler')).toBe(true);
      expect(jsonLines(projector.output()).some((l) => l.service === 'projector' && String(l.msg).includes('caught up to position'))).toBe(true);
    } finally {
      await events.close();
    }
    // Five processes starting and catching up on a shared 2-core machine: the bound is generous, the waits inside are polls.
  }, 240_000);
});

function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Complete lines only: a line torn by kill -9 was never delivered (the next relay cuts it off). */
function published(file: string): Published[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, -1)
    .map((l) => JSON.parse(l) as { key: string; headers: Record<string, string>; value: string })
    .map((m) => ({ ...m, value: JSON.parse(m.value) as Published['value'] }));
}

