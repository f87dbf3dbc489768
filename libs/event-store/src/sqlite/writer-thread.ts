import { StreamWrite } from '../event-envelope';
import { RequestThread } from '../request-thread';
import { WriteOutcome } from './group-commit';
import { errorFromWire, WireError } from './wire-errors';

type Appended = Extract<WriteOutcome, { ok: true }>;
type WireOutcome = Appended | { ok: false; error: WireError };
type Reply = { id: number; outcomes: WireOutcome[]; startedAfter: number } | { id: number; failed: WireError };

/** A group's outcomes, and the position stored before it (the tail the thread found as it began). */
export interface ThreadGroup {
  readonly outcomes: WriteOutcome[];
  readonly startedAfter: number;
}

/**
 * The SQLite store's group commits on a thread of their own, with their own connection to the
 * file: the transaction, its inserts and its fsync (synchronous=FULL) no longer hold the event
 * loop that answers requests, so requests are parsed, checked and decided while a group commits.
 * An append is answered once the thread's commit has returned, as before. A thread that failed is
 * started again on the next group; the group it held is refused (it may or may not have been
 * committed, as after a crash: a retry with the same idempotency key finds out).
 */
export class WriterThread {
  private readonly thread: RequestThread<{ batch: ReadonlyArray<readonly StreamWrite[]>; recordedAt: string }, ThreadGroup>;

  constructor(file: string) {
    this.thread = new RequestThread(__filename, 'writer.thread', { file }, (message) => {
      const m = message as Reply;
      if ('failed' in m) throw errorFromWire(m.failed);
      return { outcomes: m.outcomes.map((o) => (o.ok ? o : { ok: false, error: errorFromWire(o.error) })), startedAfter: m.startedAfter };
    });
  }

  write(batch: ReadonlyArray<readonly StreamWrite[]>, recordedAt: string): Promise<ThreadGroup> {
    return this.thread.ask({ batch, recordedAt });
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
