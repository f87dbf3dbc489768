import type { ThrottlerStorage } from '@nestjs/throttler';

export interface ThrottlerStorageHarness {
  open(): Promise<ThrottlerStorage>;
  cleanup(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the request throttler needs of its counters, whichever store keeps them: hits counted per
 * key within the window, a key over its limit refused for the block duration and then counted
 * afresh, and no hit lost when many arrive at once. Windows are a few hundred milliseconds so the
 * suite can see them end.
 */
export function throttlerStorageContract(name: string, makeHarness: () => ThrottlerStorageHarness): void {
  describe(`throttler storage contract: ${name}`, () => {
    let harness: ThrottlerStorageHarness;
    let storage: ThrottlerStorage;
    beforeEach(async () => {
      harness = makeHarness();
      storage = await harness.open();
    });
    afterEach(() => harness.cleanup());

    it('counts the hits of each key within its window, apart from other keys', async () => {
      const first = await storage.increment('writes:user:a', 60_000, 5, 60_000, 'writes');
      // timeToBlockExpire means something only while blocked (the in-process storage leaves any number there).
      expect(first).toMatchObject({ totalHits: 1, timeToExpire: 60, isBlocked: false });
      expect((await storage.increment('writes:user:a', 60_000, 5, 60_000, 'writes')).totalHits).toBe(2);
      expect((await storage.increment('writes:user:b', 60_000, 5, 60_000, 'writes')).totalHits).toBe(1);
      expect((await storage.increment('writes:user:a', 60_000, 5, 60_000, 'writes')).totalHits).toBe(3);
    });

    it('refuses a key past its limit for the block duration, then counts it afresh', async () => {
      for (let i = 1; i <= 3; i++) expect((await storage.increment('sign-in:ip:1', 300, 3, 600, 'sign-in')).isBlocked).toBe(false);
      const over = await storage.increment('sign-in:ip:1', 300, 3, 600, 'sign-in');
      expect(over).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 1 });
      expect((await storage.increment('sign-in:ip:2', 300, 3, 600, 'sign-in')).isBlocked).toBe(false);
      await pause(350);
      // The window is over but the block is not.
      expect((await storage.increment('sign-in:ip:1', 300, 3, 600, 'sign-in')).isBlocked).toBe(true);
      await pause(350);
      expect(await storage.increment('sign-in:ip:1', 300, 3, 600, 'sign-in')).toMatchObject({ totalHits: 1, isBlocked: false });
    });

    it('starts a new window once the last one is over', async () => {
      await storage.increment('writes:ip:9', 200, 10, 200, 'writes');
      await storage.increment('writes:ip:9', 200, 10, 200, 'writes');
      await pause(250);
      expect((await storage.increment('writes:ip:9', 200, 10, 200, 'writes')).totalHits).toBe(1);
    });

    it('loses no hit among concurrent ones: each is counted once, and the limit holds', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => storage.increment('writes:user:c', 60_000, 15, 60_000, 'writes')));
      const allowed = results.filter((r) => !r.isBlocked);
      expect(allowed).toHaveLength(15);
      expect(allowed.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect((await storage.increment('writes:user:c', 60_000, 15, 60_000, 'writes')).isBlocked).toBe(true);
    });
  });
}
