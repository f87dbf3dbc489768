import { CheckpointConflictError } from '../read-store.errors';
import {
  AnyDocument,
  Checkpoint,
  CommitBatch,
  Filter,
  FindOptions,
  ReadDocument,
  ReadStore,
} from '../read-store.port';
import { assertCollectionName, DocumentCollections, lastWritePerDocument, normalizeWrite } from './documents';

/** What an in-memory store holds; a second store opened on the same data sees it (the contract's "reopen"). */
export class InMemoryReadStoreData {
  readonly documents = new DocumentCollections();
  readonly checkpoints = new Map<string, Checkpoint>();
}

/**
 * Read store held in memory, queried with mingo: for tests, and for views computed "as of" a past
 * position, where the same query code runs against a throw-away store.
 */
export class InMemoryReadStore implements ReadStore {
  constructor(
    readonly data: InMemoryReadStoreData = new InMemoryReadStoreData(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get<D extends ReadDocument = AnyDocument>(collection: string, id: string): Promise<D | null> {
    assertCollectionName(collection);
    return this.data.documents.get(collection, id) as D | null;
  }

  async find<D extends ReadDocument = AnyDocument>(collection: string, filter?: Filter, options?: FindOptions): Promise<D[]> {
    assertCollectionName(collection);
    return this.data.documents.find(collection, filter, options) as unknown as D[];
  }

  async count(collection: string, filter?: Filter, options: { limit?: number } = {}): Promise<number> {
    assertCollectionName(collection);
    return Math.min(this.data.documents.count(collection, filter), options.limit ?? Infinity);
  }

  /** Everything is checked and serialized before the first change, so a failing batch changes nothing. */
  async commit(batch: CommitBatch): Promise<void> {
    const current = this.data.checkpoints.get(batch.projection)?.position ?? 0;
    if (current !== batch.fromPosition) throw new CheckpointConflictError(batch.projection, batch.fromPosition, current);
    const writes = lastWritePerDocument(batch.writes.map(normalizeWrite));
    this.data.documents.apply(writes);
    this.data.checkpoints.set(batch.projection, {
      projection: batch.projection,
      position: batch.toPosition,
      version: batch.version,
      hash: batch.toHash ?? null,
      updatedAt: this.clock().toISOString(),
    });
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    return this.data.checkpoints.get(projection) ?? null;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return [...this.data.checkpoints.values()].sort((a, b) => a.projection.localeCompare(b.projection));
  }

  async reset(projection: string, collections: readonly string[]): Promise<void> {
    collections.forEach(assertCollectionName);
    collections.forEach((c) => this.data.documents.drop(c));
    this.data.checkpoints.delete(projection);
  }

  async close(): Promise<void> {
    // Nothing to release: the data lives as long as its InMemoryReadStoreData.
  }
}
