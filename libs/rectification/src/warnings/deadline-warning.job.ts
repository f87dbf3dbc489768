import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NO_SCOPE } from '@platform/common';
import { Actor } from '@platform/domain';
import { RECTIFICATION_CONFIG, RectificationConfig } from '../rectification-config';
import { DeadlineWarningCheck } from './deadline-warning-check';

/** The scheduler acts for the platform itself, and the audit trail says so. */
export const WARNING_JOB_ACTOR: Actor = { userId: 'system-deadline-warnings', role: 'admin', unitId: null };

/**
 * Runs the deadline check at startup and then every WARNING_JOB_INTERVAL_MS. Within one process
 * a run that is still going is not started again; across processes (or with the HTTP trigger)
 * overlapping runs are safe anyway, see DeadlineWarningCheck.
 */
@Injectable()
export class DeadlineWarningJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('deadline-warnings');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private first: Promise<void> = Promise.resolve();

  constructor(
    private readonly check: DeadlineWarningCheck,
    @Inject(RECTIFICATION_CONFIG) private readonly config: RectificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.warningJobIntervalMs;
    if (interval === null) return;
    this.timer = setInterval(() => void this.tick(), interval);
    this.timer.unref();
    this.first = this.tick();
  }

  /**
   * The run started at start-up (settled at once when the job is off): the platform waits for it
   * before listening, so the warnings it records are in the views of the first request.
   */
  startupRun(): Promise<void> {
    return this.first;
  }

  /** Before any shutdown hook closes the event store, so a run in progress can finish its write. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.check
      .run({ actor: WARNING_JOB_ACTOR, scope: NO_SCOPE, correlationId: randomUUID() })
      .then((r) => {
        if (r.raised.length > 0 || r.failed.length > 0) {
          this.logger.log(`${r.today}: ${r.raised.length} warning(s) raised, ${r.failed.length} failed`);
        }
      })
      .catch((error: unknown) => this.logger.error(`deadline check failed: ${String(error)}`))
      .finally(() => (this.running = null));
    await this.running;
  }
}
