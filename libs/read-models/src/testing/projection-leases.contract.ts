import { ProjectionLeases, ProjectionReport } from '../leases/projection-leases.port';

export interface ProjectionLeasesHarness {
  /** Two views of the same stored leases, as two processes on one database would have. */
  open(): Promise<{ a: ProjectionLeases; b: ProjectionLeases }>;
  cleanup(): Promise<void>;
}

/** A runner's report in `state`, with no error and no commit yet. */
export const reportIn = (state: string): ProjectionReport => ({
  state,
  lastError: null,
  errorCount: 0,
  consecutiveErrors: 0,
  retrying: false,
  nextRetryAt: null,
  lastCommitAt: null,
  divergence: null,
});

const t0 = new Date('2026-03-01T08:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

/** Every lease adapter must pass this suite unchanged. */
export function projectionLeasesContract(adapterName: string, makeHarness: () => ProjectionLeasesHarness): void {
  describe(`projection leases contract: ${adapterName}`, () => {
    let harness: ProjectionLeasesHarness;
    let a: ProjectionLeases;
    let b: ProjectionLeases;
    beforeEach(async () => {
      harness = makeHarness();
      ({ a, b } = await harness.open());
    });
    afterEach(async () => harness.cleanup());

    it('gives a free lease to the first owner and refuses a second one while it lasts, showing who holds it', async () => {
      const first = await a.hold({ projection: 'board', owner: 'p1', ttlMs: 10_000, now: t0, report: reportIn('live') });
      expect(first.held).toBe(true);
      const second = await b.hold({ projection: 'board', owner: 'p2', ttlMs: 10_000, now: later(9_000) });
      expect(second).toMatchObject({ held: false, lease: { projection: 'board', owner: 'p1', expiresAt: later(10_000).toISOString(), report: { state: 'live' } } });
    });

    it('lets its owner renew it, keeping the stored report unless a new one is given', async () => {
      await a.hold({ projection: 'board', owner: 'p1', ttlMs: 10_000, now: t0, report: reportIn('catching-up') });
      const renewed = await a.hold({ projection: 'board', owner: 'p1', ttlMs: 10_000, now: later(8_000) });
      expect(renewed).toMatchObject({ held: true, lease: { expiresAt: later(18_000).toISOString(), renewedAt: later(8_000).toISOString(), report: { state: 'catching-up' } } });
      await a.hold({ projection: 'board', owner: 'p1', ttlMs: 10_000, now: later(9_000), report: reportIn('live') });
      expect((await b.hold({ projection: 'board', owner: 'p2', ttlMs: 10_000, now: later(17_000) })).held).toBe(false);
      expect((await b.leases()).map((l) => [l.projection, l.owner, l.report?.state])).toEqual([['board', 'p1', 'live']]);
    });

    it('passes an expired lease to the next owner who asks', async () => {
      await a.hold({ projection: 'board', owner: 'p1', ttlMs: 10_000, now: t0 });
      const taken = await b.hold({ projection: 'board', owner: 'p2', ttlMs: 10_000, now: later(10_000) });
      expect(taken).toMatchObject({ held: true, lease: { owner: 'p2' } });
      expect((await a.hold({ projection: 'board', owner: 'p1', ttlMs: 10_000, now: later(11_000) })).held).toBe(false);
    });

    it('frees a released lease at once, and takes one from a named dead owner before it expires', async () => {
      await a.hold({ projection: 'board', owner: 'p1', ttlMs: 10_000, now: t0 });
      await a.hold({ projection: 'ledger', owner: 'p1', ttlMs: 10_000, now: t0 });
      await b.release('board', 'p2', later(1_000));
      expect((await b.hold({ projection: 'board', owner: 'p2', ttlMs: 10_000, now: later(1_000) })).held).toBe(false);
      await a.release('board', 'p1', later(1_000));
      expect((await b.hold({ projection: 'board', owner: 'p2', ttlMs: 10_000, now: later(1_000) })).held).toBe(true);
      expect((await b.hold({ projection: 'ledger', owner: 'p2', ttlMs: 10_000, now: later(1_000), takeFrom: 'p3' })).held).toBe(false);
      expect((await b.hold({ projection: 'ledger', owner: 'p2', ttlMs: 10_000, now: later(1_000), takeFrom: 'p1' })).held).toBe(true);
      expect((await a.leases()).map((l) => [l.projection, l.owner])).toEqual([
        ['board', 'p2'],
        ['ledger', 'p2'],
      ]);
    });
  });
}
