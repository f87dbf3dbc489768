import { CAMPAIGN, problem, registered, planned } from '../libs/views/src/testing/view-fixtures';
import { appendEvents, expectStatus, isoDay, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

const NOTICES = `/api/campaigns/${CAMPAIGN}/notices`;

describe('notices (通报) over HTTP', () => {
  let p: TestPlatform;
  let w: ViewsWorld;

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform());
    await recordStudy(p, w.operator, 'branch-1', undefined, { shouldAttend: 30, attended: 27 });
    await appendEvents(w.events, [
      registered('p-1', 'branch-1'),
      planned('p-1', isoDay(20)),
      problem('p-1', 'FixClaimed', { evidence: '完成', attachmentRefs: [], claimedBy: 'op-1' }),
      problem('p-1', 'FixVerified', { comment: '通过', verifiedBy: 'insp-1' }),
      registered('p-2', 'branch-2'),
    ]);
  });
  afterAll(async () => p.close());

  it('publishes a dated, ranked snapshot that never changes and is reproduced from the events', async () => {
    const board = await expectStatus(p.http().get(`/api/campaigns/${CAMPAIGN}/board`).set(w.office), 200);
    const published = await expectStatus(
      p.http().post(NOTICES).set(w.office).send({ noticeId: 'n-2026-03', title: '关于整改进度的通报', noticeDate: isoDay(0) }),
      201,
    );
    expect(published.body).toMatchObject({ streams: [{ streamId: 'notice-n-2026-03', revision: 0 }], eventTypes: ['NoticePublished'] });

    const notice = (await expectStatus(p.http().get('/api/notices/n-2026-03').set(w.leader), 200)).body;
    expect(notice).toMatchObject({
      noticeId: 'n-2026-03',
      campaignId: CAMPAIGN,
      title: '关于整改进度的通报',
      noticeDate: isoDay(0),
      metricsVersion: 1,
      rankBy: 'completionRate',
      position: board.body.asOf.position,
      snapshotHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      publishedBy: 'office-city',
    });
    const { asOf, skip, limit, children, ...boardView } = board.body;
    // Where each row's participation rate comes from, and the root's children drawn from every row (for the
    // page's chart), are said on the live board only: a notice freezes the ranked figures.
    const frozen = { ...boardView, rows: boardView.rows.map(({ participationSource, ...row }: { participationSource: unknown }) => row) };
    // The live board carries the root's roll-up (its children's are in their lines); the notice freezes every level's.
    expect(boardView.rollups.map((r: { unitId: string }) => r.unitId)).toEqual(['city']);
    expect({ ...notice.snapshot, rollups: notice.snapshot.rollups.filter((r: { level: string }) => r.level === 'city') }).toEqual(frozen);
    expect(notice.snapshot.rollups.map((r: { unitId: string }) => r.unitId)).toEqual(['city', 'county-1', 'county-2', 'town-1', 'town-2', 'town-3']);
    expect(notice.snapshot.rows.map((r: { rank: number; unitId: string }) => [r.rank, r.unitId])).toEqual([
      [1, 'branch-1'],
      [2, 'branch-2'],
      [3, 'branch-3'],
      [4, 'branch-4'],
    ]);

    // History moves on; the notice does not.
    await recordStudy(p, await p.signIn('op-branch-3', 'operator', ['branch-3']), 'branch-3', ['mobilization_meeting', 'centralized_study']);
    await appendEvents(w.events, [problem('p-1', 'ProblemClosed', { mechanisms: null, deadline: isoDay(20), closedBy: 'insp-1' })]);
    expect((await expectStatus(p.http().get('/api/notices/n-2026-03').set(w.leader), 200)).body).toEqual(notice);

    const reproduced = await expectStatus(p.http().get('/api/notices/n-2026-03/reproduce').set(w.inspector), 200);
    expect(reproduced.body).toMatchObject({
      position: notice.position,
      metricsVersion: 1,
      storedHash: notice.snapshotHash,
      reproducedHash: notice.snapshotHash,
      storedSnapshotIntact: true,
      identical: true,
      differences: [],
    });
    expect(reproduced.body.snapshot).toEqual(notice.snapshot);

    // The same moment under the other definition: the verified p-1 now counts as done.
    const underV2 = await expectStatus(p.http().get('/api/notices/n-2026-03/reproduce?metricsVersion=2').set(w.office), 200);
    expect(underV2.body).toMatchObject({ publishedMetricsVersion: 1, metricsVersion: 2, identical: false });
    expect(underV2.body.differences).toEqual(expect.arrayContaining(['metricsVersion', 'overall.metrics.completionRate']));
    expect(underV2.body.snapshot.overall.metrics.completionRate).toBe(0.5);
    expect(notice.snapshot.overall.metrics.completionRate).toBe(0);

    // The audit trail lists the notice without its snapshot (the notice's own content, served above), twice alike.
    for (let i = 0; i < 2; i++) {
      const trail = await expectStatus(p.http().get('/api/audit-trail?type=NoticePublished').set(w.office), 200);
      expect(trail.body.items).toEqual([expect.objectContaining({ streamId: 'notice-n-2026-03', type: 'NoticePublished', dataOmitted: ['snapshot'] })]);
      expect(trail.body.items[0].data).toMatchObject({ noticeId: 'n-2026-03', snapshotHash: notice.snapshotHash });
      expect(trail.body.items[0].data).not.toHaveProperty('snapshot');
    }
  });

  it('refuses to change a published notice, and lists notices to those in scope', async () => {
    const again = await expectStatus(p.http().post(NOTICES).set(w.office).send({ noticeId: 'n-2026-03', title: '改写' }), 422);
    expect(again.body.code).toBe('notice_exists');
    await expectStatus(p.http().post(NOTICES).set(w.operator).send({ noticeId: 'n-x', title: 'x' }), 403);
    await expectStatus(p.http().post(NOTICES).set(w.office).send({ noticeId: 'n-y' }), 400);

    await expectStatus(p.http().post(NOTICES).set(w.office).send({ noticeId: 'n-town1', title: '芙蓉街道通报', root: 'town-1', rankBy: 'participationRate' }), 201);
    const listed = await expectStatus(p.http().get(NOTICES).set(w.office), 200);
    expect(listed.body.notices.map((n: { noticeId: string }) => n.noticeId).sort()).toEqual(['n-2026-03', 'n-town1']);
    const forInspector = await expectStatus(p.http().get(NOTICES).set(w.inspector), 200);
    expect(forInspector.body.notices.map((n: { noticeId: string }) => n.noticeId)).toEqual(['n-2026-03']);
    await expectStatus(p.http().get('/api/notices/n-town1').set(w.inspector), 404);
    const town1 = await expectStatus(p.http().get('/api/notices/n-town1/reproduce').set(w.leader), 200);
    expect(town1.body.identical).toBe(true);
    expect(town1.body.snapshot.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['branch-1', 'branch-2']);
    const stream = await expectStatus(p.http().get('/api/streams/notice-n-town1/events').set(w.office), 200);
    expect(stream.body.events[0]).toMatchObject({ type: 'NoticePublished', actor: { userId: 'office-city' } });
  });

  it('lets an office publish only within its own scope', async () => {
    const countyOffice = await p.signIn('office-county2', 'office', ['county-2']);
    await expectStatus(p.http().post(NOTICES).set(countyOffice).send({ noticeId: 'n-c1', title: '越权', root: 'town-1' }), 403);
    await expectStatus(p.http().post(NOTICES).set(countyOffice).send({ noticeId: 'n-c2', title: '鼎城区通报' }), 201);
    const own = await expectStatus(p.http().get('/api/notices/n-c2').set(countyOffice), 200);
    expect(own.body.snapshot.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['branch-4']);
  });
});
