import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { newEvent } from '../testing/event-store.contract';
import { rewriteEvent } from '../testing/tamper';
import { ChainIntegrity } from './chain-integrity';
import { ChainAcknowledgementError } from './chain-integrity.errors';

describe('chain integrity on a store that promises no global chain', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'chain-steps-aside-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('steps aside for the notary: state notary at start, no verification, appends never gated, nothing to acknowledge', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), globalHashChain: false });
    await store.append('s-1', [newEvent('Noted', { i: 1 }), newEvent('Noted', { i: 2 })], 'no_stream');
    // An edit the embedded check would refuse writes for: here the notary is what finds it.
    rewriteEvent(store.db, 1, { forged: true });
    const integrity = new ChainIntegrity(store, { intervalMs: 0, fullSweepMs: 0 });
    await integrity.start();
    expect(integrity.status()).toMatchObject({ state: 'notary', brokenAt: null, lastVerifiedAt: null });
    expect((await integrity.verify('full')).state).toBe('notary');
    await expect(store.append('s-2', [newEvent('Noted', {})], 'no_stream')).resolves.toMatchObject({ deduplicated: false });
    const refused = integrity.acknowledge({ position: 1, note: 'n', actor: { userId: 'admin-1', role: 'admin', unitId: null }, correlationId: 'c', at: new Date().toISOString() });
    await expect(refused).rejects.toBeInstanceOf(ChainAcknowledgementError);
    integrity.stop();
    await store.close();
  });

  it('still verifies the embedded store that promises its chain, whatever its other capabilities', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), atomicMultiStream: false });
    await store.append('s-1', [newEvent('Noted', {})], 'no_stream');
    const integrity = new ChainIntegrity(store, { intervalMs: 0, fullSweepMs: 0 });
    await integrity.start();
    expect(integrity.status()).toMatchObject({ state: 'ok', verifiedPosition: 1 });
    integrity.stop();
    await store.close();
  });
});
