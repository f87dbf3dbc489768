import { LRUCache } from 'lru-cache';
import { documentKey } from './read-store.port';

/** A document known to be absent (the cache holds no null). */
const ABSENT = Symbol('absent');

/**
 * A live projection's documents as it last stored them (JSON text; null for one it found absent
 * or deleted), kept across its batches up to a bound, least recently used dropped first. A
 * projection rereads the same documents batch after batch — a problem's ledger row and folded
 * state, its search entry, for every note on it — and each read from the store was a lookup, a
 * parse into an object and a serialization back to text for the batch (about a sixth of the
 * projector thread's time under a stream of progress notes); a kept one is only parsed.
 *
 * It holds only what the projection itself committed or read since its checkpoint was last read:
 * its collections are written by it alone, under its lease, so they cannot change behind it. The
 * runner drops everything kept whenever it reads its checkpoint again (a start, a failure, another
 * runner's commit, a rebuild or a divergence).
 */
export class KeptDocuments {
  /** None with a bound of 0 (keeping nothing). */
  private readonly docs: LRUCache<string, string | typeof ABSENT> | null;

  constructor(maxBytes: number) {
    this.docs = maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (body, key) => key.length + (body === ABSENT ? 0 : body.length) }) : null;
  }

  /** The document's text, null when it is known to be absent, undefined when it is not kept. */
  get(collection: string, id: string): string | null | undefined {
    const body = this.docs?.get(documentKey(collection, id));
    return body === ABSENT ? null : body;
  }

  /** After a commit: the document as it now stands in the store (one larger than the bound is not kept). */
  set(collection: string, id: string, body: string | null): void {
    this.docs?.set(documentKey(collection, id), body ?? ABSENT);
  }

  clear(): void {
    this.docs?.clear();
  }

  get size(): number {
    return this.docs?.size ?? 0;
  }
}
