import { Query } from 'mingo';
import { InvalidDocumentWriteError } from '../read-store.errors';
import { AnyDocument, documentKey, DocumentWrite, Filter, FindOptions, SortSpec } from '../read-store.port';

/** Collection names that every adapter accepts (MongoDB forbids `$`, `system.` and empty names). */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,119}$/;

export function assertCollectionName(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_NAME.test(collection)) {
    throw new InvalidDocumentWriteError(`invalid collection name: ${JSON.stringify(collection)}`);
  }
}

/** A write as every adapter stores it: the document's JSON text, parsed back (so all adapters see the same JSON). */
export interface NormalizedWrite {
  readonly collection: string;
  readonly id: string;
  /** JSON text of the document, null for a delete. */
  readonly body: string | null;
}

export function normalizeWrite(w: DocumentWrite): NormalizedWrite {
  assertCollectionName(w.collection);
  if (w.op === 'upsert' && w.serialized) return { collection: w.collection, id: w.serialized.id, body: w.serialized.body };
  if (w.op === 'delete') {
    if (typeof w.id !== 'string' || w.id === '') throw new InvalidDocumentWriteError(`delete in ${w.collection}: id must be a non-empty string`);
    return { collection: w.collection, id: w.id, body: null };
  }
  if (w.op !== 'upsert' || typeof w.doc !== 'object' || w.doc === null) {
    throw new InvalidDocumentWriteError(`write to ${w.collection}: unknown operation or missing document`);
  }
  const id = w.doc._id;
  if (typeof id !== 'string' || id === '') {
    throw new InvalidDocumentWriteError(`upsert in ${w.collection}: _id must be a non-empty string`);
  }
  let body: string;
  try {
    body = JSON.stringify(w.doc);
  } catch (error) {
    throw new InvalidDocumentWriteError(`upsert ${w.collection}/${id}: not JSON (${(error as Error).message})`);
  }
  return { collection: w.collection, id, body };
}

/** The last write per document wins: a batch stores each document once. */
export function lastWritePerDocument(writes: readonly NormalizedWrite[]): NormalizedWrite[] {
  const byKey = new Map<string, NormalizedWrite>();
  for (const w of writes) {
    const key = documentKey(w.collection, w.id);
    byKey.delete(key);
    byKey.set(key, w);
  }
  return [...byKey.values()];
}

/** `_id` ascending is always the last sort key, so equal keys page the same way in every adapter. */
export function stableSort(sort: SortSpec | undefined): SortSpec {
  const spec: Record<string, 1 | -1> = { ...(sort ?? {}) };
  if (!('_id' in spec)) spec._id = 1;
  return spec;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Evaluates MongoDB filters with mingo: the same query text as the MongoDB adapter. */
export function matches(filter: Filter | undefined, doc: AnyDocument): boolean {
  return matcher(filter)(doc);
}

/** The filter compiled once, to test many documents. */
export function matcher(filter: Filter | undefined): (doc: AnyDocument) => boolean {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const query = new Query(filter);
  return (doc) => query.test(doc);
}

/**
 * In-memory collections of documents, queried with mingo. Documents are kept as parsed JSON and
 * handed out as copies, so no caller can change what is stored.
 */
export class DocumentCollections {
  private readonly data = new Map<string, Map<string, AnyDocument>>();

  drop(collection: string): void {
    this.data.delete(collection);
  }

  get(collection: string, id: string): AnyDocument | null {
    const doc = this.data.get(collection)?.get(id);
    return doc ? clone(doc) : null;
  }

  find(collection: string, filter: Filter = {}, options: FindOptions = {}): AnyDocument[] {
    const docs = [...(this.data.get(collection)?.values() ?? [])];
    let cursor = new Query(filter).find<AnyDocument>(docs).sort(stableSort(options.sort));
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.all().map(clone);
  }

  count(collection: string, filter: Filter = {}): number {
    const docs = this.data.get(collection);
    if (!docs) return 0;
    if (Object.keys(filter).length === 0) return docs.size;
    const query = new Query(filter);
    let n = 0;
    for (const d of docs.values()) if (query.test(d)) n++;
    return n;
  }

  apply(writes: readonly NormalizedWrite[]): void {
    for (const w of writes) {
      let docs = this.data.get(w.collection);
      if (!docs) this.data.set(w.collection, (docs = new Map()));
      if (w.body === null) docs.delete(w.id);
      else docs.set(w.id, JSON.parse(w.body) as AnyDocument);
    }
  }
}
