import type { Connection, mongo } from 'mongoose';
import { RelayCheckpoints } from './relay-ports';

interface CheckpointDoc {
  _id: string;
  position: number;
  updatedAt: string;
}

/**
 * The relay's checkpoint in MongoDB (RELAY_CHECKPOINTS=mongodb), so that a relay started on another
 * host resumes where the last one stopped. A save is acknowledged once a majority of the replica
 * set journalled it, as the embedded file is written with synchronous=FULL: a checkpoint the relay
 * saw saved is never lost to a failover, which would publish its batches again.
 */
export class MongoRelayCheckpoints implements RelayCheckpoints {
  private readonly collection: mongo.Collection<CheckpointDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly clock: () => Date = () => new Date(),
    private readonly ownsConnection = false,
  ) {
    if (!connection.db) throw new Error('mongo relay checkpoints need an open connection');
    this.collection = connection.db.collection<CheckpointDoc>('relay_checkpoints');
  }

  static async connect(options: { url: string; dbName?: string }, clock?: () => Date): Promise<MongoRelayCheckpoints> {
    // Loaded only when chosen: the embedded relay does not pay for the driver.
    const { createConnection } = await import('mongoose');
    const connection = createConnection(options.url, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000 });
    return new MongoRelayCheckpoints(await connection.asPromise(), clock, true);
  }

  async load(name: string): Promise<number> {
    return (await this.collection.findOne({ _id: name }))?.position ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    await this.collection.updateOne(
      { _id: name },
      { $set: { position, updatedAt: this.clock().toISOString() } },
      { upsert: true, writeConcern: { w: 'majority', j: true } },
    );
  }

  async dropDatabase(): Promise<void> {
    await this.connection.dropDatabase();
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.connection.close();
  }
}
