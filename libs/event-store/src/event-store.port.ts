import { AppendResult, ExpectedRevision, NewEvent, StoredEvent, StreamWrite } from './event-envelope';
import { ChainReport } from './hash-chain';

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

export interface SubscriptionOptions {
  /** Durable name: the checkpoint is loaded from and saved under it. */
  readonly name?: string;
  /** Start after this position when no checkpoint exists (default 0). */
  readonly after?: number;
  readonly batchSize?: number;
  readonly types?: readonly string[];
  readonly streamPrefix?: string;
  handle(events: StoredEvent[]): Promise<void> | void;
  onError?(error: unknown, position: number): void;
}

export interface Subscription {
  /** Last position handled. */
  readonly position: number;
  /** Resolves once everything stored when it is called has been handled. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Several streams in one atomic write: all succeed or nothing is stored. */
  appendMany(writes: readonly StreamWrite[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  streamRevision(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  headPosition(): Promise<number>;
  findByIdempotencyKey(key: string): Promise<StoredEvent[]>;
  subscribe(options: SubscriptionOptions): Subscription;
  verifyChain(options?: { until?: number }): Promise<ChainReport>;
  close(): Promise<void>;
}

export interface CheckpointStore {
  load(name: string): Promise<number | null>;
  save(name: string, position: number): Promise<void>;
}
