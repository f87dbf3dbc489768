import { documentKey, DocumentVersion, RangedVersion } from './read-store.port';

/**
 * An image held; null once taken out, so that its text is freed as soon as it is written ahead,
 * not when the list is next compacted (a rebuild takes out thousands of kilobyte texts a round).
 */
interface Held {
  version: DocumentVersion | null;
}

/**
 * The pending images of a projection's versioned documents, in event order. A rebuild takes out the
 * images later ones replaced, round after round, while the latest image of every document it touched
 * stays until the commit: so the replaced ones are listed as they are replaced, and taking them out
 * costs what it takes out. Found by going through every image held, each round went through the
 * latest image of every problem and tally of the city as well — a cost per event that grew with
 * the city (the ledger rebuilt alone, profiled: 2.4 µs per ledger event at half the demo city,
 * 7.2 µs at twice; listed as they are replaced, 2.4 and 2.9 µs).
 */
export class PendingVersions {
  private held: Held[] = [];
  /** Per collection and document, its latest image (ids under their collection: no key built per image). */
  private readonly latest = new Map<string, Map<string, Held>>();
  /** Images replaced since the last round, each with the position of the image that replaced it. */
  private replaced: Array<{ readonly held: Held; readonly validTo: number }> = [];
  private taken = 0;
  /** JSON text of the images held. */
  bytes = 0;
  /** `bytes` when images were last taken out: the latest images that stayed. */
  private keptBytes = 0;
  /** Documents whose version stored open at the checkpoint an image taken out already closed. */
  private readonly closed = new Set<string>();
  private wroteAhead = false;

  add(version: DocumentVersion): void {
    let latest = this.latest.get(version.collection);
    if (!latest) this.latest.set(version.collection, (latest = new Map()));
    const before = latest.get(version.id);
    if (before) this.replaced.push({ held: before, validTo: version.position });
    const held: Held = { version };
    latest.set(version.id, held);
    this.held.push(held);
    this.bytes += version.body?.length ?? 0;
  }

  /** Every image held, in event order. */
  all(): DocumentVersion[] {
    this.compact();
    return this.held.map((h) => h.version!);
  }

  /** JSON text of the images added since images were last taken out. */
  get newBytes(): number {
    return this.bytes - this.keptBytes;
  }

  /** Once images were taken out (to be written ahead of the commit): the stored versions they closed. */
  get ahead(): { readonly closed: ReadonlySet<string> } | null {
    return this.wroteAhead ? { closed: this.closed } : null;
  }

  /**
   * Takes out the images a later one of their document replaced, in the order they were replaced:
   * a document's in event order, the documents among themselves in no order that matters (they are
   * written in the order of the key). `stored`: whether the store may hold versions open since the
   * checkpoint (not after a rebuild's reset with nothing committed since), each closed by the first
   * image of its document taken out.
   */
  takeReplaced(stored: boolean): RangedVersion[] {
    const replaced = this.replaced;
    this.replaced = [];
    const out = replaced.map(({ held, validTo }): RangedVersion => {
      const version = held.version!;
      held.version = null;
      this.bytes -= version.body?.length ?? 0;
      const key = documentKey(version.collection, version.id);
      const closes = stored && !this.closed.has(key);
      if (closes) this.closed.add(key);
      return { ...version, validTo, closes };
    });
    this.keptBytes = this.bytes;
    if (out.length > 0) this.wroteAhead = true;
    this.taken += out.length;
    // Compacted once half the slots are taken ones: each slot is gone through a bounded number of times.
    if (this.taken * 2 > this.held.length) this.compact();
    return out;
  }

  private compact(): void {
    if (this.taken === 0) return;
    this.held = this.held.filter((h) => h.version !== null);
    this.taken = 0;
  }
}
