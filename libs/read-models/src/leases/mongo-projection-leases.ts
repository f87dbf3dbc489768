import type { Connection, mongo } from 'mongoose';
import { HoldRequest, ProjectionLease, ProjectionLeases, ProjectionReport } from './projection-leases.port';

interface LeaseDoc {
  _id: string;
  owner: string;
  /** Epoch ms. */
  expiresAt: number;
  renewedAt: string;
  report: ProjectionReport | null;
}

/**
 * Leases in MongoDB, beside the read store's checkpoints. Taking one is a single conditional
 * upsert: it matches only a lease that is ours, expired or free; when another owner holds it, the
 * upsert collides with the existing `_id` (duplicate key) and the lease stays theirs.
 */
export class MongoProjectionLeases implements ProjectionLeases {
  private readonly collection: mongo.Collection<LeaseDoc>;

  constructor(connection: Connection, collection = '_projection_leases') {
    if (!connection.db) throw new Error('mongo projection leases need an open connection');
    this.collection = connection.db.collection<LeaseDoc>(collection);
  }

  async hold(request: HoldRequest): Promise<{ held: boolean; lease: ProjectionLease | null }> {
    const { projection, owner, ttlMs, now, takeFrom } = request;
    const mayTake: mongo.Filter<LeaseDoc>[] = [{ owner }, { expiresAt: { $lte: now.getTime() } }];
    if (takeFrom !== undefined) mayTake.push({ owner: takeFrom });
    const set: Partial<LeaseDoc> = { owner, expiresAt: now.getTime() + ttlMs, renewedAt: now.toISOString() };
    if (request.report !== undefined) set.report = request.report;
    let held = true;
    try {
      await this.collection.updateOne(
        { _id: projection, $or: mayTake },
        { $set: set },
        { upsert: true },
      );
    } catch (error) {
      if ((error as { code?: unknown }).code !== 11000) throw error;
      held = false;
    }
    const doc = await this.collection.findOne({ _id: projection });
    return { held: held && doc?.owner === owner, lease: doc ? toLease(doc) : null };
  }

  async release(projection: string, owner: string, now: Date): Promise<void> {
    await this.collection.updateOne({ _id: projection, owner }, { $set: { expiresAt: now.getTime() } });
  }

  async leases(): Promise<ProjectionLease[]> {
    return (await this.collection.find({}).sort({ _id: 1 }).toArray()).map(toLease);
  }
}

function toLease(doc: LeaseDoc): ProjectionLease {
  return {
    projection: doc._id,
    owner: doc.owner,
    expiresAt: new Date(doc.expiresAt).toISOString(),
    renewedAt: doc.renewedAt,
    report: doc.report ?? null,
  };
}
