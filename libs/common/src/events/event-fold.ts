import { EventStore, StoredEvent } from '@platform/event-store';

const BATCH = 5000;

/** A store that can tell without a query that nothing of some types was stored after a position (the embedded store can). */
export interface AppendedTypes {
  appendedSince(after: number, types: readonly string[]): boolean;
}

type FoldStore = Pick<EventStore, 'readAll'> & Partial<Pick<EventStore, 'headPosition'> & AppendedTypes>;

/**
 * Keeps an in-memory view of some events current: each refresh reads only what was appended since
 * the last event it applied, so asking is cheap and always sees the writes made before it asked.
 * Concurrent callers may read the same batch; the position guard applies each event once. A batch
 * shorter than asked for is the end: no second read to find that nothing more is there. Where the
 * store tells that none of the types was appended since the last read, a refresh reads nothing.
 */
export class EventFold {
  private applied = 0;
  /** Every event of the types up to here is applied (the head when last read). */
  private scanned = 0;

  constructor(
    private readonly store: FoldStore,
    private readonly filter: { readonly types: readonly string[]; readonly streamPrefix?: string },
    private readonly apply: (event: StoredEvent) => void,
  ) {}

  /** The global position of the last event applied. */
  get position(): number {
    return this.applied;
  }

  async refresh(): Promise<void> {
    const watched = this.store.appendedSince && this.store.headPosition ? { since: this.store.appendedSince.bind(this.store), head: this.store.headPosition.bind(this.store) } : null;
    if (watched && !watched.since(Math.max(this.scanned, this.applied), this.filter.types)) return;
    // Read up to the head as it is now, so that everything up to it is known to be applied.
    const until = watched ? await watched.head() : undefined;
    for (;;) {
      const batch = await this.store.readAll({ after: this.applied, until, types: this.filter.types, streamPrefix: this.filter.streamPrefix, limit: BATCH });
      for (const e of batch) {
        if (e.position <= this.applied) continue;
        this.apply(e);
        this.applied = e.position;
      }
      if (batch.length < BATCH) {
        if (until !== undefined) this.scanned = Math.max(this.scanned, until);
        return;
      }
    }
  }
}
