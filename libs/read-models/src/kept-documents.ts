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
  private readonly docs = new Map<string, string | null>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The document's text, null when it is known to be absent, undefined when it is not kept. */
  get(collection: string, id: string): string | null | undefined {
    const key = keyOf(collection, id);
    const body = this.docs.get(key);
    if (body === undefined) return undefined;
    // Most recently used last: the first in the map go first.
    this.docs.delete(key);
    this.docs.set(key, body);
    return body;
  }

  /** After a commit: the document as it now stands in the store. */
  set(collection: string, id: string, body: string | null): void {
    const key = keyOf(collection, id);
    const size = sizeOf(key, body);
    const previous = this.docs.get(key);
    if (previous !== undefined) {
      this.bytes -= sizeOf(key, previous);
      this.docs.delete(key);
    }
    if (size > this.maxBytes) return;
    this.docs.set(key, body);
    this.bytes += size;
    for (const [oldest, body] of this.docs) {
      if (this.bytes <= this.maxBytes) break;
      this.docs.delete(oldest);
      this.bytes -= sizeOf(oldest, body);
    }
  }

  clear(): void {
    this.docs.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.docs.size;
  }
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
const sizeOf = (key: string, body: string | null) => key.length + (body?.length ?? 0);
