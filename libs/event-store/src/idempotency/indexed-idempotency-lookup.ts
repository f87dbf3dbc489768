import { AppendResult, ExpectedRevision, NewEvent, StoredEvent, StreamWrite } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { IdempotencyIndex, KeyedWrite } from './idempotency-index.port';
import { IdempotencyLookup } from './idempotency-lookup.port';

/**
 * The idempotency lookup of a store that cannot be asked by key: every append that carries keys is
 * first recorded in the index (key → stream and event ids), then made. A lookup reads the recorded
 * streams and keeps the events whose ids were recorded, so it answers only what the store holds:
 *  - a crash after the record and before the append leaves an intent with no events: the key finds
 *    nothing and a retry runs the command again, deriving the same event ids from the key;
 *  - a crash after the append cannot lose the key, whose record came first.
 * A retry that runs again after an append whose answer was lost meets its own events already in the
 * stream: the adapter recognises them by id within the stream (deduplicated, or refused when only
 * part of them is there), which is why command event ids are derived from the key (CommandWrites).
 */
export class IndexedIdempotencyLookup implements IdempotencyLookup {
  constructor(
    private readonly events: Pick<EventStore, 'readStream'>,
    private readonly index: IdempotencyIndex,
  ) {}

  async findByIdempotencyKey(key: string): Promise<StoredEvent[]> {
    if (key === '') return [];
    const found = new Map<string, StoredEvent>();
    for (const write of await this.index.writesOf(key)) {
      const ids = new Set(write.eventIds);
      for (const e of await this.events.readStream(write.streamId)) {
        if (ids.has(e.eventId) && e.idempotencyKey === key) found.set(e.eventId, e);
      }
    }
    return [...found.values()].sort((a, b) => a.position - b.position);
  }
}

/** The store with its keyed appends recorded in the index before they are made, and the lookup over both. */
export function withIdempotencyIndex<S extends EventStore>(store: S, index: IdempotencyIndex): S & IdempotencyLookup {
  const lookup = new IndexedIdempotencyLookup(store, index);
  const recordFirst = async (writes: readonly StreamWrite[]) => {
    const byKey = new Map<string, KeyedWrite[]>();
    for (const w of writes) {
      for (const e of w.events) {
        if (!e.idempotencyKey) continue;
        const list = byKey.get(e.idempotencyKey) ?? [];
        const last = list.find((k) => k.streamId === w.streamId);
        if (last) (last.eventIds as string[]).push(e.eventId);
        else list.push({ streamId: w.streamId, eventIds: [e.eventId] });
        byKey.set(e.idempotencyKey, list);
      }
    }
    for (const [key, list] of byKey) await index.record(key, list);
  };
  const append = async (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> => {
    await recordFirst([{ streamId, events, expected }]);
    return store.append(streamId, events, expected);
  };
  const appendMany = async (writes: readonly StreamWrite[]): Promise<AppendResult[]> => {
    await recordFirst(writes);
    return store.appendMany(writes);
  };
  const close = async () => {
    await store.close();
    await index.close();
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      if (property === 'appendMany') return appendMany;
      if (property === 'close') return close;
      if (property === 'findByIdempotencyKey') return (key: string) => lookup.findByIdempotencyKey(key);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as S & IdempotencyLookup;
}
