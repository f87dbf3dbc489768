import type { Connection, mongo } from 'mongoose';
import { assertCollectionName, lastWritePerDocument, normalizeWrite, NormalizedWrite, stableSort } from '../memory/documents';
import { BatchTooLargeError, CheckpointConflictError } from '../read-store.errors';
import {
  AnyDocument,
  Checkpoint,
  CommitBatch,
  Filter,
  FindOptions,
  ReadDocument,
  ReadStore,
  TextQuery,
} from '../read-store.port';
import { NGRAM_FIELD, textFilter, withNgrams } from './text-ngrams';

export interface MongoReadStoreOptions {
  readonly url: string;
  /** Defaults to the database named in the URL. */
  readonly dbName?: string;
  readonly clock?: () => Date;
  /** Where checkpoints and their redo journals live. */
  readonly checkpointCollection?: string;
}

/** The journal rides in the checkpoint document, whose size MongoDB caps at 16 MiB; keep a margin. */
const MAX_JOURNAL_BYTES = 12 * 1024 * 1024;

interface CheckpointDoc {
  _id: string;
  position: number;
  version?: number;
  hash?: string | null;
  updatedAt?: string;
  /** Redo journal of the batch being applied: its final document images, as JSON. */
  pending?: { position: number; version: number; hash?: string | null; writes: string };
  /** Collections being emptied by a reset that has not finished. */
  resetting?: string[];
}

/**
 * Read store in MongoDB through mongoose's connection (the native driver's collections: read
 * models are schemaless JSON, so no mongoose schema or model stands between). Documents are stored
 * exactly as given, and filters are passed to MongoDB unchanged: the same filters mingo evaluates in
 * the embedded store.
 *
 * Why not one transaction: MongoDB transactions need a replica set, and a standalone server must
 * work too. Instead every batch is made idempotent by position with a redo journal:
 *   1. fenced write of the journal into the projection's checkpoint document: one single-document
 *      (hence atomic) update that matches only if the checkpoint is still `fromPosition` and no
 *      journal is pending — a batch computed from a stale state is refused, never applied;
 *   2. apply the journal: each write is a whole-document replace (upsert) or a delete of the final
 *      image, so applying it once, twice or after a partial attempt gives the same documents;
 *   3. move the checkpoint to `toPosition` and drop the journal, in one single-document update.
 * A crash after (1) leaves the journal; the next `checkpoint()`/`commit()`/`reset()` re-applies it
 * (2, 3) before anything else. `evolve` never runs again on half-applied documents, because the
 * journal holds results, not events: nothing is ever counted twice. Readers may see a batch
 * half-applied for the moment between (2) and (3) — read models are eventually consistent anyway.
 * Resets are journaled the same way (`resetting`), so a crash mid-reset never leaves a checkpoint
 * with emptied documents. This assumes one live runner per projection, as the runner guarantees
 * within a process; a second writer is fenced out by step 1.
 */
export class MongoReadStore implements ReadStore {
  private readonly checkpointsCollection: mongo.Collection<CheckpointDoc>;
  private readonly clock: () => Date;
  /** Collections with a text index, and their text fields: documents written there carry their n-grams. */
  private readonly textFields = new Map<string, readonly string[]>();

  constructor(
    readonly connection: Connection,
    options: Omit<MongoReadStoreOptions, 'url'> = {},
    private readonly ownsConnection = false,
  ) {
    if (!connection.db) throw new Error('mongo read store needs an open connection');
    this.clock = options.clock ?? (() => new Date());
    this.checkpointsCollection = connection.db.collection<CheckpointDoc>(
      options.checkpointCollection ?? '_projection_checkpoints',
    );
  }

  /** Opens its own mongoose connection; mongoose is loaded only here, so the embedded mode never pays for it. */
  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const mongoose = await import('mongoose');
    const connection = mongoose.createConnection(options.url, {
      dbName: options.dbName,
      serverSelectionTimeoutMS: 10_000,
    });
    await connection.asPromise();
    return new MongoReadStore(connection, options, true);
  }

  async ensureTextIndex(collection: string, fields: readonly string[]): Promise<void> {
    this.textFields.set(collection, [...fields]);
    await this.collection(collection).createIndex({ [NGRAM_FIELD]: 1 }, { name: `${NGRAM_FIELD}_1` });
  }

  async findText<D extends ReadDocument = AnyDocument>(collection: string, query: TextQuery): Promise<D[]> {
    const fields = this.textFields.get(collection);
    if (!fields) throw new Error(`no text index declared on ${collection}`);
    if (!query.terms.length || query.limit <= 0) return [];
    const cursor = this.collection(collection).find(textFilter(fields, query) as mongo.Filter<AnyDocument>, { projection: HIDDEN, sort: { _id: 1 } }).limit(query.limit);
    return (await cursor.toArray()) as unknown as D[];
  }

  async get<D extends ReadDocument = AnyDocument>(collection: string, id: string): Promise<D | null> {
    const doc = await this.collection(collection).findOne({ _id: id }, { projection: HIDDEN });
    return (doc as unknown as D | null) ?? null;
  }

  async find<D extends ReadDocument = AnyDocument>(
    collection: string,
    filter: Filter = {},
    options: FindOptions = {},
  ): Promise<D[]> {
    let cursor = this.collection(collection).find(filter as mongo.Filter<AnyDocument>, { sort: stableSort(options.sort), projection: HIDDEN });
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) {
      if (options.limit === 0) return [];
      cursor = cursor.limit(options.limit);
    }
    return (await cursor.toArray()) as unknown as D[];
  }

  async count(collection: string, filter: Filter = {}, options: { limit?: number } = {}): Promise<number> {
    return this.collection(collection).countDocuments(filter as mongo.Filter<AnyDocument>, options.limit === undefined ? {} : { limit: options.limit });
  }

  async commit(batch: CommitBatch): Promise<void> {
    const writes = lastWritePerDocument(batch.writes.map(normalizeWrite));
    const journal = JSON.stringify(writes.map((w) => [w.collection, w.id, w.body]));
    if (journal.length > MAX_JOURNAL_BYTES) throw new BatchTooLargeError(journal.length, MAX_JOURNAL_BYTES);
    await this.recover(batch.projection);

    // 1. Journal, fenced by the checkpoint the batch was computed from.
    const fence = {
      _id: batch.projection,
      position: batch.fromPosition,
      pending: { $exists: false },
      resetting: { $exists: false },
    };
    const pending = { position: batch.toPosition, version: batch.version, hash: batch.toHash ?? null, writes: journal };
    try {
      const r = await this.checkpointsCollection.updateOne(fence, { $set: { pending } }, { upsert: batch.fromPosition === 0 });
      if (r.matchedCount === 0 && r.upsertedCount === 0) await this.conflict(batch);
    } catch (error) {
      if (isDuplicateKey(error)) await this.conflict(batch);
      throw error;
    }
    // 2 and 3.
    await this.applyJournal(writes);
    await this.finish(batch.projection, pending);
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    await this.recover(projection);
    const doc = await this.checkpointsCollection.findOne({ _id: projection });
    return doc ? toCheckpoint(doc) : null;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    const docs = await this.checkpointsCollection.find({}).sort({ _id: 1 }).toArray();
    for (const d of docs) if (d.pending || d.resetting) await this.recover(d._id);
    const fresh = await this.checkpointsCollection.find({}).sort({ _id: 1 }).toArray();
    return fresh.map(toCheckpoint);
  }

  async reset(projection: string, collections: readonly string[]): Promise<void> {
    collections.forEach(assertCollectionName);
    await this.checkpointsCollection.updateOne(
      { _id: projection },
      { $set: { position: 0, resetting: [...collections] }, $unset: { pending: '', version: '', hash: '', updatedAt: '' } },
      { upsert: true },
    );
    await this.recover(projection);
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.connection.close();
  }

  /** Finishes a reset or a batch that a crash interrupted. Both steps are idempotent. */
  private async recover(projection: string): Promise<void> {
    const doc = await this.checkpointsCollection.findOne({ _id: projection });
    if (!doc) return;
    if (doc.resetting) {
      for (const c of doc.resetting) await this.collection(c).deleteMany({});
      await this.checkpointsCollection.deleteOne({ _id: projection, resetting: { $exists: true } });
      return;
    }
    if (doc.pending) {
      const entries = JSON.parse(doc.pending.writes) as Array<[string, string, string | null]>;
      await this.applyJournal(entries.map(([collection, id, body]) => ({ collection, id, body })));
      await this.finish(projection, doc.pending);
    }
  }

  private async applyJournal(writes: readonly NormalizedWrite[]): Promise<void> {
    const byCollection = new Map<string, NormalizedWrite[]>();
    for (const w of writes) byCollection.set(w.collection, [...(byCollection.get(w.collection) ?? []), w]);
    for (const [collection, ws] of byCollection) {
      const text = this.textFields.get(collection);
      const image = (body: string) => (text ? withNgrams(JSON.parse(body) as AnyDocument, text) : (JSON.parse(body) as AnyDocument));
      await this.collection(collection).bulkWrite(
        ws.map((w) =>
          w.body === null
            ? { deleteOne: { filter: { _id: w.id } } }
            : {
                replaceOne: {
                  filter: { _id: w.id },
                  replacement: image(w.body),
                  upsert: true,
                },
              },
        ),
        { ordered: false },
      );
    }
  }

  private async finish(projection: string, pending: NonNullable<CheckpointDoc['pending']>): Promise<void> {
    await this.checkpointsCollection.updateOne(
      { _id: projection, 'pending.position': pending.position },
      {
        $set: { position: pending.position, version: pending.version, hash: pending.hash ?? null, updatedAt: this.clock().toISOString() },
        $unset: { pending: '' },
      },
    );
  }

  private async conflict(batch: CommitBatch): Promise<never> {
    const doc = await this.checkpointsCollection.findOne({ _id: batch.projection });
    throw new CheckpointConflictError(batch.projection, batch.fromPosition, doc?.position ?? null);
  }

  private collection(name: string): mongo.Collection<AnyDocument> {
    assertCollectionName(name);
    return this.connection.db!.collection<AnyDocument>(name);
  }
}

/** The n-grams are the store's own: readers never see them. */
const HIDDEN = { [NGRAM_FIELD]: 0 };

function toCheckpoint(doc: CheckpointDoc): Checkpoint {
  return {
    projection: doc._id,
    position: doc.position,
    version: doc.version ?? 0,
    hash: doc.hash ?? null,
    updatedAt: doc.updatedAt ?? '',
  };
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
