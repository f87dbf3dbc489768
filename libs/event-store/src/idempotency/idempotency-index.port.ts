/** Where one command's events went: a stream and the ids its events were appended under. */
export interface KeyedWrite {
  readonly streamId: string;
  readonly eventIds: readonly string[];
}

/**
 * An index from a command's scoped idempotency key to the streams and event ids it appended, for a
 * store that cannot be asked by key (KurrentDB). It records intents, not facts: a write is recorded
 * before its append, so the store stays the one source of truth and the index only says where to
 * look (see IndexedIdempotencyLookup).
 */
export interface IdempotencyIndex {
  /** Adds these writes to the key's record (created on first use); recording the same write again changes nothing. */
  record(key: string, writes: readonly KeyedWrite[]): Promise<void>;
  /** The writes recorded under exactly this key, in the order recorded; [] when none. */
  writesOf(key: string): Promise<KeyedWrite[]>;
  close(): Promise<void>;
}
