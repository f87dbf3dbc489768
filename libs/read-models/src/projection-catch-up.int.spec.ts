import { InMemoryProjectionLeases } from './leases/in-memory-projection-leases';
import { InMemoryReadStore } from './memory/in-memory-read-store';
import { StoredCheckpointCatchUp } from './projection-catch-up';

describe('read-your-writes on the stored checkpoints', () => {
  const move = (store: InMemoryReadStore, projection: string, from: number, to: number) =>
    store.commit({ projection, version: 1, fromPosition: from, toPosition: to, writes: [] });

  let store: InMemoryReadStore;
  let leases: InMemoryProjectionLeases;
  beforeEach(async () => {
    store = new InMemoryReadStore();
    leases = new InMemoryProjectionLeases();
    for (const projection of ['board', 'ledger']) await leases.hold({ projection, owner: 'projector-1', ttlMs: 60_000, now: new Date() });
  });

  it('answers true once every named checkpoint reaches the position, whoever moved them', async () => {
    const catchUp = new StoredCheckpointCatchUp(store, leases, { pollMs: 10 });
    await move(store, 'board', 0, 5);
    const waiting = catchUp.reached(5, ['board', 'ledger'], 5_000);
    setTimeout(() => void move(store, 'ledger', 0, 7), 50);
    expect(await waiting).toBe(true);
    expect(await catchUp.reached(7, ['ledger'], 0)).toBe(true);
  });

  it('gives up after the bound while the holder has not got there', async () => {
    const catchUp = new StoredCheckpointCatchUp(store, leases, { pollMs: 10 });
    const started = Date.now();
    expect(await catchUp.reached(3, ['board'], 200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('answers false at once when nobody holds the lease, or its holder rebuilds the projection after a divergence', async () => {
    const catchUp = new StoredCheckpointCatchUp(store, leases, { pollMs: 10 });
    expect(await catchUp.reached(3, ['notices'], 10_000)).toBe(false);
    await leases.release('board', 'projector-1', new Date());
    expect(await catchUp.reached(3, ['board'], 10_000)).toBe(false);
    const report = { state: 'diverged', lastError: null, errorCount: 0, consecutiveErrors: 0, retrying: false, nextRetryAt: null, lastCommitAt: null, divergence: null };
    await leases.hold({ projection: 'ledger', owner: 'projector-1', ttlMs: 60_000, now: new Date(), report });
    const started = Date.now();
    expect(await catchUp.reached(3, ['ledger'], 10_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('looks again at once when this process committed (notify), not at the next poll', async () => {
    const catchUp = new StoredCheckpointCatchUp(store, leases, { pollMs: 60_000 });
    const waiting = catchUp.reached(4, ['board'], 10_000);
    await new Promise((r) => setTimeout(r, 20));
    await move(store, 'board', 0, 4);
    const notified = Date.now();
    catchUp.notify();
    expect(await waiting).toBe(true);
    expect(Date.now() - notified).toBeLessThan(1_000);
  });
});
