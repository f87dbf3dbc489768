import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { newEvent } from '../testing/event-store.contract';
import { SqliteCheckpointLog } from './checkpoint-store';
import { CheckpointWitness, WitnessRefusedError } from './checkpoint-witness';
import { loadSigningKey } from './signing-key';
import { WITNESS_STEPS_ASIDE } from './witness.module';

describe('the ACP1 witness on a store without a global chain', () => {
  it('issues nothing, refuses documents with the reason, and answers a checkpoint to verify with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'witness-steps-aside-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const log = new SqliteCheckpointLog(join(dir, 'audit-checkpoints.sqlite'));
    const key = loadSigningKey(dir, null);
    const clock = () => new Date('2026-03-01T00:00:00Z');
    // A checkpoint issued while the store was witnessed, shown later to a witness that steps aside.
    await store.append('s-1', [newEvent('Noted', {})], 'no_stream');
    const issued = await new CheckpointWitness({ source: store, log, key, clock, everyEvents: 0, everyMinutes: 0 }).issue('start');
    const aside = new CheckpointWitness({ source: store, log, key, clock, everyEvents: 1, everyMinutes: 1, stepsAside: WITNESS_STEPS_ASIDE });
    aside.start();
    await store.append('s-2', [newEvent('Noted', {})], 'no_stream');
    await aside.stop();
    expect(log.latest()?.position).toBe(issued.position);
    const refused = await aside.checkpointFor('notice', 'n-1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WitnessRefusedError);
    expect((refused as WitnessRefusedError).finding.reason).toBe(WITNESS_STEPS_ASIDE);
    expect(await aside.verifyLatest()).toMatchObject({ ok: false, finding: 'no_checkpoint', verdict: WITNESS_STEPS_ASIDE });
    expect(await aside.verify(issued)).toMatchObject({ ok: false, finding: 'no_checkpoint', verdict: WITNESS_STEPS_ASIDE, checkpoint: { position: issued.position } });
    log.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
