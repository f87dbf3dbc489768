import { LRUCache } from 'lru-cache';
import { EventStore, KnownStreamHeads, NO_REVISION } from '@platform/event-store';

/** How a stream's events fold into its state: a decider's `initialState` and `evolve`. */
export interface StreamFolding<S, E> {
  initialState(): S;
  evolve(state: S, event: E): S;
  /**
   * The state keeps something of every event (a record with every note), so what it holds grows
   * with its stream: the states kept are then bounded by the events folded into them as well.
   */
  readonly growsWithEvents?: boolean;
}

/** States kept per way of folding, at most. */
export const STATES_KEPT = 10_000;

/**
 * Events folded into the states kept of a folding that grows with its events, at most: a problem's
 * record with a thousand notes holds a thousand notes' texts, and ten thousand such records would
 * outgrow the server's memory, where ten thousand decision states (which keep no plain notes) do not.
 */
export const EVENTS_KEPT = 100_000;

export interface FoldedStream<S> {
  readonly state: S;
  /** The revision of the last event folded in; NO_REVISION for a stream with no events. */
  readonly revision: number;
}

type StreamsStore = Pick<EventStore, 'readStream'> & Partial<KnownStreamHeads>;

/**
 * Single streams' states, kept and brought up to date on each call by reading only the events
 * after the revision kept — so a caller sees the stream as stored now, and a campaign enrolling
 * thousands of units is not re-folded per command. Where the store tells that the kept revision is
 * the stream's last (it wrote the stream last, nobody else wrote since), nothing is read. The
 * least recently used states are dropped beyond `capacity` (and beyond `eventsKept` events folded,
 * for a folding that grows with its events): they are re-read when asked again.
 */
export class StreamStates<S, E> {
  private readonly kept: LRUCache<string, FoldedStream<S>>;

  constructor(
    private readonly store: StreamsStore,
    private readonly folding: StreamFolding<S, E>,
    capacity = STATES_KEPT,
    eventsKept = EVENTS_KEPT,
  ) {
    // A state over the events bound is answered but not kept.
    this.kept = folding.growsWithEvents
      ? new LRUCache({ max: capacity, maxSize: eventsKept, sizeCalculation: (folded) => folded.revision + 1 })
      : new LRUCache({ max: capacity });
  }

  async get(streamId: string): Promise<FoldedStream<S>> {
    const kept = this.kept.get(streamId);
    if (kept && this.store.lastRevisionKnown?.(streamId) === kept.revision) return kept;
    const known = kept ?? { state: this.folding.initialState(), revision: NO_REVISION };
    const newer = await this.store.readStream(streamId, { fromRevision: known.revision + 1 });
    const next: FoldedStream<S> =
      newer.length === 0
        ? known
        : {
            state: newer.reduce((s, e) => this.folding.evolve(s, e as unknown as E), known.state),
            revision: newer[newer.length - 1].streamRevision,
          };
    // Concurrent callers may fold the same events; the result is the same, and only a newer one is kept.
    if (next.revision !== NO_REVISION && (this.kept.peek(streamId)?.revision ?? NO_REVISION) <= next.revision) this.kept.set(streamId, next);
    return next;
  }

  /**
   * Folds in the events a command just appended at `from` + 1..`to`, as they read back from the
   * store (their data through JSON), when the kept state is at `from`: the next load then needs no
   * read of the writer's own events, and none at all while the store knows `to` is the last.
   */
  appended(streamId: string, from: number, events: readonly E[], to: number): void {
    const kept = this.kept.peek(streamId);
    if (!kept || kept.revision !== from || to !== from + events.length) return;
    const stored = events.map((e) => ({ ...e, data: JSON.parse(JSON.stringify((e as { data?: unknown }).data ?? null)) as unknown }) as E);
    this.kept.set(streamId, { state: stored.reduce((s, e) => this.folding.evolve(s, e), kept.state), revision: to });
  }
}

/**
 * One StreamStates per way of folding (a decider's `evolve`), over one store: the command path and
 * the lookups of its access checks (a problem's units, a campaign's enrollment) share them, so a
 * stream folded for the check is not folded again for the command, and a stream just written is
 * brought up to date by reading only the events the write added.
 */
export class FoldedStreams {
  private readonly byFolding = new Map<StreamFolding<unknown, unknown>['evolve'], StreamStates<unknown, unknown>>();

  constructor(
    private readonly store: StreamsStore,
    private readonly capacity?: number,
  ) {}

  of<S, E>(folding: StreamFolding<S, E>): StreamStates<S, E> {
    const key = folding.evolve as StreamFolding<unknown, unknown>['evolve'];
    let states = this.byFolding.get(key);
    if (!states) {
      states = new StreamStates(this.store, folding as unknown as StreamFolding<unknown, unknown>, this.capacity);
      this.byFolding.set(key, states);
    }
    return states as unknown as StreamStates<S, E>;
  }
}
