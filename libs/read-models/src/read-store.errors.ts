/** The stored checkpoint moved since the batch was computed: another writer applied it, or a rebuild reset it. */
export class CheckpointConflictError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly actual: number | null,
  ) {
    super(`projection ${projection}: checkpoint is ${actual ?? 'absent'}, batch was computed from ${expected}`);
    this.name = 'CheckpointConflictError';
  }
}

/** A write that no adapter can store: bad collection name, missing `_id`, not JSON. */
export class InvalidDocumentWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDocumentWriteError';
  }
}

/** The batch does not fit one atomic write of the adapter (MongoDB's 16 MB document); the runner halves it. */
export class BatchTooLargeError extends Error {
  constructor(readonly bytes: number, readonly maxBytes: number) {
    super(`batch of ${bytes} bytes exceeds ${maxBytes}`);
    this.name = 'BatchTooLargeError';
  }
}

/** A projection's evolve threw: names the event so the status points at it. */
export class ProjectionEventError extends Error {
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly eventType: string,
    readonly eventId: string,
    override readonly cause: unknown,
  ) {
    super(
      `projection ${projection} failed on ${eventType} at position ${position}: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
    );
    this.name = 'ProjectionEventError';
  }
}
