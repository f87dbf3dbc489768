import { EventStore, StoredEvent } from '@platform/event-store';

const BATCH = 5000;

/**
 * Keeps an in-memory view of some events current: each refresh reads only what was appended since
 * the last event it applied, so asking is cheap and always sees the writes made before it asked.
 * Concurrent callers may read the same batch; the position guard applies each event once. A batch
 * shorter than asked for is the end: no second read to find that nothing more is there.
 */
export class EventFold {
  private applied = 0;

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly filter: { readonly types: readonly string[]; readonly streamPrefix?: string },
    private readonly apply: (event: StoredEvent) => void,
  ) {}

  /** The global position of the last event applied. */
  get position(): number {
    return this.applied;
  }

  async refresh(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.applied, types: this.filter.types, streamPrefix: this.filter.streamPrefix, limit: BATCH });
      for (const e of batch) {
        if (e.position <= this.applied) continue;
        this.apply(e);
        this.applied = e.position;
      }
      if (batch.length < BATCH) return;
    }
  }
}
