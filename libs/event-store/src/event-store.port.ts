import { AppendResult, ExpectedRevision, NewEvent, StoredEvent, StreamWrite } from './event-envelope';
import { ChainReport } from './hash-chain';
import { PositionCodec } from './position-token';

export const EVENT_STORE = Symbol('EVENT_STORE');

export interface ReadAllOptions {
  /** Read events with a position strictly greater than this (0 reads from the start). */
  readonly after?: number;
  /** Stop at this position, inclusive: reads history as it stood then. */
  readonly until?: number;
  readonly limit?: number;
  readonly types?: readonly string[];
  readonly streamPrefix?: string;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  /** Only events at or before this global position: the stream as it stood then. */
  readonly untilPosition?: number;
}

/**
 * What an adapter can promise beyond the common part of the port. The embedded store promises
 * all of it; a clustered store (KurrentDB) not all, and callers that need one check it here
 * instead of finding out from a wrong answer.
 */
export interface EventStoreCapabilities {
  /** Positions are 1, 2, 3… without gaps: head − position counts events (countEvents answers by subtraction). */
  readonly densePositions: boolean;
  /** One hash chain over all history, extended at append (a single writer); false: one chain per stream. */
  readonly globalHashChain: boolean;
  /** appendMany over several streams is atomic; false: it refuses more than one stream (UnsupportedCapabilityError). */
  readonly atomicMultiStream: boolean;
  /** An event id stored in any stream is recognised at any later append (deduplicated or refused); false: only within its stream. */
  readonly globalEventIds: boolean;
}

export const EMBEDDED_CAPABILITIES: EventStoreCapabilities = {
  densePositions: true,
  globalHashChain: true,
  atomicMultiStream: true,
  globalEventIds: true,
};

export interface EventStore {
  readonly capabilities: EventStoreCapabilities;
  /** The public, opaque form of this store's positions: the only form that leaves the platform. */
  readonly positions: PositionCodec;
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Several streams in one atomic write: all succeed or nothing is stored. */
  appendMany(writes: readonly StreamWrite[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  streamRevision(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  headPosition(): Promise<number>;
  /** How many events lie after `after` up to `until` inclusive; null where the store cannot tell without reading them all. */
  countEvents(after: number, until: number): Promise<number | null>;
  verifyChain(options?: { until?: number }): Promise<ChainReport>;
  close(): Promise<void>;
}
