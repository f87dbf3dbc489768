import Database from 'better-sqlite3';
import { join } from 'node:path';
import { rewriteEvent, truncateAfter } from '../libs/event-store/src/testing/tamper';
import { buildViewsWorld, expectStatus, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { embeddedToken } from './support/position-tokens';
import { startTestPlatform, TestPlatform } from './support/test-platform';

/** Waits until the platform's notary has chained every event appended so far (it runs every 2 s by default). */
async function notarized(p: TestPlatform, w: ViewsWorld): Promise<{ tip: { seq: number; position: number }; headPosition: number }> {
  for (let i = 0; i < 100; i++) {
    const { notary } = (await expectStatus(p.http().get('/health').set(w.admin), 200)).body;
    if (notary.lagEvents === 0 && notary.tip.seq > 0) return notary;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the notary did not catch up within 10 s');
}

describe('the global notary on the embedded platform', () => {
  let p: TestPlatform;
  let w: ViewsWorld;
  let db: Database.Database;
  beforeEach(async () => {
    p = await startTestPlatform();
    w = await buildViewsWorld(p);
    await recordStudy(p, w.operator, 'branch-1', undefined, { shouldAttend: 30, attended: 27 });
    db = new Database(join(p.dataDir, 'events.sqlite'));
  });
  afterEach(async () => {
    db.close();
    await p.close();
  });
  const chain = async () => (await expectStatus(p.http().get('/api/audit-trail/chain').set(w.inspector), 200)).body;

  it('runs in the all-in-one platform, reports its tip and lag in /health, and the chain check runs it beside the witness', async () => {
    const notary = await notarized(p, w);
    expect(notary.tip.position).toBe(notary.headPosition);
    expect(await chain()).toMatchObject({ ok: true, chainIntact: true, witness: { ok: true }, notary: { ok: true, finding: 'consistent', tip: tokenTip(notary.tip) } });
  });

  it('an event edited and the whole chain re-hashed after it: the notary recorded the original hash', async () => {
    await notarized(p, w);
    rewriteEvent(db, 3, { forged: true });
    const answer = await chain();
    expect(answer).toMatchObject({ ok: false, chainIntact: true, notary: { ok: false, finding: 'rewritten', position: embeddedToken(3) } });
  });

  it('events appended, notarized, then removed: the store\'s own chain holds, the notary names the truncation', async () => {
    const { tip } = await notarized(p, w);
    truncateAfter(db, tip.position - 2);
    const answer = await chain();
    expect(answer).toMatchObject({ chainIntact: true, ok: false, notary: { ok: false, finding: 'truncated', position: embeddedToken(tip.position - 1) } });
  });
});

/** /health reports the notary's tip in the store's numbers; the chain answer, like every API answer, in its tokens. */
function tokenTip(tip: { seq: number; position: number }) {
  return { seq: tip.seq, position: embeddedToken(tip.position) };
}
