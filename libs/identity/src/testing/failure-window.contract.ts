import type { FailureCounter } from '../rate-limits/failure-windows.port';

export interface FailureWindowHarness {
  /** A window of `limit` failures per `windowMs`, reading the time from `now`. */
  open(limit: number, windowMs: number, now: () => number): Promise<FailureCounter>;
  cleanup(): Promise<void>;
}

/** What the sign-in lockouts need of their failure counts, whichever store keeps them. */
export function failureWindowContract(name: string, makeHarness: () => FailureWindowHarness): void {
  describe(`failure window contract: ${name}`, () => {
    let harness: FailureWindowHarness;
    let now = 0;
    const window = () => harness.open(3, 60_000, () => now);
    beforeEach(() => {
      harness = makeHarness();
      now = 1_000_000;
    });
    afterEach(() => harness.cleanup());

    it('lets a key try until it reaches the limit within the window, then says how long to wait', async () => {
      const w = await window();
      await w.record('a');
      now += 10_000;
      await w.record('a');
      expect(await w.retryAfterMs('a')).toBe(0);
      now += 10_000;
      await w.record('a');
      expect(await w.retryAfterMs('a')).toBe(40_000);
      expect(await w.retryAfterMs('b')).toBe(0);
    });

    it('forgets failures older than the window, one at a time', async () => {
      const w = await window();
      for (let i = 0; i < 3; i++) {
        await w.record('a');
        now += 10_000;
      }
      now += 30_001;
      expect(await w.retryAfterMs('a')).toBe(0);
      await w.record('a');
      expect(await w.retryAfterMs('a')).toBe(9_999);
    });

    it('starts over for a key that is cleared', async () => {
      const w = await window();
      for (let i = 0; i < 3; i++) await w.record('a');
      await w.clear('a');
      expect(await w.retryAfterMs('a')).toBe(0);
    });

    it('counts every one of simultaneous failures', async () => {
      const w = await window();
      await Promise.all([w.record('a'), w.record('a'), w.record('a')]);
      expect(await w.retryAfterMs('a')).toBe(60_000);
    });
  });
}
