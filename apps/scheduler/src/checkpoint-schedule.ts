import { EventStore, CheckpointWitness } from '@platform/event-store';
import { ProjectionLeases } from '@platform/read-models';

/** The lease that makes one scheduler at a time issue the checkpoints due by event count. */
export const CHECKPOINT_JOB_LEASE = 'job:audit-checkpoints';

export interface CheckpointScheduleOptions {
  readonly witness: Pick<CheckpointWitness, 'latest' | 'issue'>;
  readonly events: Pick<EventStore, 'headPosition'>;
  readonly leases: ProjectionLeases;
  readonly owner: string;
  /** AUDIT_CHECKPOINT_EVERY_EVENTS: a checkpoint once this many events were appended since the last (0: never by count). */
  readonly everyEvents: number;
  readonly pollMs: number;
  readonly clock?: () => Date;
  readonly onError?: (error: unknown) => void;
}

/**
 * Signed checkpoints by event count, from a process that does not append: the witness counts the
 * appends it sees in its own process, and the API's are in another, so the scheduler reads the
 * head every `pollMs` instead. Checkpoints by time are the witness's own timer; notices and
 * exports issue theirs in the API.
 */
export class CheckpointSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private holding = false;

  constructor(private readonly o: CheckpointScheduleOptions) {}

  start(): void {
    if (this.o.everyEvents <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.o.pollMs);
    this.timer.unref();
  }

  /** Whether this process held the job's lease at its last look. */
  get leader(): boolean {
    return this.holding;
  }

  async tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.poll()
      .catch((error: unknown) => this.o.onError?.(error))
      .finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    if (this.holding) await this.o.leases.release(CHECKPOINT_JOB_LEASE, this.o.owner, this.now()).catch(() => undefined);
    this.holding = false;
  }

  private async poll(): Promise<void> {
    const ttlMs = Math.max(3 * this.o.pollMs, 30_000);
    this.holding = (await this.o.leases.hold({ projection: CHECKPOINT_JOB_LEASE, owner: this.o.owner, ttlMs, now: this.now() })).held;
    if (!this.holding) return;
    const head = await this.o.events.headPosition();
    const last = this.o.witness.latest()?.position ?? 0;
    if (head - last >= this.o.everyEvents) await this.o.witness.issue('interval');
  }

  private now(): Date {
    return (this.o.clock ?? (() => new Date()))();
  }
}
