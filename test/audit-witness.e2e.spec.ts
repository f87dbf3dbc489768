import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { rewriteEvent, swapEvents, truncateAfter } from '../libs/event-store/src/testing/tamper';
import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { buildViewsWorld, expectStatus, fetchWorkbook, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { embeddedToken } from './support/position-tokens';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const VERIFY = '/api/audit-trail/checkpoints/verify';

/**
 * A small campaign with some history, a published notice, and then more history: the notice's
 * checkpoint is what an inspection team holds on paper when someone rewrites events.sqlite.
 */
async function publishedWorld() {
  const p = await startTestPlatform();
  const w = await buildViewsWorld(p);
  await recordStudy(p, w.operator, 'branch-1', undefined, { shouldAttend: 30, attended: 27 });
  const published = await expectStatus(
    p.http().post(`/api/campaigns/${CAMPAIGN}/notices`).set(w.office).send({ noticeId: 'n-witness', title: '关于学习动员进度的通报' }),
    201,
  );
  await recordStudy(p, await p.signIn('op-branch-2', 'operator', ['branch-2']), 'branch-2', ['mobilization_meeting']);
  return { p, w, checkpoint: published.body.checkpoint as { text: string; position: number } };
}

describe('witnessed checkpoints over HTTP', () => {
  describe('a checkpoint leaves the system on every notice and export', () => {
    let p: TestPlatform;
    let w: ViewsWorld;
    let checkpoint: { text: string; position: number };
    beforeAll(async () => {
      ({ p, w, checkpoint } = await publishedWorld());
    });
    afterAll(async () => p.close());

    it('prints the same checkpoint on the notice JSON and its exports, and the copied text verifies', async () => {
      expect(checkpoint.text).toMatch(/^ACP1\.\d+\.[0-9a-f]{64}\.\d{8}T\d{6}Z\.[0-9a-f]{16}\.[A-Za-z0-9_-]{86}$/);
      const notice = (await expectStatus(p.http().get('/api/notices/n-witness').set(w.leader), 200)).body;
      expect(notice.checkpoint.text).toBe(checkpoint.text);
      // It witnesses the notice's own event: tokens sort as positions, so the checkpoint's token is not below the event's.
      expect(notice.eventPosition <= embeddedToken(checkpoint.position)).toBe(true);

      const csv = await expectStatus(p.http().get('/api/notices/n-witness/export?format=csv').set(w.office), 200);
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[lines.length - 1]).toBe(`# 审计检查点 (audit checkpoint): ${checkpoint.text}`);
      expect(parse(csv.text, { bom: true, columns: true, comment: '#' }).length).toBe(4);

      const { book } = await fetchWorkbook(p, '/api/notices/n-witness/export', w.office);
      expect(book.getWorksheet('通报')!.actualRowCount).toBe(5);
      const sheet = book.getWorksheet('审计检查点')!;
      const pasted = String(sheet.getRow(1).getCell(2).value);
      expect(pasted).toBe(checkpoint.text);

      const verified = await expectStatus(p.http().get(VERIFY).query({ checkpoint: `\n  ${pasted}  \n` }).set(w.inspector), 200);
      expect(verified.body).toMatchObject({ ok: true, finding: 'consistent', checkpoint: { text: checkpoint.text } });
    });

    it('signs every board and ledger export afresh, in the file and in a header', async () => {
      const csv = await expectStatus(p.http().get(`/api/campaigns/${CAMPAIGN}/board/export?format=csv`).set(w.office), 200);
      const text = csv.headers['x-audit-checkpoint'];
      expect(csv.text.trimEnd().endsWith(`# 审计检查点 (audit checkpoint): ${text}`)).toBe(true);
      const { book, res } = await fetchWorkbook(p, `/api/campaigns/${CAMPAIGN}/ledger/export`, w.office);
      expect(String(book.getWorksheet('审计检查点')!.getRow(1).getCell(2).value)).toBe(res.headers['x-audit-checkpoint']);
      for (const t of [text, res.headers['x-audit-checkpoint']]) {
        expect((await expectStatus(p.http().get(VERIFY).query({ checkpoint: t }).set(w.office), 200)).body).toMatchObject({ ok: true });
      }
    });

    it('lists issued checkpoints, shows the latest in the chain check, and publishes the public key', async () => {
      const listed = (await expectStatus(p.http().get('/api/audit-trail/checkpoints').set(w.inspector), 200)).body;
      expect(listed.checkpoints.map((c: { reason: string }) => c.reason)).toEqual(expect.arrayContaining(['start', 'notice', 'export']));
      expect(listed.checkpoints.find((c: { reason: string }) => c.reason === 'notice')).toMatchObject({ ref: 'n-witness', text: checkpoint.text });
      const chain = (await expectStatus(p.http().get('/api/audit-trail/chain').set(w.inspector), 200)).body;
      expect(chain).toMatchObject({ ok: true, checkpoint: { text: listed.latest.text }, witness: { ok: true, finding: 'consistent' } });
      const key = (await expectStatus(p.http().get('/api/audit-trail/signing-key'), 200)).body;
      expect(key).toMatchObject({ algorithm: 'Ed25519', keyId: listed.keyId, publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
    });

    it('refuses a malformed checkpoint with a 400 naming the field, and a forged one as a bad signature', async () => {
      const bad = await expectStatus(p.http().get(VERIFY).query({ checkpoint: 'ACP1.12.xyz' }).set(w.office), 400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'checkpoint', rule: 'checkpointFormat' })]);
      const forged = checkpoint.text.replace(/^ACP1\.(\d+)\./, (_, n: string) => `ACP1.${Number(n) + 1}.`);
      expect((await expectStatus(p.http().get(VERIFY).query({ checkpoint: forged }).set(w.office), 200)).body).toMatchObject({ ok: false, finding: 'bad_signature' });
      await expectStatus(p.http().get(VERIFY).query({ checkpoint: checkpoint.text }).set(w.operator), 403);
    });
  });

  describe('an insider rewrites events.sqlite behind the platform', () => {
    let p: TestPlatform;
    let checkpoint: { text: string; position: number };
    let inspector: Record<string, string>;
    let db: Database.Database;
    beforeEach(async () => {
      let w: ViewsWorld;
      ({ p, w, checkpoint } = await publishedWorld());
      inspector = w.inspector;
      db = new Database(join(p.dataDir, 'events.sqlite'));
    });
    afterEach(async () => {
      db.close();
      await p.close();
    });

    const chain = async () => (await expectStatus(p.http().get('/api/audit-trail/chain').set(inspector), 200)).body;
    const verifyNotice = async () => (await expectStatus(p.http().get(VERIFY).query({ checkpoint: checkpoint.text }).set(inspector), 200)).body;

    it('modify a row and re-hash the whole chain after it: the chain alone passes, the notice checkpoint names the rewrite', async () => {
      rewriteEvent(db, 3, { forged: true });
      const answer = await chain();
      expect(answer).toMatchObject({ chainIntact: true, ok: false, witness: { ok: false, finding: 'rewritten' } });
      expect(answer.verdict).toContain('与已签发的检查点不符');
      const report = await verifyNotice();
      expect(report).toMatchObject({ ok: false, finding: 'rewritten', range: { upTo: checkpoint.position } });
      expect(report.range.after).toBeLessThan(3);
    });

    it('delete the tail: named as a truncation at the first missing position', async () => {
      truncateAfter(db, checkpoint.position - 2);
      expect(await chain()).toMatchObject({ chainIntact: true, ok: false });
      expect(await verifyNotice()).toMatchObject({ ok: false, finding: 'truncated', position: checkpoint.position - 1 });
    });

    it('swap two rows and re-hash: named as a reorder', async () => {
      const [a, b] = db
        .prepare('SELECT position FROM events WHERE stream_id = (SELECT stream_id FROM events WHERE stream_revision = 1 AND position < ? LIMIT 1) ORDER BY position LIMIT 2')
        .all(checkpoint.position)
        .map((r) => (r as { position: number }).position);
      swapEvents(db, a, b);
      expect(await chain()).toMatchObject({ chainIntact: true, ok: false });
      expect(await verifyNotice()).toMatchObject({ ok: false, finding: 'reordered', position: a });
    });
  });
});
