import { StoredEvent } from '../event-envelope';
import { EventStore, EventStoreCapabilities } from '../event-store.port';

export const IDEMPOTENCY_LOOKUP = Symbol('IDEMPOTENCY_LOOKUP');

/**
 * Finds what a command stored under its idempotency key, so that a retried command is answered
 * with its first result instead of being decided again. Apart from the event store because not
 * every store can answer it: the embedded store indexes the key beside its events; KurrentDB has
 * no index by metadata and deduplicates event ids only within a window (see docs/architecture.md,
 * "Idempotency"), so there the lookup is served by its own adapter.
 */
export interface IdempotencyLookup {
  /**
   * The events stored under this exact key, in position order, or [] when none. Sees every append
   * acknowledged before the call (read-your-writes): a retry sent after the first answer finds it.
   */
  findByIdempotencyKey(key: string): Promise<StoredEvent[]>;
}

/**
 * The write side of a command: the stream it decides on, the append, and the lookup of earlier
 * results. One stream per append: no command needs an atomic write of several streams, which a
 * clustered store does not offer (a command that writes several streams writes them one after
 * another, see CommandWrites).
 */
export const COMMAND_STORE = Symbol('COMMAND_STORE');
/**
 * `globalEventIds`, the event store's capability, where it holds (commandStoreOf passes it on): a
 * retried command's derived ids are recognised wherever they are stored, so its key need not be
 * looked up before deciding. Absent or false: the lookup answers a retry first.
 */
export type CommandStore = Pick<EventStore, 'readStream' | 'append'> & IdempotencyLookup & Partial<KnownStreamHeads> & Partial<Pick<EventStoreCapabilities, 'globalEventIds'>>;

/** A store that can tell a stream's last revision without a query when it wrote it last (the embedded store can). */
export interface KnownStreamHeads {
  lastRevisionKnown(streamId: string): number | null;
}

const knowsStreamHeads = (store: object): store is KnownStreamHeads => typeof (store as Partial<KnownStreamHeads>).lastRevisionKnown === 'function';

export function commandStoreOf(events: EventStore, lookup: IdempotencyLookup): CommandStore {
  return {
    readStream: (streamId, options) => events.readStream(streamId, options),
    append: (streamId, newEvents, expected) => events.append(streamId, newEvents, expected),
    findByIdempotencyKey: (key) => lookup.findByIdempotencyKey(key),
    globalEventIds: events.capabilities.globalEventIds,
    ...(knowsStreamHeads(events) ? { lastRevisionKnown: (streamId: string) => events.lastRevisionKnown(streamId) } : {}),
  };
}
