import {
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { AppendResult, ExpectedRevision, NewEvent, NO_REVISION, StoredEvent, StreamWrite } from '../event-envelope';
import { IdempotencyKeyReusedError, PartialDuplicateError, UnsupportedCapabilityError, WrongExpectedRevisionError } from '../event-store.errors';
import { EventStore, EventStoreCapabilities, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { ChainReport, GENESIS_HASH } from '../hash-chain';
import { checkExpected, validateWrites } from '../append-checks';
import { UpcasterRegistry } from '../upcasters';
import { decodePosition, KurrentRecord, prepareEvents, toStoredEvent, verifyStreamChains } from './kurrentdb-envelope';
import { KURRENTDB_POSITION_TOKENS } from './kurrentdb-position-tokens';

export interface KurrentDbEventStoreOptions {
  /** A KurrentDB connection string (KURRENTDB_URL), e.g. kurrentdb://localhost:2113?tls=false. */
  readonly url: string;
  /**
   * Prefix of every stream this store writes and reads (default none): several platforms, or test
   * runs, share one cluster without seeing each other's history.
   */
  readonly namespace?: string;
  readonly clock?: () => Date;
  readonly upcasters?: UpcasterRegistry;
  /** How often an `any` append re-reads the stream after losing a race before giving up (default 5). */
  readonly appendRetries?: number;
}

/**
 * The event-store port on KurrentDB. What maps: per-stream optimistic concurrency (the append
 * states the revision it read), reads of a stream and of $all, event ids deduplicated within their
 * stream at any age (the stream is read before each append, for its chain), and a hash chain per
 * stream. What does not, declared in `capabilities`: dense positions (these are commit positions),
 * one global chain (a notary's job), atomic writes over several streams, event ids known store-wide.
 */
export class KurrentDbEventStore implements EventStore {
  readonly capabilities: EventStoreCapabilities = {
    densePositions: false,
    globalHashChain: false,
    atomicMultiStream: false,
    globalEventIds: false,
  };
  readonly positions = KURRENTDB_POSITION_TOKENS;
  private readonly client: KurrentDBClient;
  private readonly namespace: string;
  private readonly clock: () => Date;
  private readonly upcasters: UpcasterRegistry;
  private readonly raw = new UpcasterRegistry();
  private closed = false;

  constructor(private readonly options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.url);
    this.namespace = options.namespace ?? '';
    this.clock = options.clock ?? (() => new Date());
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return (await this.appendMany([{ streamId, events, expected }]))[0];
  }

  async appendMany(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    if (this.closed) throw new Error('event store is closed');
    validateWrites(writes);
    if (writes.length > 1) {
      throw new UnsupportedCapabilityError(
        'atomicMultiStream',
        `an atomic write over ${writes.length} streams is not available on KurrentDB: write one stream per command (or a process manager)`,
      );
    }
    return [await this.appendStream(writes[0])];
  }

  /**
   * Reads the stream (its revision, its chain's last hash, the event ids it holds), then appends at
   * exactly that revision, so two writers can never fork a stream's chain. An `any` or
   * `stream_exists` append that loses the race reads again and retries.
   */
  private async appendStream(w: StreamWrite): Promise<AppendResult> {
    const retries = this.options.appendRetries ?? 5;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStreamAs(w.streamId, this.raw);
      const current = stored.length > 0 ? stored[stored.length - 1].streamRevision : NO_REVISION;
      const known = duplicateOf(w, stored, current);
      if (known) return known;
      checkExpected(w.streamId, w.expected, current);
      const tail = { revision: current, hash: stored.length > 0 ? stored[stored.length - 1].hash : GENESIS_HASH };
      const prepared = prepareEvents(w.streamId, w.events, tail, this.clock().toISOString());
      try {
        await this.client.appendToStream(
          this.name(w.streamId),
          prepared.map((p) => jsonEvent({ id: p.id, type: p.type, data: p.data as never, metadata: p.metadata as never })),
          { streamState: current === NO_REVISION ? NO_STREAM : BigInt(current) },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const raced = w.expected === 'any' || w.expected === 'stream_exists';
        if (!raced || attempt >= retries) {
          throw new WrongExpectedRevisionError(w.streamId, w.expected, await this.streamRevision(w.streamId));
        }
        continue;
      }
      // The server acknowledges a write of event ids it already holds at that revision without
      // writing it again: read back what is stored there and judge by the hashes.
      const written = await this.readStreamAs(w.streamId, this.raw, current + 1);
      const ours = written.slice(0, prepared.length);
      if (ours.length === prepared.length && ours.every((e, i) => e.hash === prepared[i].metadata.hash)) {
        return { streamId: w.streamId, nextExpectedRevision: current + prepared.length, positions: ours.map((e) => e.position), eventIds: ours.map((e) => e.eventId), deduplicated: false };
      }
      const again = duplicateOf(w, await this.readStreamAs(w.streamId, this.raw), current);
      if (again) return again;
      throw new Error(`stream ${w.streamId}: the append was acknowledged but its events are not at revision ${current + 1}`);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events = await this.readStreamAs(streamId, this.upcasters, options.fromRevision ?? 0);
    return options.untilPosition === undefined ? events : events.filter((e) => e.position <= options.untilPosition!);
  }

  private async readStreamAs(streamId: string, upcasters: UpcasterRegistry, fromRevision = 0): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.name(streamId), { fromRevision: fromRevision > 0 ? BigInt(fromRevision) : START, direction: FORWARDS })) {
        if (resolved.event) out.push(toStoredEvent(resolved.event as KurrentRecord, streamId, upcasters));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  async streamRevision(streamId: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(this.name(streamId), { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
        if (resolved.event) return Number(resolved.event.revision);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return NO_REVISION;
      throw error;
    }
    return NO_REVISION;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.readAllAs(options, this.upcasters);
  }

  /** `$all` as stored, without upcasting: what the per-stream hashes were computed over (the notary reads this). */
  async readAllRaw(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.readAllAs(options, this.raw);
  }

  private async readAllAs(options: ReadAllOptions, upcasters: UpcasterRegistry): Promise<StoredEvent[]> {
    const limit = options.limit ?? 1000;
    const after = options.after ?? 0;
    const types = options.types && options.types.length > 0 ? new Set(options.types) : null;
    const out: StoredEvent[] = [];
    const reading = this.client.readAll({
      fromPosition: after > 0 ? decodePosition(after) : START,
      direction: FORWARDS,
      filter: this.streamFilter(options.streamPrefix),
    });
    for await (const resolved of reading) {
      const e = resolved.event;
      if (!e || !this.owns(e.streamId) || e.type.startsWith('$')) continue;
      const stored = toStoredEvent(e as KurrentRecord, e.streamId.slice(this.namespace.length), upcasters);
      if (stored.position <= after) continue;
      if (options.until !== undefined && stored.position > options.until) break;
      if (options.streamPrefix && !stored.streamId.startsWith(options.streamPrefix)) continue;
      if (types && !types.has(stored.type)) continue;
      out.push(stored);
      if (out.length >= limit) break;
    }
    return out;
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, filter: this.streamFilter(), maxCount: 1 })) {
      const e = resolved.event;
      if (e && this.owns(e.streamId) && !e.type.startsWith('$')) return toStoredEvent(e as KurrentRecord, e.streamId, this.raw).position;
    }
    return 0;
  }

  /**
   * Commit positions are byte offsets: counting the events between two of them means reading
   * them, which a lag report must not do on every stale answer.
   */
  async countEvents(): Promise<null> {
    return null;
  }

  /** Every stream's chain, over $all in order (see verifyStreamChains for what it cannot show). */
  async verifyChain(options: { until?: number } = {}): Promise<ChainReport> {
    const events: StoredEvent[] = [];
    let after = 0;
    for (;;) {
      const page = await this.readAllAs({ after, until: options.until, limit: 1000 }, this.raw);
      events.push(...page);
      if (page.length < 1000) break;
      after = page[page.length - 1].position;
    }
    return verifyStreamChains(events);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  private name(streamId: string): string {
    return this.namespace + streamId;
  }

  private owns(kurrentStream: string): boolean {
    return kurrentStream.startsWith(this.namespace) && !kurrentStream.startsWith('$');
  }

  /** Server-side: only this namespace's streams (and the prefix asked for), never system streams. */
  private streamFilter(prefix = '') {
    const full = this.namespace + prefix;
    return full ? streamNameFilter({ prefixes: [full] }) : streamNameFilter({ regex: '^[^$]' });
  }
}

/**
 * A write whose event ids the stream already holds: the same command retried (deduplicated, with
 * the first positions), the same key with another request (refused), or a batch that overlaps
 * only in part (refused). Event ids stored in other streams are the idempotency lookup's concern.
 */
function duplicateOf(w: StreamWrite, stored: readonly StoredEvent[], current: number): AppendResult | null {
  const byId = new Map(stored.map((e) => [e.eventId, e]));
  const found = w.events.map((e) => byId.get(e.eventId));
  const present = found.filter((e): e is StoredEvent => e !== undefined);
  if (present.length === 0) return null;
  if (w.events.some((e, i) => found[i] !== undefined && found[i]!.commandFingerprint !== (e.commandFingerprint ?? null))) {
    throw new IdempotencyKeyReusedError(w.streamId);
  }
  if (present.length !== w.events.length) throw new PartialDuplicateError(w.streamId, present.map((e) => e.eventId));
  return { streamId: w.streamId, nextExpectedRevision: current, positions: present.map((e) => e.position), eventIds: present.map((e) => e.eventId), deduplicated: true };
}
