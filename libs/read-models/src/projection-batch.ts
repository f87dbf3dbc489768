import type { StoredEvent } from '@platform/event-store';
import { clone, matcher, normalizeWrite } from './memory/documents';
import { Projection, ProjectionContext } from './projection';
import { InvalidDocumentWriteError, ProjectionEventError } from './read-store.errors';
import { AnyDocument, BatchHistory, DocumentVersion, DocumentWrite, Filter, ReadDocument, ReadStore, remove, upsert } from './read-store.port';

export interface EvolvedBatch {
  /** One write per changed document: its final image (or delete) after the applied events. */
  readonly writes: DocumentWrite[];
  /** How many events of the batch were applied (all of them unless `error`). */
  readonly applied: number;
  /** The event that threw, wrapped; the events before it are in `writes`. */
  readonly error: ProjectionEventError | null;
  /** Every image of the projection's versioned collections, per applied event (absent when it has none). */
  readonly history?: BatchHistory;
}

/**
 * Runs evolve over a batch of events, in order, against an overlay of the batch's own pending
 * writes on top of the store: each event sees the documents as the previous events left them,
 * exactly as if every event had been committed on its own.
 */
export async function evolveBatch(
  projection: Projection,
  events: readonly StoredEvent[],
  store: Pick<ReadStore, 'get' | 'find'>,
): Promise<EvolvedBatch> {
  const overlay = new Map<string, Map<string, AnyDocument | null>>();
  const versioned = new Set(projection.versioned ?? []);
  const versions: DocumentVersion[] = [];
  const owned = new Set(projection.collections);
  const own = (collection: string) => {
    if (!owned.has(collection)) {
      throw new InvalidDocumentWriteError(`projection ${projection.name} does not own collection ${collection}`);
    }
  };
  const ctx: ProjectionContext = {
    async get<D extends ReadDocument = AnyDocument>(collection: string, id: string) {
      own(collection);
      const pending = overlay.get(collection);
      if (pending?.has(id)) {
        const doc = pending.get(id);
        return doc ? (clone(doc) as unknown as D) : null;
      }
      return store.get<D>(collection, id);
    },
    async find<D extends ReadDocument = AnyDocument>(collection: string, filter: Filter = {}) {
      own(collection);
      const pending = overlay.get(collection);
      const stored = await store.find<AnyDocument>(collection, filter);
      if (!pending) return stored as unknown as D[];
      const result = stored.filter((d) => !pending.has(d._id));
      // One compiled filter for every pending document: compiling it per document (mingo builds a
      // context each time) was most of a first start's time once a batch held thousands of them.
      const test = matcher(filter);
      for (const doc of pending.values()) if (doc && test(doc)) result.push(clone(doc));
      return result as unknown as D[];
    },
  };

  let applied = 0;
  let error: ProjectionEventError | null = null;
  for (const event of events) {
    try {
      const writes = await projection.evolve(event, ctx);
      const staged: Array<[string, string, AnyDocument | null]> = [];
      for (const w of writes) {
        own(w.collection);
        const n = normalizeWrite(w);
        staged.push([n.collection, n.id, n.body === null ? null : (JSON.parse(n.body) as AnyDocument)]);
      }
      // Only a fully successful event reaches the overlay.
      for (const [collection, id, doc] of staged) {
        let docs = overlay.get(collection);
        if (!docs) overlay.set(collection, (docs = new Map()));
        docs.set(id, doc);
      }
      if (versioned.size > 0) versions.push(...eventVersions(event.position, staged, versioned));
      applied++;
    } catch (cause) {
      error = new ProjectionEventError(projection.name, event.position, event.type, event.eventId, cause);
      break;
    }
  }

  const writes: DocumentWrite[] = [];
  for (const [collection, docs] of overlay) {
    for (const [id, doc] of docs) writes.push(doc ? upsert(collection, doc) : remove(collection, id));
  }
  return { writes, applied, error, ...(versioned.size > 0 ? { history: { collections: [...versioned], versions } } : {}) };
}

/** One image per document the event changed in a versioned collection (its last write wins). */
function eventVersions(position: number, staged: ReadonlyArray<[string, string, AnyDocument | null]>, versioned: ReadonlySet<string>): DocumentVersion[] {
  const last = new Map<string, DocumentVersion>();
  for (const [collection, id, doc] of staged) {
    if (!versioned.has(collection)) continue;
    const key = `${collection}\u0000${id}`;
    last.delete(key);
    last.set(key, { position, collection, id, doc });
  }
  return [...last.values()];
}
