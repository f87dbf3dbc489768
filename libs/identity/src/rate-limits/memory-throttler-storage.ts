import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Counter {
  hits: number;
  /** Epoch ms: the window's end; a hit after it starts a new window. */
  windowEndsAt: number;
  /** Epoch ms; 0 when not blocked. */
  blockedUntil: number;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * The embedded process's request counters: one counter per throttler key, counted in fixed
 * windows, as the shared MongoDB storage counts them. The library's own in-process storage keeps
 * every hit's expiry of the last window per key and filters that list on each request, so its cost
 * grows with the rate a user writes at; a counter costs the same at any rate. Over the limit a key
 * is refused for the block duration, then starts a fresh window. Counters whose window and block
 * are over are dropped once per sweep interval, on the next hit after it.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly counters = new Map<string, Counter>();
  private nextSweep: number;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepIntervalMs = 60_000,
  ) {
    this.nextSweep = now() + sweepIntervalMs;
  }

  // The key already names the throttler (the guard's generateKey), so the name adds nothing here.
  async increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName?: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now);
    let counter = this.counters.get(key);
    if (counter && counter.blockedUntil > now) return blocked(counter, now);
    if (!counter || counter.windowEndsAt <= now) {
      counter = { hits: 0, windowEndsAt: now + ttl, blockedUntil: 0 };
      this.counters.set(key, counter);
    }
    counter.hits++;
    if (counter.hits <= limit) return { totalHits: counter.hits, timeToExpire: seconds(counter.windowEndsAt - now), isBlocked: false, timeToBlockExpire: 0 };
    if (blockDuration <= 0) return { totalHits: counter.hits, timeToExpire: seconds(counter.windowEndsAt - now), isBlocked: true, timeToBlockExpire: seconds(counter.windowEndsAt - now) };
    counter.blockedUntil = now + blockDuration;
    // The window outlasts the block, so the first hit after it starts counting afresh.
    counter.windowEndsAt = Math.max(counter.windowEndsAt, counter.blockedUntil);
    return blocked(counter, now);
  }

  private sweep(now: number): void {
    for (const [key, c] of this.counters) if (c.windowEndsAt <= now && c.blockedUntil <= now) this.counters.delete(key);
    this.nextSweep = now + this.sweepIntervalMs;
  }

  /** How many keys are counted now (for tests of the sweep). */
  get size(): number {
    return this.counters.size;
  }
}

function blocked(c: Counter, now: number): ThrottlerStorageRecord {
  return { totalHits: c.hits, timeToExpire: seconds(c.windowEndsAt - now), isBlocked: true, timeToBlockExpire: seconds(c.blockedUntil - now) };
}
