/**
 * The read-model store: collections of JSON documents keyed by `_id`, queried in MongoDB's query
 * language, written only by projections, in batches that commit together with the projection's
 * checkpoint. Embedded (SQLite + mingo), in-memory (mingo) and MongoDB adapters implement it, and all
 * of them pass `testing/read-store.contract.ts`.
 */
export const READ_STORE = Symbol('READ_STORE');

/** Every read-model document has a string `_id`, unique within its collection. */
export interface ReadDocument {
  readonly _id: string;
}

/** A document as stored: plain JSON (no Date, no undefined, no functions). */
export type AnyDocument = ReadDocument & Record<string, unknown>;

/** A filter in MongoDB's query language, e.g. `{ status: { $in: ['open', 'deferred'] }, 'unit.type': 'rural' }`. */
export type Filter = Record<string, unknown>;

/** 1 ascending, -1 descending. `_id` ascending is always appended as the tie-breaker, so pages are stable. */
export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  readonly limit?: number;
  /**
   * A declared scalar field whose index should drive the query, as MongoDB's hint: when many
   * documents match, walking the sort field's index stops once the page is full, where a planner
   * might sort every match first. Stores without such indexes ignore it.
   */
  readonly hint?: string;
}

/** A count bounded by `limit`, started from the `hint` field's index (see FindOptions.hint) where the store has one. */
export type CountOptions = Pick<FindOptions, 'limit' | 'hint'>;

/** Insert the document, or replace it whole if one with its `_id` exists. */
export interface UpsertWrite {
  readonly op: 'upsert';
  readonly collection: string;
  readonly doc: ReadDocument;
  /**
   * The document's `_id` and JSON text, when the writer already has them (documents serialized
   * when evolve wrote them, stored later): a store takes them instead of serializing `doc` again.
   */
  readonly serialized?: { readonly id: string; readonly body: string };
}

export interface DeleteWrite {
  readonly op: 'delete';
  readonly collection: string;
  readonly id: string;
}

export type DocumentWrite = UpsertWrite | DeleteWrite;

export function upsert<D extends ReadDocument>(collection: string, doc: D): UpsertWrite {
  return { op: 'upsert', collection, doc };
}

export function remove(collection: string, id: string): DeleteWrite {
  return { op: 'delete', collection, id };
}

export interface Checkpoint {
  readonly projection: string;
  /** Global position of the last event whose effects are in the documents. */
  readonly position: number;
  /** Version of the projection definition the documents were built with. */
  readonly version: number;
  /**
   * Chain hash of the event at `position` when the checkpoint was written (null when unknown, e.g.
   * written before hashes were kept): if the event store later holds another event there, or none,
   * the documents were built from a history that is no longer the store's.
   */
  readonly hash: string | null;
  readonly updatedAt: string;
}

/**
 * The documents a projection derived from the events in (fromPosition, toPosition], to be stored
 * together with its new checkpoint: all of it or none of it.
 */
export interface CommitBatch {
  readonly projection: string;
  readonly version: number;
  /** The checkpoint the batch was computed from (0 when none): a different stored one is a conflict. */
  readonly fromPosition: number;
  readonly toPosition: number;
  /** Chain hash of the event at `toPosition`, kept beside the checkpoint. */
  readonly toHash?: string | null;
  readonly writes: readonly DocumentWrite[];
  /**
   * The history of the projection's versioned collections inside the batch: every image a document
   * took, at the position of the event that wrote it (see Projection.versioned). Stores that keep
   * versions store it with the writes; others ignore it.
   */
  readonly history?: BatchHistory;
  /**
   * Collections of the projection whose documents are written once (see Projection.writtenOnce): a
   * store may insert their writes as new documents, and must still store one it finds already
   * stored as any other write.
   */
  readonly writtenOnce?: readonly string[];
}

/** One image of a document as an event left it: `doc` null when the event deleted it. */
export interface DocumentVersion {
  readonly position: number;
  readonly collection: string;
  readonly id: string;
  /** The image, or null for a delete; absent when only its JSON text (`body`) is given. */
  readonly doc?: ReadDocument | null;
  /** The image as JSON text, when the writer already serialized it (stores keeping text need not again); absent for a delete. */
  readonly body?: string;
}

export interface BatchHistory {
  /** The collections whose versions are kept. */
  readonly collections: readonly string[];
  /** In event order. */
  readonly versions: readonly DocumentVersion[];
  /**
   * The batch ends a run of versions written ahead of the checkpoint (ReadStore.writeVersionsAhead):
   * they are now behind it. A store finding versions written ahead of a batch that does not say so
   * drops them first (a rebuild that died between them and its commit).
   */
  readonly ahead?: boolean;
  /** Documents (by documentKey) whose version stored open before the batch was already closed by versions written ahead. */
  readonly closed?: ReadonlySet<string>;
}

/** One document's key across collections, as the batch history's `closed` names it. */
export const documentKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

/** A version replaced by a later image of its document: current from `position` until `validTo`. */
export interface RangedVersion extends DocumentVersion {
  /** The position of the image (or deletion) that replaced it. */
  readonly validTo: number;
  /** The first of its document since the checkpoint: it closes the version stored open before it, if any. */
  readonly closes: boolean;
}

/** Versions a rebuild writes before the commit that moves the checkpoint past them (see ReadStore.writeVersionsAhead). */
export interface VersionsAhead {
  readonly projection: string;
  readonly collections: readonly string[];
  /** In event order. */
  readonly versions: readonly RangedVersion[];
}

/**
 * How a field of a collection's documents is shaped, as its projection declares it:
 * 'scalar' — always one JSON scalar of one type (indexable, compared natively and exactly);
 * 'array' — always an array of strings or numbers (its elements indexable, so equality and $in
 *   find the documents holding a value without reading the others).
 */
export type FieldShape = 'scalar' | 'array';

/** Documents whose declared text fields hold every term (see ReadStore.findText). */
export interface TextQuery {
  /** Each must occur, as written (Latin letters in any case), in one of the collection's text fields. */
  readonly terms: readonly string[];
  /** Further conditions, in the query language of `find`. */
  readonly filter?: Filter;
  readonly limit: number;
}

export interface ReadStore {
  /**
   * Declares the shape of fields that queries filter or sort on, so the store can index them and
   * evaluate those conditions natively. Optional: a store without it filters everything itself.
   * A key 'a,b' (scalar) asks for one index over both fields: a page of one value of a, in b's order.
   */
  ensureIndexes?(collection: string, fields: Readonly<Record<string, FieldShape>>): void | Promise<void>;
  /**
   * Declares string fields searched by substring, in any language (no word segmenter): a store that
   * can index them by their 3-character runs does, and answers `findText`. Declared before the
   * collection's first write, as the projection runner does for a projection's `textIndexes`.
   */
  ensureTextIndex?(collection: string, fields: readonly string[]): void | Promise<void>;
  /**
   * The documents holding every term in their text fields and matching the filter, at most `limit`.
   * Only stores that index text answer it (MongoDB); the embedded store's search is FTS5 (views).
   */
  findText?<D extends ReadDocument = AnyDocument>(collection: string, query: TextQuery): Promise<D[]>;
  get<D extends ReadDocument = AnyDocument>(collection: string, id: string): Promise<D | null>;
  find<D extends ReadDocument = AnyDocument>(collection: string, filter?: Filter, options?: FindOptions): Promise<D[]>;
  /** With `limit`, counts at most that many (a bounded count costs no more than that page). */
  count(collection: string, filter?: Filter, options?: CountOptions): Promise<number>;
  /**
   * Applies the writes and moves the checkpoint from `fromPosition` to `toPosition` atomically (or,
   * for MongoDB, idempotently by position). Rejects with CheckpointConflictError, writing nothing,
   * when the stored checkpoint is not `fromPosition`: a batch is never applied twice.
   */
  commit(batch: CommitBatch): Promise<void>;
  /**
   * Several projections' batches at once, each stored or refused exactly as commit() would (a
   * refused one writes nothing, the others are stored): for each, null when stored, else why it was
   * refused. Optional: a store that can put them in one transaction does.
   */
  commitAll?(batches: readonly CommitBatch[]): Promise<ReadonlyArray<unknown | null>>;
  /**
   * A rebuild's versions already replaced, written ahead of its next commit (which will bring the
   * rest of their batch's history with `ahead` set), each once with its range: so they need not be
   * held in memory until that commit, and a rebuild commits its documents only when memory bounds
   * them. Until that commit they lie beyond the checkpoint, where no read as of a position looks;
   * a commit without `ahead` drops them first. Optional: stores that keep no versions lack it.
   */
  writeVersionsAhead?(ahead: VersionsAhead): Promise<void>;
  checkpoint(projection: string): Promise<Checkpoint | null>;
  checkpoints(): Promise<Checkpoint[]>;
  /**
   * The projection's versioned collections exactly as they stood after the event at `position`,
   * answering the same queries as the live store (read-only); null when the store keeps no
   * versions, or not for that position (before it started keeping them, or beyond the checkpoint).
   */
  versionsAt?(projection: string, position: number): Promise<ReadStore | null>;
  /** Deletes every document of these collections and the projection's checkpoint: the start of a rebuild. */
  reset(projection: string, collections: readonly string[]): Promise<void>;
  /**
   * reset, for a rebuild about to refill these collections from nothing: a store may also stop
   * keeping their secondary indexes per write and build them once, in bulk, in finishBulkLoad —
   * all of them for the collections in `indexedAtEnd` (see Projection.indexedAtEnd), those it
   * builds cheaply in bulk for the others — dropping them before it deletes the old documents, so
   * the delete does not keep them entry by entry. Meanwhile queries on them still answer exactly,
   * unindexed. Should the process die before finishBulkLoad, the next ensureIndexes of the
   * collections (every runner's start) builds them. Without it, a rebuild calls reset.
   */
  resetForBulkLoad?(projection: string, collections: readonly string[], options?: { readonly indexedAtEnd?: readonly string[] }): Promise<void>;
  /** Builds what resetForBulkLoad left out, from the documents as they are now; nothing for collections not being loaded. */
  finishBulkLoad?(collections: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface Page<D> {
  readonly items: D[];
  readonly total: number;
  readonly skip: number;
  readonly limit: number;
}

/** One page of results and the total count of matches, for paginated queries. */
export async function findPage<D extends ReadDocument = AnyDocument>(
  store: ReadStore,
  collection: string,
  filter: Filter,
  options: { sort?: SortSpec; skip?: number; limit: number },
): Promise<Page<D>> {
  const skip = options.skip ?? 0;
  const [items, total] = await Promise.all([
    store.find<D>(collection, filter, { sort: options.sort, skip, limit: options.limit }),
    store.count(collection, filter),
  ]);
  return { items, total, skip, limit: options.limit };
}
