import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store.contract';
import { rewriteEvent, swapEvents, truncateAfter } from '../testing/tamper';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { chainExtensionFor, ChainExtensionThread } from './chain-extension';
import { SqliteCheckpointLog } from './checkpoint-store';
import { CheckpointWitness, WitnessRefusedError } from './checkpoint-witness';
import { loadSigningKey, SIGNING_KEY_FILE } from './signing-key';

/** Re-hashing before signing runs on the calling thread, or on a thread of its own with its own connection. */
function world(ownThread: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'witness-'));
  let ms = Date.parse('2026-11-01T00:00:00.000Z');
  const clock = () => new Date((ms += 1000));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock });
  const log = new SqliteCheckpointLog(join(dir, 'audit-checkpoints.sqlite'));
  const extension = ownThread ? chainExtensionFor(store) : undefined;
  if (ownThread) expect(extension).toBeInstanceOf(ChainExtensionThread);
  const witness = new CheckpointWitness({ source: store, log, key: loadSigningKey(dir, null), clock, everyEvents: 0, everyMinutes: 0, extension });
  // The insider's own connection to the same file.
  const attacker = new Database(join(dir, 'events.sqlite'));
  const append = async (n: number, stream = 'problem-p-1') => {
    for (let i = 0; i < n; i++) await store.append(stream, [newEvent('ProgressNoted', { note: `第${i}次` })], 'any');
  };
  return {
    dir,
    store,
    log,
    witness,
    attacker,
    append,
    async close() {
      attacker.close();
      await witness.stop();
      log.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['on the calling thread', false],
  ['on a thread of its own', true],
])('witnessed checkpoints against an insider who rewrites events.sqlite, re-hashing %s', (_, ownThread) => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world(ownThread);
  });
  afterEach(async () => w.close());

  it('signs the head, and a copied checkpoint verifies while history only grows', async () => {
    await w.append(5);
    const issued = await w.witness.issue('notice', 'n-1');
    expect(issued).toMatchObject({ position: 5, reason: 'notice', ref: 'n-1' });
    await w.append(3, 'problem-p-2');
    const pasted = parseCheckpoint(`  ${formatCheckpoint(issued)}\n`);
    expect(await w.witness.verify(pasted)).toMatchObject({ ok: true, finding: 'consistent', headPosition: 8, chainIntact: true });
    // Any change to the text breaks the signature.
    expect(await w.witness.verify({ ...pasted, position: 4 })).toMatchObject({ ok: false, finding: 'bad_signature' });
  });

  it('verifies the latest checkpoint incrementally after a full pass, and in full again when a row no longer follows or the past was rewritten', async () => {
    await w.append(6);
    await w.witness.issue('interval');
    const full = await w.witness.verifyLatest();
    expect(full).toMatchObject({ ok: true, finding: 'consistent', headPosition: 6, chainIntact: true });
    expect(full.verdict).not.toContain('incrementally');
    await w.append(3);
    const latest = await w.witness.issue('interval');
    await w.append(2);
    const next = await w.witness.verifyLatest();
    expect(next).toMatchObject({ ok: true, finding: 'consistent', headPosition: 11, checkpoint: { position: latest.position } });
    expect(next.verdict).toContain('verified incrementally from position 6');
    expect((await w.witness.verifyLatest()).verdict).toContain('from position 11');
    // An edit after the last verified head is in the increment: found and named by the full pass it falls back to.
    await w.append(2);
    w.attacker.prepare("UPDATE events SET data = json_set(data, '$.note', '改过') WHERE position = 12").run();
    expect(await w.witness.verifyLatest()).toMatchObject({ ok: true, chainIntact: false, chainBreak: { position: 12 } });
    // A rewrite of the verified prefix, re-hashed, changes the anchor's hash: a full pass names it.
    rewriteEvent(w.attacker, 3, { note: '改过的记录' });
    expect(await w.witness.verifyLatest()).toMatchObject({ ok: false, finding: 'rewritten' });
  });

  it('modify a row and re-hash the whole chain: the chain check passes, the checkpoint names the rewrite', async () => {
    await w.append(4);
    const early = await w.witness.issue('interval');
    await w.append(4);
    const checkpoint = await w.witness.issue('export', 'ledger:c-1');
    await w.append(2);

    rewriteEvent(w.attacker, 6, { note: '改过的记录' });
    expect((await w.store.verifyChain()).ok).toBe(true);

    const report = await w.witness.verify(checkpoint);
    expect(report).toMatchObject({ ok: false, finding: 'rewritten', range: { after: early.position, upTo: checkpoint.position } });
    expect(report.verdict).toContain('改写');
    // The earlier checkpoint, before the edit, still holds.
    expect(await w.witness.verify(early)).toMatchObject({ ok: true, finding: 'consistent' });
    // And no new checkpoint is signed over the rewritten past.
    await expect(w.witness.issue('interval')).rejects.toBeInstanceOf(WitnessRefusedError);
  });

  it('delete the tail: named as a truncation', async () => {
    await w.append(6);
    const checkpoint = await w.witness.issue('notice', 'n-2');
    truncateAfter(w.attacker, 4);
    expect((await w.store.verifyChain()).ok).toBe(true);
    expect(await w.witness.verify(checkpoint)).toMatchObject({ ok: false, finding: 'truncated', position: 5, headPosition: 4 });
    await expect(w.witness.issue('interval')).rejects.toBeInstanceOf(WitnessRefusedError);
  });

  it('swap two rows and re-hash: named as a reorder at the first moved position', async () => {
    await w.append(3, 'problem-p-1');
    await w.append(3, 'problem-p-2');
    const checkpoint = await w.witness.issue('export', 'board:c-1');
    swapEvents(w.attacker, 2, 5);
    expect((await w.store.verifyChain()).ok).toBe(true);
    expect(await w.witness.verify(checkpoint)).toMatchObject({ ok: false, finding: 'reordered', position: 2 });
  });

  it('edits without re-hashing are named by the chain and by the checkpoint', async () => {
    await w.append(4);
    const checkpoint = await w.witness.issue('interval');
    swapEvents(w.attacker, 2, 3, { rehash: false });
    expect(await w.store.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 2 });
    expect(await w.witness.verify(checkpoint)).toMatchObject({ ok: false, finding: 'reordered', position: 2 });
    swapEvents(w.attacker, 2, 3, { rehash: false });
    w.attacker.prepare(`UPDATE events SET data = '{"note":"改"}' WHERE position = 3`).run();
    expect(await w.witness.verify(checkpoint)).toMatchObject({ ok: false, finding: 'modified', position: 3 });
    w.attacker.prepare('DELETE FROM events WHERE position = 2').run();
    expect(await w.witness.verify(checkpoint)).toMatchObject({ ok: false, finding: 'deleted', position: 2 });
  });

  it('issues on schedule by event count, each checkpoint extending the last', async () => {
    const witness = new CheckpointWitness({ source: w.store, log: w.log, key: loadSigningKey(w.dir, null), clock: () => new Date(), everyEvents: 3, everyMinutes: 0 });
    witness.start();
    await w.append(7);
    await new Promise((r) => setTimeout(r, 50));
    await witness.stop();
    const positions = w.log.all().map((c) => c.position);
    expect(positions[0]).toBe(0);
    expect(positions.length).toBeGreaterThanOrEqual(3);
    for (const c of w.log.all()) expect((await witness.verify(c)).ok).toBe(true);
  });
});

describe('the audit signing key', () => {
  it('is generated on first start as a file only its owner can read, and kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'witness-key-'));
    const key = loadSigningKey(dir, null);
    if (process.platform !== 'win32') expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSigningKey(dir, null).keyId).toBe(key.keyId);
    rmSync(dir, { recursive: true, force: true });
  });

  it('comes from AUDIT_SIGNING_KEY when set, and refuses a key that is not Ed25519', () => {
    const dir = mkdtempSync(join(tmpdir(), 'witness-key-'));
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const fromEnv = loadSigningKey(dir, pem.replace(/\n/g, '\\n'));
    expect(fromEnv.source).toBe('AUDIT_SIGNING_KEY');
    expect(fromEnv.verify('m', fromEnv.sign('m'))).toBe(true);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadSigningKey(dir, rsa)).toThrow(/Ed25519/);
    expect(() => loadSigningKey(dir, 'not a key')).toThrow(/AUDIT_SIGNING_KEY/);
    rmSync(dir, { recursive: true, force: true });
  });
});
