import type { Connection, mongo } from 'mongoose';
import { Checkpoint } from '../witness/checkpoint';
import { NotaryLink } from './notary-chain';
import { NotaryStore } from './notary-store.port';

type LinkDoc = Omit<NotaryLink, 'seq'> & { _id: number };
type CheckpointDoc = Omit<Checkpoint, 'signature'> & { _id: string };

const toLink = ({ _id, ...rest }: LinkDoc): NotaryLink => ({ seq: _id, ...rest });
const toCheckpoint = ({ _id, ...rest }: CheckpointDoc): Checkpoint => ({ ...rest, signature: _id });
const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

/**
 * The notary's chain in MongoDB, shared by every scheduler replica, through the driver's
 * collections (no mongoose models). A link's `_id` is its seq: of two notaries appending the same
 * seq the server keeps the first and refuses the second (duplicate key), and an ordered insert
 * stops there, so the chain never forks and no link is written twice.
 */
export class MongoNotaryStore implements NotaryStore {
  private readonly linksCollection: mongo.Collection<LinkDoc>;
  private readonly checkpointsCollection: mongo.Collection<CheckpointDoc>;
  private indexed: Promise<unknown> | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly ownsConnection = false,
  ) {
    if (!connection.db) throw new Error('mongo notary store needs an open connection');
    this.linksCollection = connection.db.collection<LinkDoc>('notary_links');
    this.checkpointsCollection = connection.db.collection<CheckpointDoc>('notary_checkpoints');
  }

  static async connect(options: { url: string; dbName?: string }): Promise<MongoNotaryStore> {
    const { createConnection } = await import('mongoose');
    const connection = createConnection(options.url, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000 });
    return new MongoNotaryStore(await connection.asPromise(), true);
  }

  private ensureIndexes(): Promise<unknown> {
    this.indexed ??= Promise.all([
      this.linksCollection.createIndex({ position: 1 }, { name: 'by_position', unique: true }),
      this.linksCollection.createIndex({ streamId: 1, revision: 1 }, { name: 'by_stream' }),
    ]);
    return this.indexed;
  }

  async last(): Promise<NotaryLink | null> {
    const [doc] = await this.linksCollection.find({}).sort({ _id: -1 }).limit(1).toArray();
    return doc ? toLink(doc) : null;
  }

  async append(links: readonly NotaryLink[]): Promise<boolean> {
    if (links.length === 0) return true;
    await this.ensureIndexes();
    const last = await this.last();
    if ((last?.seq ?? 0) !== links[0].seq - 1 || (last && last.hash !== links[0].prevHash)) return false;
    try {
      await this.linksCollection.insertMany(
        links.map(({ seq, ...rest }) => ({ _id: seq, ...rest })),
        { ordered: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async links(afterSeq: number, limit: number): Promise<NotaryLink[]> {
    return (await this.linksCollection.find({ _id: { $gt: afterSeq } }).sort({ _id: 1 }).limit(limit).toArray()).map(toLink);
  }

  async atPosition(position: number): Promise<NotaryLink | null> {
    const doc = await this.linksCollection.findOne({ position });
    return doc ? toLink(doc) : null;
  }

  async ofStream(streamId: string, revision: number): Promise<NotaryLink | null> {
    const doc = await this.linksCollection.findOne({ streamId, revision });
    return doc ? toLink(doc) : null;
  }

  async addCheckpoint(c: Checkpoint): Promise<void> {
    const { signature, ...rest } = c;
    try {
      await this.checkpointsCollection.insertOne({ _id: signature, ...rest });
    } catch (error) {
      // The same signed checkpoint stored twice (a retry) is one checkpoint.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return (await this.checkpointsCollection.find({}).sort({ position: 1, issuedAt: 1 }).toArray()).map(toCheckpoint);
  }

  async latestCheckpoint(): Promise<Checkpoint | null> {
    const [doc] = await this.checkpointsCollection.find({}).sort({ position: -1, issuedAt: -1 }).limit(1).toArray();
    return doc ? toCheckpoint(doc) : null;
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.connection.close();
  }
}
