import { StoredEvent } from '../event-envelope';
import { EventStore, ReadAllOptions } from '../event-store.port';
import { recomputedHash } from '../kurrentdb/kurrentdb-envelope';
import { ChainRow, EventRow, rowHash } from '../sqlite/sqlite-schema';

/** An event of `$all` as the notary reads it: where it stands, which event it is, and its own hash. */
export interface SourcedEvent extends Pick<StoredEvent, 'position' | 'eventId' | 'streamId' | 'streamRevision' | 'hash' | 'prevHash'> {
  /** The hash recomputed from the stored content (with the stored previous hash) equals the stored hash; computed when asked (the notary itself never asks). */
  contentHolds(): boolean;
}

/**
 * How the events' own hashes chain: `global` — each event's previous hash is the one of the event
 * before it in `$all` (the embedded store); `stream` — the one of its stream's previous revision
 * (KurrentDB, where no single writer orders all appends).
 */
export type EventChainScheme = 'global' | 'stream';

export interface NotarySource {
  readonly scheme: EventChainScheme;
  /** Positions are 1, 2, 3…: the head minus the tip counts the events not yet notarized. */
  readonly densePositions: boolean;
  /**
   * Events after `after` in `$all` order, at most `limit`, read as stored (no upcasting).
   * `links`: only what places each event in the chain is needed (the notary's rounds); a source
   * may then leave the content unread until contentHolds() is asked.
   */
  read(after: number, limit: number, links?: boolean): Promise<SourcedEvent[]>;
  headPosition(): Promise<number>;
}

/** The embedded store's rows, byte for byte: their hashes are the global chain's. */
interface RowSource {
  readAllRows(options: ReadAllOptions): EventRow[];
  readChainRows?(after: number, limit: number): ChainRow[];
  headPosition(): Promise<number>;
}

/** A store that reads `$all` without upcasting, so the per-stream hashes can be recomputed (KurrentDB). */
interface RawSource {
  readAllRaw(options: ReadAllOptions): Promise<StoredEvent[]>;
  headPosition(): Promise<number>;
}

export function rowNotarySource(store: RowSource): NotarySource {
  return {
    scheme: 'global',
    densePositions: true,
    read: async (after, limit, links) => {
      if (links && store.readChainRows) {
        // The rows' content is read only should its hash be asked about.
        const holds = (position: number) => {
          const [row] = store.readAllRows({ after: position - 1, limit: 1 });
          return row !== undefined && row.position === position && rowHash(row) === row.hash;
        };
        return store.readChainRows(after, limit).map((r) => ({ ...sourced(r), contentHolds: () => holds(r.position) }));
      }
      return store.readAllRows({ after, limit }).map((r) => ({ ...sourced(r), contentHolds: () => rowHash(r) === r.hash }));
    },
    headPosition: () => store.headPosition(),
  };
}

function sourced(r: ChainRow): Omit<SourcedEvent, 'contentHolds'> {
  return { position: r.position, eventId: r.event_id, streamId: r.stream_id, streamRevision: r.stream_revision, hash: r.hash, prevHash: r.prev_hash };
}

export function streamChainedNotarySource(store: RawSource): NotarySource {
  return {
    scheme: 'stream',
    densePositions: false,
    read: async (after, limit) =>
      (await store.readAllRaw({ after, limit })).map((e) => ({ ...e, contentHolds: () => recomputedHash(e) === e.hash })),
    headPosition: () => store.headPosition(),
  };
}

/**
 * The source for a store: the embedded store's rows (each hashed over its content, whether or not
 * the store promises its global chain), a clustered store's raw `$all` otherwise.
 */
export function notarySourceFor(store: EventStore): NotarySource {
  if ('readAllRows' in store) return rowNotarySource(store as unknown as RowSource);
  if ('readAllRaw' in store) return streamChainedNotarySource(store as unknown as RawSource);
  throw new Error('the notary needs the embedded store (its rows) or a store that reads $all without upcasting (readAllRaw)');
}
