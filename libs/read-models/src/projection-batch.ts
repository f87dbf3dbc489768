import type { StoredEvent } from '@platform/event-store';
import { matcher, normalizeWrite } from './memory/documents';
import type { KeptDocuments } from './kept-documents';
import { MergeWrite, Projection, ProjectionContext } from './projection';
import { InvalidDocumentWriteError, ProjectionEventError } from './read-store.errors';
import { AnyDocument, BatchHistory, documentKey, DocumentVersion, DocumentWrite, Filter, RangedVersion, ReadDocument, ReadStore, remove, UpsertWrite } from './read-store.port';
import { PendingVersions } from './pending-versions';

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
 * A pending document: its JSON text (null when deleted), parsed again for each reader — a copy
 * no caller can change what is pending through, cheaper than cloning the object — and parsed once
 * more, kept, when `find` tests it. A document merges changed (see MergeWrite) is held parsed
 * instead, and serialized only when someone needs its text (see PendingDocuments.text).
 */
interface PendingDocument {
  /** Out of date while `merged` holds the document. */
  body: string | null;
  parsed?: AnyDocument;
  merged?: AnyDocument;
  /** What a merged document counts in `bytes`: the text it was parsed from, or its first serialization. */
  size?: number;
}

/** An id under a value (under each element of an array, which an equality matches too). */
function listUnder(index: Map<unknown, Set<string>>, value: unknown, id: string): void {
  for (const v of Array.isArray(value) ? value : [value]) {
    let ids = index.get(v);
    if (!ids) index.set(v, (ids = new Set()));
    ids.add(id);
  }
}

/** Per projection, per collection: the single top-level fields it declares indexes on (scalar or array), which lookup lists values of. */
const LOOKUP_FIELDS = new WeakMap<Projection, ReadonlyMap<string, readonly string[]>>();

function lookupFields(projection: Projection): ReadonlyMap<string, readonly string[]> {
  let fields = LOOKUP_FIELDS.get(projection);
  if (!fields) {
    const declared = Object.entries(projection.indexes ?? {}).map(([c, f]): [string, string[]] => [c, Object.keys(f).filter((k) => !k.includes(',') && !k.includes('.'))]);
    LOOKUP_FIELDS.set(projection, (fields = new Map(declared)));
  }
  return fields;
}

/** What a pending document counts in `bytes` (unless its collection is versioned). */
const heldBy = (doc: PendingDocument): number => (doc.merged !== undefined ? (doc.size ?? 0) : (doc.body?.length ?? 0));

/**
 * The documents a projection changed since its last commit, not yet stored: each one's latest
 * image (null when deleted) and, for versioned collections, every image in event order. The runner
 * keeps one across many batches while a projection is far behind, so a document written by many
 * events is stored once per flush instead of once per batch.
 */
export class PendingDocuments {
  readonly overlay = new Map<string, Map<string, PendingDocument>>();
  /**
   * Documents evolve read from the store and has not changed (null when absent), as JSON text: read
   * again, say a tree node on every event under it, they are parsed from memory instead of looked up
   * in the store. Only this projection writes its collections, and only when it stores what is
   * pending, which ends this object, so they cannot go stale.
   */
  readonly read = new Map<string, Map<string, string | null>>();
  private readonly pendingVersions = new PendingVersions();
  /** JSON text of every image evolve wrote into it, kept or since replaced (see pendingWeight). */
  written = 0;
  /** Events applied into it. */
  events = 0;
  /** JSON text of its documents held (each one's latest image outside versioned collections, documents read). */
  documentBytes = 0;
  /** Collections evolve searched with `find` by scanning all their pending documents (see lookup). */
  readonly searched = new Set<string>();
  /**
   * Per collection and declared field, the pending documents by the field's value: built at the
   * first search with an equality on the field, then told of every write (see noteWritten). A
   * document is listed under every value it was written with; the search tests each it lists.
   */
  private readonly byValue = new Map<string, Map<string, Map<unknown, Set<string>>>>();

  constructor(readonly projection: Projection) {}

  /** Every image of its versioned documents held, in event order. */
  get versions(): DocumentVersion[] {
    return this.pendingVersions.all();
  }

  /** A versioned document's image, after the event's writes reached the overlay. */
  addVersion(version: DocumentVersion): void {
    this.pendingVersions.add(version);
  }

  /** JSON text it holds (documents and versions): what bounds its memory. */
  get bytes(): number {
    return this.documentBytes + this.pendingVersions.bytes;
  }

  get versioned(): readonly string[] {
    return this.projection.versioned ?? [];
  }

  /**
   * The ids of the pending documents that may match `filter`, when it asks a declared field to
   * equal a string, number or boolean (those listed under that value: a superset of the matches);
   * null when the search must test every pending document of the collection.
   */
  lookup(collection: string, filter: Filter): Iterable<string> | null {
    const fields = lookupFields(this.projection).get(collection);
    if (!fields) return null;
    for (const [field, value] of Object.entries(filter)) {
      if (!fields.includes(field) || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) continue;
      return this.valueIndex(collection, field).get(value) ?? [];
    }
    return null;
  }

  /** A document just written (null when deleted), listed under its values in the collection's built value indexes. */
  noteWritten(collection: string, id: string, doc: AnyDocument | null | (() => AnyDocument | null)): void {
    const indexes = this.byValue.get(collection);
    if (!indexes) return;
    const written = typeof doc === 'function' ? doc() : doc;
    if (written) for (const [field, index] of indexes) listUnder(index, written[field], id);
  }

  private valueIndex(collection: string, field: string): Map<unknown, Set<string>> {
    let indexes = this.byValue.get(collection);
    if (!indexes) this.byValue.set(collection, (indexes = new Map()));
    let index = indexes.get(field);
    if (!index) {
      indexes.set(field, (index = new Map()));
      for (const [id, doc] of this.overlay.get(collection) ?? []) {
        const body = this.text(doc);
        if (body !== null) listUnder(index, (doc.parsed ??= JSON.parse(body) as AnyDocument)[field], id);
      }
    }
    return index;
  }

  /** The most documents pending in one collection that evolve searches by scanning them. */
  searchedPending(): number {
    let most = 0;
    for (const c of this.searched) most = Math.max(most, this.overlay.get(c)?.size ?? 0);
    return most;
  }

  writes(): DocumentWrite[] {
    const writes: DocumentWrite[] = [];
    for (const [collection, docs] of this.overlay) {
      for (const [id, doc] of docs) {
        const body = this.text(doc);
        writes.push(body === null ? remove(collection, id) : serializedUpsert(collection, id, body));
      }
    }
    return writes;
  }

  /** A pending document's JSON text; one merges changed is serialized now and held as text until the next merge. */
  text(doc: PendingDocument): string | null {
    if (doc.merged === undefined) return doc.body;
    const body = JSON.stringify(doc.merged);
    this.documentBytes += body.length - (doc.size ?? 0);
    doc.body = body;
    doc.merged = undefined;
    doc.size = undefined;
    doc.parsed = undefined;
    return body;
  }

  history(): BatchHistory | undefined {
    if (this.versioned.length === 0) return undefined;
    const ahead = this.pendingVersions.ahead;
    return { collections: [...this.versioned], versions: this.versions, ...(ahead ? { ahead: true, closed: ahead.closed } : {}) };
  }

  /**
   * Takes out the versions a later image of their document replaced, with their ranges, to be
   * written ahead of the commit (ReadStore.writeVersionsAhead); each document's latest image stays,
   * as its range is not known yet. `stored`: whether the store may hold versions open since the
   * checkpoint (not after a rebuild's reset with nothing committed since), closed by the first of
   * their document's taken out.
   */
  takeReplaced(stored: boolean): RangedVersion[] {
    return this.pendingVersions.takeReplaced(stored);
  }

  /** JSON text of the versions added since they were last taken out (or since it began). */
  get newVersionBytes(): number {
    return this.pendingVersions.newBytes;
  }
}

/**
 * Runs evolve over a batch of events, in order, against an overlay of the batch's own pending
 * writes on top of the store: each event sees the documents as the previous events left them,
 * exactly as if every event had been committed on its own.
 */
export async function evolveBatch(projection: Projection, events: readonly StoredEvent[], store: Pick<ReadStore, 'get' | 'find'>): Promise<EvolvedBatch> {
  const pending = new PendingDocuments(projection);
  const { applied, error } = await evolveInto(pending, events, store);
  const history = pending.history();
  return { writes: pending.writes(), applied, error, ...(history ? { history } : {}) };
}

/**
 * Evolve over the events into `pending` (on top of the store), in order. Only a fully applied
 * event reaches it: after an error it holds exactly the events before the failing one. `kept`: the
 * stored documents a live projection keeps in memory (see KeptDocuments), looked at before the store.
 */
export async function evolveInto(
  pending: PendingDocuments,
  events: readonly StoredEvent[],
  store: Pick<ReadStore, 'get' | 'find'>,
  kept?: Pick<KeptDocuments, 'get'>,
): Promise<{ applied: number; error: ProjectionEventError | null }> {
  const projection = pending.projection;
  const overlay = pending.overlay;
  const versioned = new Set(pending.versioned);
  const owned = new Set(projection.collections);
  const own = (collection: string) => {
    if (!owned.has(collection)) {
      throw new InvalidDocumentWriteError(`projection ${projection.name} does not own collection ${collection}`);
    }
  };
  const ctx: ProjectionContext = {
    async get<D extends ReadDocument = AnyDocument>(collection: string, id: string) {
      own(collection);
      const changed = overlay.get(collection)?.get(id);
      if (changed) {
        const body = pending.text(changed);
        return body === null ? null : (JSON.parse(body) as D);
      }
      let read = pending.read.get(collection);
      if (!read) pending.read.set(collection, (read = new Map()));
      const known = read.get(id) ?? kept?.get(collection, id);
      if (known !== undefined) return known === null ? null : (JSON.parse(known) as D);
      const doc = await store.get<D>(collection, id);
      const body = doc === null ? null : JSON.stringify(doc);
      read.set(id, body);
      pending.documentBytes += body?.length ?? 0;
      return doc;
    },
    async find<D extends ReadDocument = AnyDocument>(collection: string, filter: Filter = {}) {
      own(collection);
      const ids = pending.lookup(collection, filter);
      if (ids === null) pending.searched.add(collection);
      const docs = overlay.get(collection);
      const stored = await store.find<AnyDocument>(collection, filter);
      if (!docs) return stored as unknown as D[];
      const result = stored.filter((d) => !docs.has(d._id));
      // One compiled filter for every pending document: compiling it per document (mingo builds a
      // context each time) was most of a first start's time once a batch held thousands of them.
      const test = matcher(filter);
      for (const doc of ids === null ? docs.values() : pendingOf(docs, ids)) {
        const body = pending.text(doc);
        if (body === null) continue;
        doc.parsed ??= JSON.parse(body) as AnyDocument;
        if (test(doc.parsed)) result.push(JSON.parse(body) as AnyDocument);
      }
      return result as unknown as D[];
    },
  };

  // The document as this batch knows it (its pending image, or what it read of the store), as
  // text: a write of the same text changes nothing (a progress note leaves its problem's folded
  // state as it was) and is left out, with the row, the index entries and the version it would write.
  const imageOf = (collection: string, id: string): string | null | undefined => {
    const changed = overlay.get(collection)?.get(id);
    if (changed) return pending.text(changed);
    return pending.read.get(collection)?.get(id) ?? kept?.get(collection, id);
  };

  // A merge's document read before the event reaches the overlay, so that applying it cannot fail.
  const readForMerge = async (w: MergeWrite): Promise<void> => {
    if (versioned.has(w.collection)) throw new InvalidDocumentWriteError(`merge into ${w.collection}: a versioned collection keeps an image per event, so write the document`);
    if (typeof w.id !== 'string' || w.id === '') throw new InvalidDocumentWriteError(`merge into ${w.collection}: id must be a non-empty string`);
    // A collection merged into is one looked documents up in, whose documents a live runner keeps after the commit.
    if (!pending.read.has(w.collection)) pending.read.set(w.collection, new Map());
    if (!overlay.get(w.collection)?.has(w.id) && imageOf(w.collection, w.id) === undefined) await ctx.get(w.collection, w.id);
  };

  /** Applies a merge to the document as pending or read; what it adds to what is held. */
  const applyMerge = (w: MergeWrite): number => {
    let docs = overlay.get(w.collection);
    if (!docs) overlay.set(w.collection, (docs = new Map()));
    const previous = docs.get(w.id);
    let current: AnyDocument | null;
    let size: number;
    let replaced: number;
    if (previous) {
      current = previous.merged ?? (previous.body === null ? null : (JSON.parse(previous.body) as AnyDocument));
      size = replaced = heldBy(previous);
    } else {
      const read = pending.read.get(w.collection)?.get(w.id);
      const text = read ?? kept?.get(w.collection, w.id) ?? null;
      current = text === null ? null : (JSON.parse(text) as AnyDocument);
      size = text?.length ?? 0;
      replaced = read?.length ?? 0;
      pending.read.get(w.collection)?.delete(w.id);
    }
    const merged = w.apply(current);
    if (size === 0) size = JSON.stringify(merged).length;
    docs.set(w.id, { body: null, merged, size });
    pending.noteWritten(w.collection, w.id, merged);
    pending.written += size;
    return size - replaced;
  };

  let applied = 0;
  for (const event of events) {
    try {
      const writes = await projection.evolve(event, ctx);
      const staged: Array<Staged | MergeWrite> = [];
      for (const w of writes) {
        own(w.collection);
        if (w.op === 'merge') {
          await readForMerge(w);
          staged.push(w);
          continue;
        }
        const n = normalizeWrite(w);
        if (n.body !== null && n.body === imageOf(n.collection, n.id)) continue;
        staged.push([n.collection, n.id, n.body, w.op === 'upsert' && !w.serialized ? w.doc : undefined]);
      }
      // Only a fully successful event reaches the overlay; a document's new image replaces its
      // previous one (and what was read of it), so only the difference adds to what is held. In a
      // versioned collection the image is also a version, the same text, held until the commit
      // with every earlier image: counted once, as a version (counted twice, the ledger's current
      // problems and tallies took a fifth of the bound and made it store a third more often).
      let bytes = 0;
      for (const write of staged) {
        if (!Array.isArray(write)) {
          bytes += applyMerge(write);
          continue;
        }
        const [collection, id, body, doc] = write;
        pending.written += body?.length ?? 0;
        let docs = overlay.get(collection);
        if (!docs) overlay.set(collection, (docs = new Map()));
        const previous = docs.get(id);
        const asVersion = versioned.has(collection);
        const replaced = previous ? (asVersion ? 0 : heldBy(previous)) : (pending.read.get(collection)?.get(id)?.length ?? 0);
        bytes += (asVersion ? 0 : (body?.length ?? 0)) - replaced;
        if (!previous) pending.read.get(collection)?.delete(id);
        docs.set(id, { body });
        pending.noteWritten(collection, id, () => (doc as AnyDocument | undefined) ?? (body === null ? null : (JSON.parse(body) as AnyDocument)));
      }
      if (versioned.size > 0) {
        const versions = eventVersions(event.position, staged.filter((w): w is Staged => Array.isArray(w)), versioned);
        for (const v of versions) pending.addVersion(v);
      }
      pending.documentBytes += bytes;
      pending.events++;
      applied++;
    } catch (cause) {
      return { applied, error: new ProjectionEventError(projection.name, event.position, event.type, event.eventId, cause) };
    }
  }
  return { applied, error: null };
}

/** An upsert of a document already serialized: stores take its text; `doc` is parsed only if one asks for it. */
function serializedUpsert(collection: string, id: string, body: string): UpsertWrite {
  let doc: AnyDocument | undefined;
  return {
    op: 'upsert',
    collection,
    serialized: { id, body },
    get doc() {
      return (doc ??= JSON.parse(body) as AnyDocument);
    },
  };
}

/** A write as text, with the object it was serialized from when evolve gave one. */
type Staged = [collection: string, id: string, body: string | null, doc?: ReadDocument];

/** The pending documents of these ids (ids of documents no longer pending are passed over). */
function* pendingOf(docs: ReadonlyMap<string, PendingDocument>, ids: Iterable<string>): Iterable<PendingDocument> {
  for (const id of ids) {
    const doc = docs.get(id);
    if (doc) yield doc;
  }
}

/** One image per document the event changed in a versioned collection (its last write wins). */
function eventVersions(position: number, staged: readonly Staged[], versioned: ReadonlySet<string>): DocumentVersion[] {
  const last = new Map<string, DocumentVersion>();
  for (const [collection, id, body] of staged) {
    if (!versioned.has(collection)) continue;
    const key = documentKey(collection, id);
    last.delete(key);
    last.set(key, body === null ? { position, collection, id, doc: null } : { position, collection, id, body });
  }
  return [...last.values()];
}
