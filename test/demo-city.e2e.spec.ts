import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORDS, DemoCityMarker, generateCity, inspectDemoCity, MAIN_CAMPAIGN_ID } from '@platform/demo-data';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { startTestPlatform, TestPlatform } from './support/test-platform';

/** A small demo city, generated into a data directory, then served by the real platform. */
describe('the demo city in the platform', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-city-'));
  let p: TestPlatform;
  let marker: DemoCityMarker;

  beforeAll(async () => {
    marker = (await generateCity({ dataDir, seed: 'e2e', scale: 0.02, now: '2025-06-30T06:00:00.000Z' })).marker;
    p = await startTestPlatform({ dataDir });
  });
  afterAll(async () => {
    await p.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (username: string, password: string) => {
    const res = await p.http().post('/api/auth/sign-in').send({ username, password });
    expect(res.status).toBe(200);
    return { authorization: `Bearer ${res.body.accessToken as string}` };
  };
  const credential = (role: string) => marker.credentials.find((c) => c.role === role)!;

  it('is recognized as the generated city of its seed and scale', () => {
    expect(inspectDemoCity(dataDir, 'e2e', 0.02)).toMatchObject({ status: 'ready' });
    expect(inspectDemoCity(dataDir, 'another seed', 0.02)).toMatchObject({ status: 'different' });
  });

  it('lets every role sign in with its printed demo password', async () => {
    for (const role of ['admin', 'office', 'inspector', 'leader', 'operator']) {
      const c = credential(role);
      expect(c.password).toBe(DEMO_PASSWORDS[role as keyof typeof DEMO_PASSWORDS]);
      const me = await p.http().get('/api/auth/me').set(await signIn(c.username, c.password));
      expect(me.status).toBe(200);
      expect(me.body.role ?? me.body.user?.role).toBe(role);
    }
  });

  it('serves the organization tree and the campaign to the office', async () => {
    const office = await signIn(credential('office').username, DEMO_PASSWORDS.office);
    const orgs = await p.http().get('/api/organizations').set(office);
    expect(orgs.status).toBe(200);
    expect(orgs.body.total).toBe(marker.summary.organizations.total);
    const types = new Set((orgs.body.units as { unitType: string }[]).map((u) => u.unitType));
    expect(types.size).toBe(8);
    const campaign = await p.http().get(`/api/campaigns/${MAIN_CAMPAIGN_ID}`).set(office);
    expect(campaign.status).toBe(200);
    expect(campaign.body.batch).toBe(2);
    expect(campaign.body.enrolledCount).toBe(marker.summary.campaigns[MAIN_CAMPAIGN_ID].enrolled);
  });

  it('keeps an operator to its own unit and an inspector to its assigned units', async () => {
    const c = credential('operator');
    const operator = await signIn(c.username, c.password);
    const me = await p.http().get('/api/auth/me').set(operator);
    const unitId = ((me.body.scopeUnitIds ?? me.body.user?.scopeUnitIds) as string[])[0];
    const own = await p.http().get(`/api/campaigns/${MAIN_CAMPAIGN_ID}/units/${unitId}`).set(operator);
    expect(own.status).toBe(200);
    const campaign = await p.http().get(`/api/campaigns/${MAIN_CAMPAIGN_ID}`).set(operator);
    expect(campaign.body.enrolledUnitIds).toEqual([unitId]);

    const inspector = await signIn(credential('inspector').username, DEMO_PASSWORDS.inspector);
    const seen = await p.http().get('/api/organizations').set(inspector);
    expect(seen.status).toBe(200);
    expect(seen.body.total).toBeGreaterThan(0);
    expect(seen.body.total).toBeLessThan(marker.summary.organizations.total);
  });

  it('holds the office\'s four 督查通报, each reproduced from the events to the same snapshot', async () => {
    const office = await signIn(credential('office').username, DEMO_PASSWORDS.office);
    const list = await p.http().get(`/api/campaigns/${MAIN_CAMPAIGN_ID}/notices`).set(office);
    expect(list.status).toBe(200);
    const notices = [...(list.body.notices as { noticeId: string; title: string; noticeDate: string; position: string; rankBy: string; unitCount: number; publishedBy: string }[])].reverse();
    expect(notices.map((n) => n.title.slice(0, 9))).toEqual(['第一次调研督查通报', '第二次调研督查通报', '第三次调研督查通报', '第四次调研督查通报']);
    expect(new Set(notices.map((n) => n.rankBy)).size).toBe(4);
    for (const [i, n] of notices.entries()) {
      expect(n.publishedBy).toMatch(/^office-/);
      // Every unit enrolled by then (units joining later appear on the later notices).
      expect(n.unitCount).toBeGreaterThan(0);
      expect(n.unitCount).toBeLessThanOrEqual(marker.summary.campaigns[MAIN_CAMPAIGN_ID].enrolled);
      if (i > 0) {
        expect(n.unitCount).toBeGreaterThanOrEqual(notices[i - 1].unitCount);
        expect(n.noticeDate > notices[i - 1].noticeDate).toBe(true);
        // Tokens sort as the log: each notice froze a later moment than the one before.
        expect(n.position > notices[i - 1].position).toBe(true);
      }
      const reproduced = await p.http().get(`/api/notices/${n.noticeId}/reproduce`).set(office);
      expect(reproduced.status).toBe(200);
      expect(reproduced.body).toMatchObject({ position: n.position, storedSnapshotIntact: true, identical: true, differences: [] });
    }
    // The campaign moved on between the inspections: the four boards are not the same one.
    const snapshots = await Promise.all(notices.map(async (n) => (await p.http().get(`/api/notices/${n.noticeId}`).set(office)).body.snapshotHash as string));
    expect(new Set(snapshots).size).toBe(4);
  });

  it('holds an intact history: the hash chain verifies up to the marker', async () => {
    const report = await p.app.get<EventStore>(EVENT_STORE).verifyChain({ until: marker.events });
    expect(report).toMatchObject({ ok: true, checked: marker.events });
  });
});
