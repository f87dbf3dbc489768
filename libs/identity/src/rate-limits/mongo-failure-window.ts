import type { Connection, mongo } from 'mongoose';
import { FailureCounter } from './failure-windows.port';

interface FailureDoc {
  _id: string;
  /** Epoch ms of the last `limit` failures, oldest first. */
  times: number[];
  /** For the TTL index: a key with no failure in the window is removed. */
  expiresAt: Date;
}

/**
 * Failure counts in MongoDB, shared by every API replica. A failure is one atomic `$push` that keeps
 * only the last `limit` times (`$slice`), so concurrent failures from several replicas all count
 * and the document never grows; the check reads them and applies the window.
 */
export class MongoFailureWindow implements FailureCounter {
  private readonly failures: mongo.Collection<FailureDoc>;
  private indexed: Promise<unknown> | null = null;

  constructor(
    connection: Connection,
    private readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!connection.db) throw new Error('mongo failure window needs an open connection');
    this.failures = connection.db.collection<FailureDoc>('rate_limit_failures');
  }

  async retryAfterMs(key: string): Promise<number> {
    const now = this.now();
    const times = ((await this.failures.findOne({ _id: this.id(key) }))?.times ?? []).filter((t) => t > now - this.windowMs);
    return times.length < this.limit ? 0 : times[0] + this.windowMs - now;
  }

  async record(key: string): Promise<void> {
    this.indexed ??= this.failures.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
    await this.indexed;
    const now = this.now();
    await this.failures.updateOne(
      { _id: this.id(key) },
      { $push: { times: { $each: [now], $slice: -this.limit } }, $set: { expiresAt: new Date(now + this.windowMs) } },
      { upsert: true },
    );
  }

  async clear(key: string): Promise<void> {
    await this.failures.deleteOne({ _id: this.id(key) });
  }

  private id(key: string): string {
    return `${this.name}:${key}`;
  }
}
