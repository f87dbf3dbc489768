import type { Connection, mongo } from 'mongoose';
import { IdempotencyIndex, KeyedWrite } from './idempotency-index.port';

type KeyDoc = { _id: string; writes: KeyedWrite[] };

/**
 * The idempotency index in MongoDB (collection `idempotency_keys`), one document per scoped key:
 * `_id` is the key, so a lookup is one read by primary key, and `$addToSet` makes recording the
 * same write twice (a retry) change nothing. Shared by every API replica.
 */
export class MongoIdempotencyIndex implements IdempotencyIndex {
  private readonly keys: mongo.Collection<KeyDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly ownsConnection = false,
  ) {
    if (!connection.db) throw new Error('mongo idempotency index needs an open connection');
    this.keys = connection.db.collection<KeyDoc>('idempotency_keys');
  }

  static async connect(options: { url: string; dbName?: string }): Promise<MongoIdempotencyIndex> {
    const { createConnection } = await import('mongoose');
    const connection = createConnection(options.url, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000 });
    return new MongoIdempotencyIndex(await connection.asPromise(), true);
  }

  async record(key: string, writes: readonly KeyedWrite[]): Promise<void> {
    const each = writes.map((w) => ({ streamId: w.streamId, eventIds: [...w.eventIds] }));
    await this.keys.updateOne({ _id: key }, { $addToSet: { writes: { $each: each } } }, { upsert: true });
  }

  async writesOf(key: string): Promise<KeyedWrite[]> {
    const doc = await this.keys.findOne({ _id: key });
    return doc?.writes ?? [];
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.connection.close();
  }
}
