import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Connection, mongo } from 'mongoose';

interface CounterDoc {
  _id: string;
  hits: number;
  /** Epoch ms: the window's end; a hit after it starts a new window. */
  windowEndsAt: number;
  /** Epoch ms; 0 when not blocked. */
  blockedUntil: number;
  /** For the TTL index: a counter nobody touched since its window and block ended is removed. */
  expiresAt: Date;
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const DUPLICATE_KEY = 11000;
const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Request counters every API replica shares, one document per throttler key, counted in fixed
 * windows. Each step is one conditional write, so concurrent replicas never lose a hit: `$inc`
 * inside a live window; a reset only while the window is over (an upsert that collides with a
 * live counter's `_id` means another replica reset it first, and the hit is counted in its window);
 * a block set only while none is in force. Over the limit a key stays refused for the block
 * duration, then starts a fresh window, as the in-process storage does.
 */
export class MongoThrottlerStorage implements ThrottlerStorage {
  private readonly counters: mongo.Collection<CounterDoc>;
  private indexed: Promise<unknown> | null = null;

  constructor(connection: Connection, collection = 'rate_limit_counters', private readonly now: () => number = Date.now) {
    if (!connection.db) throw new Error('mongo throttler storage needs an open connection');
    this.counters = connection.db.collection<CounterDoc>(collection);
  }

  // The key already names the throttler (the guard's generateKey), so the name adds nothing here.
  async increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName?: string): Promise<ThrottlerStorageRecord> {
    this.indexed ??= this.counters.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
    await this.indexed;
    const now = this.now();
    const current = await this.counters.findOne({ _id: key });
    if (current && current.blockedUntil > now) return blocked(current, now);
    const counted = await this.hit(key, ttl, now);
    if (counted.hits <= limit) return { totalHits: counted.hits, timeToExpire: seconds(counted.windowEndsAt - now), isBlocked: false, timeToBlockExpire: 0 };
    if (blockDuration <= 0) return { totalHits: counted.hits, timeToExpire: seconds(counted.windowEndsAt - now), isBlocked: true, timeToBlockExpire: seconds(counted.windowEndsAt - now) };
    const until = now + blockDuration;
    const block = await this.counters.findOneAndUpdate(
      { _id: key, blockedUntil: { $lte: now } },
      // The window outlasts the block, so the first hit after it starts counting afresh.
      { $set: { blockedUntil: until, windowEndsAt: Math.max(counted.windowEndsAt, until), expiresAt: new Date(Math.max(counted.windowEndsAt, until)) } },
      { returnDocument: 'after' },
    );
    return blocked(block ?? (await this.counters.findOne({ _id: key })) ?? counted, now);
  }

  private async hit(key: string, ttl: number, now: number): Promise<CounterDoc> {
    for (;;) {
      const counted = await this.counters.findOneAndUpdate({ _id: key, windowEndsAt: { $gt: now } }, { $inc: { hits: 1 } }, { returnDocument: 'after' });
      if (counted) return counted;
      const fresh: Omit<CounterDoc, '_id'> = { hits: 1, windowEndsAt: now + ttl, blockedUntil: 0, expiresAt: new Date(now + ttl) };
      try {
        const reset = await this.counters.findOneAndUpdate({ _id: key, windowEndsAt: { $lte: now } }, { $set: fresh }, { upsert: true, returnDocument: 'after' });
        if (reset) return reset;
      } catch (error) {
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      }
    }
  }
}

function blocked(doc: CounterDoc, now: number): ThrottlerStorageRecord {
  return { totalHits: doc.hits, timeToExpire: seconds(doc.windowEndsAt - now), isBlocked: true, timeToBlockExpire: seconds(doc.blockedUntil - now) };
}
