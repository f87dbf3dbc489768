import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { buildViewsWorld, expectStatus, isoDay, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { embeddedToken } from './support/position-tokens';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const BOARD = `/api/campaigns/${CAMPAIGN}/board`;

/**
 * Positions leave the platform as opaque tokens that sort as the log (the embedded store's are its
 * positions' digits zero-padded to 16): what a client was given it may compare and pass back; old
 * bookmarks (bare digits) and stored notices keep working; anything else is refused before
 * anything is read or written.
 */
describe('position tokens at the API edge', () => {
  let p: TestPlatform;
  let w: ViewsWorld;
  const started = (async () => {
    const platform = await startTestPlatform();
    const world = await buildViewsWorld(platform);
    await recordStudy(platform, world.operator, 'branch-1');
    return { platform, world };
  })();

  beforeAll(async () => ({ platform: p, world: w } = await started));
  afterAll(async () => p.close());

  it('answers every position as a token, in the body and in X-View-Position, and takes it back as asOf', async () => {
    const live = await expectStatus(p.http().get(BOARD).set(w.office), 200);
    expect(live.body.asOf.position).toBe(embeddedToken(await p.headPosition()));
    expect(live.headers['x-view-position']).toBe(live.body.asOf.position);
    const again = await expectStatus(p.http().get(`${BOARD}?asOf=${encodeURIComponent(live.body.asOf.position)}`).set(w.office), 200);
    expect(again.body.asOf.position).toBe(live.body.asOf.position);
    expect(again.body.rows).toEqual(live.body.rows);

    const written = await expectStatus(
      p.http().post(`/api/campaigns/${CAMPAIGN}/notices`).set(w.office).send({ noticeId: 'n-token', title: '位置令牌', noticeDate: isoDay(0) }),
      201,
    );
    expect(written.body.positions).toEqual([embeddedToken(await p.headPosition())]);
    const atWrite = await expectStatus(p.http().get(`${BOARD}?asOf=${encodeURIComponent(written.body.positions[0])}`).set(w.office), 200);
    expect(atWrite.body.asOf.position).toBe(written.body.positions[0]);
  });

  it('keeps old bookmarks: bare digits name the same moment, answered in the current form, and ISO times still work', async () => {
    const live = await expectStatus(p.http().get(BOARD).set(w.office), 200);
    const head = await p.headPosition();
    // A link written before tokens were ordered carries the position's bare digits.
    const bookmark = await expectStatus(p.http().get(`${BOARD}?asOf=${head}`).set(w.office), 200);
    expect(bookmark.body.asOf.position).toBe(embeddedToken(head));
    expect(bookmark.body.rows).toEqual(live.body.rows);
    const byTime = await expectStatus(p.http().get(`${BOARD}?asOf=${encodeURIComponent(new Date().toISOString())}`).set(w.office), 200);
    expect(byTime.body.asOf.position).toBe(embeddedToken(head));
  });

  it('issues tokens a client orders by plain string comparison: a later write has the greater token', async () => {
    const before = (await expectStatus(p.http().get(BOARD).set(w.office), 200)).body.asOf.position as string;
    const tokens: string[] = [];
    for (const noticeId of ['n-order-1', 'n-order-2']) {
      const written = await expectStatus(p.http().post(`/api/campaigns/${CAMPAIGN}/notices`).set(w.office).send({ noticeId, title: '先后', noticeDate: isoDay(0) }), 201);
      tokens.push(...(written.body.positions as string[]));
    }
    const after = (await expectStatus(p.http().get(BOARD).set(w.office), 200)).body.asOf.position as string;
    const inOrder = [before, ...tokens, after];
    expect(new Set(inOrder).size).toBe(inOrder.length - 1); // the board after the last write stands at it
    expect([...inOrder].reverse().sort()).toEqual(inOrder);
    // The audit trail lists history in order: its tokens ascend.
    const trail = (await expectStatus(p.http().get('/api/audit-trail?limit=20').set(w.office), 200)).body.items.map((i: { position: string }) => i.position);
    expect(trail.length).toBeGreaterThan(2);
    expect([...trail].reverse().sort()).toEqual(trail);
  });

  it('refuses a token this store did not issue with a 400 naming asOf and the rule, writing nothing', async () => {
    const head = await p.headPosition();
    for (const bad of ['C:4096/P:4096', 'C:0000000000004096', 'abc', '0012', '12345678901234567', '9007199254740993']) {
      const res = await expectStatus(p.http().get(`${BOARD}?asOf=${encodeURIComponent(bad)}`).set(w.office), 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf', rule: 'positionToken' })]);
    }
    const refused = await expectStatus(p.http().get(`/api/audit-trail?after=${encodeURIComponent('C:1/P:1')}`).set(w.office), 400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'after', rule: 'positionToken' })]);
    expect(await p.headPosition()).toBe(head);
  });

  it('pages the audit trail with token cursors', async () => {
    const first = await expectStatus(p.http().get('/api/audit-trail?limit=2').set(w.office), 200);
    expect(first.body.items.map((i: { position: unknown }) => typeof i.position)).toEqual(['string', 'string']);
    expect(first.body.nextAfter).toBe(first.body.items[1].position);
    const next = await expectStatus(p.http().get(`/api/audit-trail?limit=2&after=${encodeURIComponent(first.body.nextAfter)}`).set(w.office), 200);
    expect(next.body.after).toBe(first.body.nextAfter);
    expect(next.body.items[0].position).not.toBe(first.body.items[1].position);
  });

  it('keeps a notice stored with a numeric position readable and reproducible byte for byte', async () => {
    await expectStatus(
      p.http().post(`/api/campaigns/${CAMPAIGN}/notices`).set(w.office).send({ noticeId: 'n-numeric', title: '旧通报', noticeDate: isoDay(0) }),
      201,
    );
    // The stored event keeps the number it has always kept: no migration rewrites history.
    const [stored] = await w.events.readStream('notice-n-numeric');
    const data = stored.data as { position: unknown; snapshotHash: string };
    expect(typeof data.position).toBe('number');
    await recordStudy(p, await p.signIn('op-branch-2', 'operator', ['branch-2']), 'branch-2');

    const notice = (await expectStatus(p.http().get('/api/notices/n-numeric').set(w.leader), 200)).body;
    expect(notice.position).toBe(embeddedToken(data.position as number));
    expect(notice.eventPosition).toBe(embeddedToken(stored.position));
    expect(notice.snapshotHash).toBe(data.snapshotHash);
    const reproduced = (await expectStatus(p.http().get('/api/notices/n-numeric/reproduce').set(w.inspector), 200)).body;
    expect(reproduced).toMatchObject({ position: notice.position, storedHash: data.snapshotHash, reproducedHash: data.snapshotHash, identical: true, differences: [] });
    // The board passed the notice's position back as asOf shows what the notice froze, as does the bare number it stored.
    const frozen = notice.snapshot.rows.map((r: { unitId: string; rank: number }) => [r.rank, r.unitId]);
    for (const asOf of [notice.position, String(data.position)]) {
      const then = await expectStatus(p.http().get(`${BOARD}?asOf=${asOf}`).set(w.office), 200);
      expect(then.body.rows.map((r: { unitId: string; rank: number }) => [r.rank, r.unitId])).toEqual(frozen);
    }
  });
});
