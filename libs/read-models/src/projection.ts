import type { StoredEvent } from '@platform/event-store';
import { AnyDocument, DocumentWrite, FieldShape, Filter, ReadDocument, remove, upsert } from './read-store.port';

/** Read access to the projection's own documents as they stand before the event being evolved. */
export interface ProjectionContext {
  get<D extends ReadDocument = AnyDocument>(collection: string, id: string): Promise<D | null>;
  /** Documents matching a MongoDB filter; order unspecified. */
  find<D extends ReadDocument = AnyDocument>(collection: string, filter?: Filter): Promise<D[]>;
}

/**
 * A change a projection makes to a document in place: for documents many events add to and no
 * view needs an image of per event (a roll-up's sums, which every change of a unit below them
 * adds to). Their pending image stays parsed between events and `apply` changes it, so such a
 * document is parsed and serialized once per commit instead of once per event that touches it
 * (the ledger's tree-node tallies were a third of its rebuild that way).
 */
export interface MergeWrite<D extends ReadDocument = AnyDocument> {
  readonly op: 'merge';
  readonly collection: string;
  readonly id: string;
  /**
   * The document after the change, made from `current` (null when absent) — which it may change
   * and return, since the pending image passed in is no one else's — or new. Applied only once the
   * event's evolve has returned without error; it must not throw.
   */
  apply(current: D | null): D;
}

/** What evolve returns: documents to write or delete, and changes made in place. */
export type ProjectionWrite = DocumentWrite | MergeWrite;

export function merge<D extends ReadDocument>(collection: string, id: string, apply: (current: D | null) => D): MergeWrite {
  return { op: 'merge', collection, id, apply: apply as MergeWrite['apply'] };
}

/**
 * A read model: a pure function from (its current documents, one stored event) to document writes.
 * `evolve` may update several documents per event (a unit's row and its campaign's roll-up), reads
 * only through `ctx` (the batch's pending writes first, then the store), and does no other I/O, no
 * clock, no randomness: replaying the same events always gives the same documents, which is what
 * rebuilds and "as of" views rely on.
 */
export interface Projection<E = unknown> {
  /** Unique; names the checkpoint. */
  readonly name: string;
  /** Bump it when evolve changes meaning: a stored checkpoint of another version triggers a rebuild. */
  readonly version: number;
  /** The collections it owns: it alone writes them, and a rebuild empties them. */
  readonly collections: readonly string[];
  /**
   * Collections whose every version is kept with the range of positions in which it was current,
   * so "as of" a past position is a query, not a replay (stores without versions replay instead).
   * Name the collections views read; the projection's private memory needs no history.
   */
  readonly versioned?: readonly string[];
  /** Event types it reads; other events are never passed to evolve. */
  readonly handles: readonly string[];
  /** Shapes of the fields its readers filter and sort on, per collection (see ReadStore.ensureIndexes). */
  readonly indexes?: Readonly<Record<string, Readonly<Record<string, FieldShape>>>>;
  /**
   * Collections that take about one document per event, most of the rows a rebuild writes (the
   * audit trail's entries): a rebuild from nothing builds their declared indexes once, at its end,
   * instead of an entry per write (see ReadStore.resetForBulkLoad). Left out, a collection keeps its
   * indexes write by write, which costs less for the collections whose documents are few and
   * rewritten often.
   */
  readonly indexedAtEnd?: readonly string[];
  /**
   * Collections whose documents its events write once and never rewrite or delete (the audit
   * trail's entries): a store may insert them without first looking for a stored one and its array
   * elements (see CommitBatch.writtenOnce).
   */
  readonly writtenOnce?: readonly string[];
  /** String fields searched by substring, per collection (see ReadStore.ensureTextIndex). */
  readonly textIndexes?: Readonly<Record<string, readonly string[]>>;
  /** Merges (see MergeWrite) only into collections not versioned: a version is an image per event. */
  evolve(event: StoredEvent<E>, ctx: ProjectionContext): Promise<readonly ProjectionWrite[]> | readonly ProjectionWrite[];
}

/**
 * The common case of one document per key: `evolve(document, event) → document | null` (null
 * deletes it), e.g. one row per unit keyed by the event's stream or data.
 */
export function documentProjection<D extends ReadDocument, E = unknown>(definition: {
  name: string;
  version: number;
  collection: string;
  handles: readonly string[];
  indexes?: Readonly<Record<string, FieldShape>>;
  textIndex?: readonly string[];
  /** Which document the event is about; null ignores the event. */
  id(event: StoredEvent<E>): string | null;
  evolve(current: D | null, event: StoredEvent<E>): D | null;
}): Projection<E> {
  return {
    name: definition.name,
    version: definition.version,
    collections: [definition.collection],
    handles: definition.handles,
    ...(definition.indexes ? { indexes: { [definition.collection]: definition.indexes } } : {}),
    ...(definition.textIndex ? { textIndexes: { [definition.collection]: definition.textIndex } } : {}),
    async evolve(event, ctx) {
      const id = definition.id(event);
      if (id === null) return [];
      const current = await ctx.get<D>(definition.collection, id);
      const next = definition.evolve(current, event);
      if (next === null) return current ? [remove(definition.collection, id)] : [];
      if (next._id !== id) throw new Error(`${definition.name}: evolve returned _id ${next._id} for document ${id}`);
      return [upsert(definition.collection, next)];
    },
  };
}

export function assertValidProjection(p: Projection): void {
  if (!p.name || typeof p.name !== 'string') throw new Error('projection needs a name');
  if (!Number.isInteger(p.version) || p.version < 1) throw new Error(`projection ${p.name}: version must be an integer ≥ 1`);
  if (p.collections.length === 0) throw new Error(`projection ${p.name}: no collections`);
  if (p.handles.length === 0) throw new Error(`projection ${p.name}: handles no event type`);
  const stray = (p.versioned ?? []).find((c) => !p.collections.includes(c));
  if (stray) throw new Error(`projection ${p.name}: versioned collection ${stray} is not one of its collections`);
  const strayIndexed = (p.indexedAtEnd ?? []).find((c) => !p.collections.includes(c));
  if (strayIndexed) throw new Error(`projection ${p.name}: collection ${strayIndexed} indexed at the end is not one of its collections`);
  const strayOnce = (p.writtenOnce ?? []).find((c) => !p.collections.includes(c));
  if (strayOnce) throw new Error(`projection ${p.name}: collection ${strayOnce} written once is not one of its collections`);
  if (typeof p.evolve !== 'function') throw new Error(`projection ${p.name}: evolve is not a function`);
}
