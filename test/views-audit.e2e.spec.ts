import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { expectStatus, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { embeddedToken } from './support/position-tokens';
import { TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

type Entry = {
  position: string;
  type: string;
  streamId: string;
  occurredAt: string;
  recordedAt: string;
  backdated: boolean;
  unitIds: string[];
  actor: { userId: string };
};

describe('audit trail over HTTP', () => {
  let p: TestPlatform;
  let w: ViewsWorld;
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform());
    // The meeting is entered three days after it was held: the trail must show it.
    await recordStudy(p, w.operator, 'branch-1', ['mobilization_meeting'], { shouldAttend: 40, attended: 38, occurredAt: threeDaysAgo });
    await recordStudy(p, await p.signIn('op-branch-3', 'operator', ['branch-3']), 'branch-3', ['mobilization_meeting']);
  });
  afterAll(async () => p.close());

  const trail = async (query: string, who = w.office) => (await expectStatus(p.http().get(`/api/audit-trail?${query}`).set(who), 200)).body;

  it('shows every event in order with both times, and flags one recorded long after it says it happened', async () => {
    const all = await trail('limit=500');
    expect(all.backdatingThresholdHours).toBe(24);
    const positions = all.items.map((e: Entry) => e.position);
    // Tokens sort as the log: history order is their plain string order.
    expect(positions).toEqual([...positions].sort());
    const participation = all.items.find((e: Entry) => e.type === 'ParticipationRecorded');
    expect(participation).toMatchObject({
      typeName: '记录参学情况',
      streamId: `progress-${CAMPAIGN}.branch-1`,
      occurredAt: threeDaysAgo,
      backdated: true,
      actor: { userId: 'op-branch1', role: 'operator' },
      unitIds: ['branch-1'],
      data: { shouldAttend: 40, attended: 38 },
      dataOmitted: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Date.parse(participation.recordedAt) - Date.parse(participation.occurredAt)).toBeGreaterThan(72 * 3_600_000 - 60_000);
    const flagged = await trail('backdated=true');
    expect(flagged.items.map((e: Entry) => e.type)).toEqual(['ParticipationRecorded']);
  });

  it('filters by stream, actor, type and either time, and pages by global position', async () => {
    const stream = await trail(`streamId=progress-${CAMPAIGN}.branch-3`);
    expect(stream.items.map((e: Entry) => e.type)).toEqual(['StepRecorded']);
    expect((await trail('actorId=op-branch1')).items.map((e: Entry) => e.type)).toEqual(['ParticipationRecorded', 'StepRecorded']);
    expect((await trail('type=CampaignLaunched,UnitsEnrolled')).total).toBe(1);
    const occurredBefore = await trail(`occurredTo=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`);
    expect(occurredBefore.items.map((e: Entry) => e.type)).toEqual(['ParticipationRecorded']);
    const recordedBefore = await trail(`recordedTo=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`);
    expect(recordedBefore.total).toBe(0);

    const all = await trail('limit=500');
    const seen: string[] = [];
    // The token of position 0 stands before the first event.
    let after = embeddedToken(0);
    for (let pages = 0; pages < 100; pages++) {
      const page = await trail(`limit=4&after=${after}`);
      seen.push(...page.items.map((e: Entry) => e.position));
      expect(page.total).toBe(all.total);
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    expect(seen).toEqual(all.items.map((e: Entry) => e.position));
  });

  it('pages newest first with its own cursor, the same entries backwards, and refuses a cursor of the other order', async () => {
    const all = await trail('limit=500');
    const seen: string[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await trail(`order=desc&limit=3${before ? `&before=${before}` : ''}`);
      expect(page).toMatchObject({ order: 'desc', before, total: all.total, nextAfter: null });
      seen.push(...page.items.map((e: Entry) => e.position));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual([...all.items.map((e: Entry) => e.position)].reverse());
    expect(all).toMatchObject({ order: 'asc', nextBefore: null });
    // Newest first within a scope and a filter: an inspector's units, one stream.
    const scoped = await trail('limit=500', w.inspector);
    expect((await trail('order=desc&limit=500', w.inspector)).items).toEqual([...scoped.items].reverse());
    const stream = `progress-${CAMPAIGN}.branch-1`;
    expect((await trail(`order=desc&streamId=${stream}`)).items.map((e: Entry) => e.type)).toEqual(
      (await trail(`streamId=${stream}`)).items.map((e: Entry) => e.type).reverse(),
    );
    for (const [query, field] of [['order=desc&after=' + embeddedToken(3), 'after'], ['before=' + embeddedToken(3), 'before'], ['order=newest', 'order']] as const) {
      const res = await expectStatus(p.http().get(`/api/audit-trail?${query}`).set(w.office), 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(res.body.message.join(' ')).toContain(field);
    }
  });

  it('shows an inspector only the events of units in scope, and refuses others', async () => {
    const insp = await trail('limit=500', w.inspector);
    expect(insp.items.length).toBeGreaterThan(0);
    for (const e of insp.items as Entry[]) expect(e.unitIds.some((u) => ['town-2', 'branch-3'].includes(u))).toBe(true);
    expect(insp.items.map((e: Entry) => e.streamId)).toContain(`progress-${CAMPAIGN}.branch-3`);
    expect(insp.items.map((e: Entry) => e.streamId)).not.toContain(`progress-${CAMPAIGN}.branch-1`);
    await expectStatus(p.http().get('/api/audit-trail?root=town-1').set(w.inspector), 404);
    await expectStatus(p.http().get('/api/audit-trail').set(w.operator), 403);
    await expectStatus(p.http().get('/api/audit-trail'), 401);
    await expectStatus(p.http().get('/api/audit-trail?occurredFrom=someday').set(w.office), 400);
  });

  it('answers as of a past moment exactly as it did then', async () => {
    const then = await trail('limit=500', w.leader);
    await recordStudy(p, w.operator, 'branch-1', ['centralized_study']);
    const now = await trail('limit=500', w.leader);
    expect(now.total).toBe(then.total + 1);
    expect(await trail(`limit=500&asOf=${encodeURIComponent(then.asOf.at)}`, w.leader)).toEqual(then);
  });

  it('verifies the hash chain of the whole history', async () => {
    const res = await expectStatus(p.http().get('/api/audit-trail/chain').set(w.inspector), 200);
    const head = (await expectStatus(p.http().get('/health'), 200)).body.eventStore.headPosition;
    expect(res.body).toMatchObject({ ok: true, checked: head, firstBrokenPosition: null, verdict: '哈希链完整，且与最近签发的检查点一致，历史未被篡改' });
    expect((await expectStatus(p.http().get('/api/audit-trail/chain?until=3').set(w.office), 200)).body).toMatchObject({ ok: true, checked: 3 });
  });
});
