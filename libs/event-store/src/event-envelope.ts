/** Who did something, as verified at the edge (user, role, and the unit they act for). */
export interface ActorRef {
  readonly userId: string;
  readonly role: string;
  readonly unitId?: string | null;
}

/** An event as a command handler hands it to the store, before it has a place in history. */
export interface NewEvent<D = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: D;
  /** When it happened, as the user says; may lie in the past (backdating stays visible). */
  readonly occurredAt: string;
  readonly actor: ActorRef;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** Groups the events of one command so a retried command finds its first result. */
  readonly idempotencyKey?: string | null;
  /** Digest of the command that carried the key: the same key with another command is refused. */
  readonly commandFingerprint?: string | null;
}

/** The stored envelope: every field the audit trail and the hash chain rely on. */
export interface StoredEvent<D = unknown> {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: D;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: ActorRef;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly idempotencyKey: string | null;
  readonly commandFingerprint: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** -1 is the revision of a stream that has no events yet. */
export const NO_REVISION = -1;

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the last event now in the stream: the next append's expected revision. */
  readonly nextExpectedRevision: number;
  readonly positions: number[];
  readonly eventIds: string[];
  /** True when every event id was already stored: nothing was written. */
  readonly deduplicated: boolean;
}

export interface StreamWrite {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}
