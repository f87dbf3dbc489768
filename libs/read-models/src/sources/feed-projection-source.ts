import type { EventStore, ReadAllOptions, StoredEvent } from '@platform/event-store';
import { FeedConsumer, FeedRecord } from './feed-consumer.port';
import { decodeFeedMessage } from './feed-message';
import { FeedWindow } from './feed-window';
import { ProjectionEventSource } from './projection-event-source';
import { PositionMerge } from './position-merge';

/** pino's shape: fields first, so the correlation id is a field of the line. */
export interface FeedLogger {
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface FeedProjectionSourceOptions {
  readonly consumer: FeedConsumer;
  /** The event store: what lies below the feed's window (a first start, a rebuild, a projection taken over from another projector). */
  readonly history: Pick<EventStore, 'readAll'>;
  /** The projections it feeds: offsets move once each stored its checkpoint past them (see `feeding`). */
  readonly projections: readonly string[];
  readonly logger?: FeedLogger;
}

/**
 * The projection feed as a projection event source: the consumer's partitions merged back into
 * position order, read by the runner like the event store. The runner's checkpoints decide what
 * is applied (it reads after its checkpoint, so a redelivered or older message changes nothing),
 * and the group's offsets move only after every projection fed stored its checkpoint past them.
 */
export class FeedProjectionSource implements ProjectionEventSource {
  private readonly merge = new PositionMerge();
  private readonly window = new FeedWindow();
  private readonly listeners = new Set<() => void>();
  private readonly checkpoints = new Map<string, number>();
  private fed: ReadonlySet<string>;
  private committed = 0;
  private committing: Promise<void> = Promise.resolve();
  /** Events handed to the runner from the feed, and from the event store below the window. */
  readonly served = { feed: 0, history: 0 };

  constructor(private readonly options: FeedProjectionSourceOptions) {
    this.fed = new Set(options.projections);
  }

  start(): Promise<void> {
    return this.options.consumer.start({
      assigned: (partitions, total) => {
        this.merge.assign(partitions, total);
        if (partitions.length < total) {
          this.options.logger?.warn(
            { partitions, total },
            `holding ${partitions.length} of the feed's ${total} partitions: another member shares this consumer group, and nothing new is applied until it leaves (each projector needs a group of its own)`,
          );
        }
      },
      records: (records) => this.receive(records),
    });
  }

  /** Leaves the group once the offsets being committed are. */
  async stop(): Promise<void> {
    await this.committing;
    await this.options.consumer.stop();
  }

  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How far the merged feed is complete (0 until every partition gave a watermark). */
  async headPosition(): Promise<number> {
    return this.window.head;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const top = Math.min(options.until ?? Number.MAX_SAFE_INTEGER, this.window.head);
    const out: StoredEvent[] = [];
    let after = options.after ?? 0;
    while (after < top && out.length < limit) {
      if (after >= this.window.floor) {
        const fromFeed = this.window.read(after, top, options, limit - out.length);
        this.served.feed += fromFeed.length;
        out.push(...fromFeed);
        break;
      }
      const until = Math.min(top, this.window.floor);
      const older = await this.options.history.readAll({ ...options, after, until, limit: limit - out.length });
      this.served.history += older.length;
      out.push(...older);
      // The window may have moved meanwhile: read on from where the history ended.
      after = until;
    }
    return out;
  }

  /** The correlation id the feed's headers gave the event at `position`, while the window holds it. */
  correlationAt(position: number): string | null {
    return this.window.correlationAt(position);
  }

  /** The projections it feeds now (a projector's share under the leases): the others hold no offsets back. */
  feeding(names: readonly string[]): Promise<void> {
    this.fed = new Set(names);
    return this.advanceOffsets();
  }

  /** The runner stored `name`'s checkpoint at `position` (its onCommitted hook). */
  checkpointed(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, Math.max(position, this.checkpoints.get(name) ?? 0));
    return this.advanceOffsets();
  }

  private advanceOffsets(): Promise<void> {
    const stored = [...this.fed].map((n) => this.checkpoints.get(n));
    if (stored.some((p) => p === undefined)) return this.committing;
    // Feeding nothing (all its projections run elsewhere), it keeps nothing: taking one over reads below the window from the store.
    const position = stored.length === 0 ? this.window.head : Math.min(...(stored as number[]));
    if (position <= this.committed) return this.committing;
    this.committed = position;
    this.window.trim(position);
    const offsets = this.merge.offsetsAt(position);
    // One commit at a time, in order: a later one never lands before an earlier one.
    this.committing = this.committing
      .then(() => (offsets.length > 0 ? this.options.consumer.commit(offsets) : undefined))
      // Refused after a rebalance took the partitions: the offsets stay behind, which only means redelivery.
      .catch((error: unknown) => this.options.logger?.error({ err: error, position }, 'committing the projection feed offsets failed'));
    return this.committing;
  }

  private receive(records: readonly FeedRecord[]): void {
    for (const r of records) {
      let entry;
      try {
        entry = decodeFeedMessage(r.value, r.headers);
      } catch (error) {
        this.options.logger?.error({ partition: r.partition, offset: r.offset, err: error }, 'unreadable projection feed message');
        throw error;
      }
      if (entry.kind === 'event') {
        this.options.logger?.debug(
          { correlationId: entry.correlationId, position: entry.position, eventType: entry.event.type, partition: r.partition, offset: r.offset },
          'projection feed event',
        );
      }
      this.merge.receive(r.partition, r.offset, entry);
    }
    const release = this.merge.release();
    if (!release) return;
    this.window.advance(release);
    if (release.events.length > 0 || release.floor !== null) for (const wake of this.listeners) wake();
  }
}
