import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { PROJECTION_LEASES, ProjectionLeases } from '@platform/read-models';
import { Clock, CLOCK, NO_SCOPE } from '@platform/common';
import { Actor } from '@platform/domain';
import { RECTIFICATION_CONFIG, RectificationConfig } from '../rectification-config';
import { DeadlineWarningCheck } from './deadline-warning-check';

/** The scheduler acts for the platform itself, and the audit trail says so. */
export const WARNING_JOB_ACTOR: Actor = { userId: 'system-deadline-warnings', role: 'admin', unitId: null };

/** The lease that makes one process at a time the scheduler of the deadline check. */
export const WARNING_JOB_LEASE = 'job:deadline-warnings';

/**
 * Runs the deadline check at startup and then every WARNING_JOB_INTERVAL_MS. Within one process
 * a run that is still going is not started again; across processes only the holder of the job's
 * lease runs it (replicas of the API need not each scan every problem), and another takes over
 * once the holder stops or its lease lapses. Overlapping runs (the HTTP trigger) stay safe anyway,
 * see DeadlineWarningCheck.
 */
@Injectable()
export class DeadlineWarningJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('deadline-warnings');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private first: Promise<void> = Promise.resolve();
  private held = false;
  /**
   * Whether the next try at the lease waits for its store's write lock: only at start-up (the
   * platform waits for that run before listening). A later tick on the thread that answers
   * requests does not wait while a projection's commit holds the lock (a first start's catch-up
   * holds it for minutes): it skips that run, and the lease it holds lasts two intervals.
   */
  private waitForLease = true;

  constructor(
    private readonly check: DeadlineWarningCheck,
    @Inject(RECTIFICATION_CONFIG) private readonly config: RectificationConfig,
    @Optional() @Inject(PROJECTION_LEASES) private readonly leases: ProjectionLeases | null = null,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.held) this.begin();
  }

  /**
   * The first run waits for startupRun instead of starting at bootstrap: for a platform that
   * catches its views up before it listens, whose ledger at bootstrap is empty (a first start: the
   * run found nothing due, and today's warnings waited for the next tick) or behind (a restart after
   * a stop part way through: 4,066 candidates of the scale-1 city refused as no longer open).
   */
  holdFirstRun(): void {
    this.held = true;
  }

  /**
   * The run started at start-up (settled at once when the job is off), started now if it was held:
   * the platform waits for it before listening, so the warnings it records are in the views of the
   * first request.
   */
  startupRun(): Promise<void> {
    if (this.held) {
      this.held = false;
      this.begin();
    }
    return this.first;
  }

  private begin(): void {
    const interval = this.config.warningJobIntervalMs;
    if (interval === null || this.timer) return;
    this.timer = setInterval(() => void this.tick(), interval);
    this.timer.unref();
    this.first = this.tick();
  }

  /** Before any shutdown hook closes the event store, so a run in progress can finish its write. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    // Given up at once, so another process's next tick takes over without waiting for the expiry.
    await this.leases?.release(WARNING_JOB_LEASE, this.owner, this.now()).catch(() => undefined);
  }

  /** Whether this process is the scheduler now: it holds (or just took) the job's lease. */
  private async holdsLease(): Promise<boolean> {
    if (!this.leases) return true;
    const interval = this.config.warningJobIntervalMs ?? 60_000;
    const answer = await this.leases.hold({ projection: WARNING_JOB_LEASE, owner: this.owner, ttlMs: Math.max(2 * interval, 30_000), now: this.now(), wait: this.waitForLease });
    this.waitForLease = false;
    return answer.held;
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.holdsLease()
      .then((held) => (held ? this.runCheck() : undefined))
      .catch((error: unknown) => this.logger.error(`deadline check failed: ${String(error)}`))
      .finally(() => (this.running = null));
    await this.running;
  }

  private async runCheck(): Promise<void> {
    await this.check
      .run({ actor: WARNING_JOB_ACTOR, scope: NO_SCOPE, correlationId: randomUUID() })
      .then((r) => {
        if (r.raised.length > 0 || r.failed.length > 0) {
          const movedOn = r.noLongerDue > 0 ? `, ${r.noLongerDue} no longer due (the problem moved on)` : '';
          this.logger.log(`${r.today}: ${r.raised.length} warning(s) raised${movedOn}, ${r.failed.length} failed`);
        }
      });
  }
}
