import { ExpectedRevision } from './event-envelope';

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some but not all event ids of an append are stored already: a retry must resend the same batch. */
export class PartialDuplicateError extends Error {
  constructor(readonly streamId: string, readonly duplicateIds: string[]) {
    super(`stream ${streamId}: event ids already stored in another batch: ${duplicateIds.join(', ')}`);
    this.name = 'PartialDuplicateError';
  }
}

export class InvalidAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/**
 * The event ids derived from an idempotency key are stored already, but by another command
 * (its fingerprint differs): the key was reused, so nothing of this write may be acknowledged.
 */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly streamId: string) {
    super(`stream ${streamId}: idempotency key already used by a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** The adapter lacks a capability the write needs (see EventStoreCapabilities); nothing was written. */
export class UnsupportedCapabilityError extends Error {
  constructor(readonly capability: string, message: string) {
    super(message);
    this.name = 'UnsupportedCapabilityError';
  }
}
