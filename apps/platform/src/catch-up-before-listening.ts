import { INestApplication, Logger } from '@nestjs/common';
import { collectAfterCatchUp, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { catchUpWithProgress, ProjectionRunner, ProjectionStatusReader, READ_STORE, ReadModelsLifecycle, ReadStore } from '@platform/read-models';
import { DeadlineWarningJob } from '@platform/rectification';
import { SearchReader } from '@platform/views';
import { projectionsHosting } from './app.module';
import { ProjectorThread } from './projections/projector-thread';
import { ProjectorThreadLifecycle } from './projections/projector-thread.lifecycle';

/**
 * Starts the application (the projections begin running) and waits, with a progress bar on the
 * console while far behind, until every projection has applied the history stored at start — so
 * the first screen of a freshly generated city shows its real numbers, not zeros flagged stale.
 * The deadline check's start-up run follows, over the caught-up views, and what it recorded is
 * caught up in its turn, so no view lags behind the history at the first request. A projection that keeps failing does
 * not hold the platform back, nor does a projector thread that crashed: it listens, and /health and
 * the views' stale flag say what is missing.
 */
export async function catchUpBeforeListening(app: INestApplication, signal?: AbortSignal): Promise<void> {
  const deadlines = app.get(DeadlineWarningJob, { strict: false });
  // Its first run looks at the caught-up views, not at those of the bootstrap.
  deadlines.holdFirstRun();
  await app.init();
  const logger = new Logger('Projections');
  const names = app.get(ProjectionRunner).projections().map((p) => p.name);
  const statuses = app.get(ProjectionStatusReader);
  const thread = projectorThread(app);
  const inProcess = thread ? null : app.get(ReadModelsLifecycle, { strict: false });
  const catchUp = () =>
    catchUpWithProgress(app.get<EventStore>(EVENT_STORE), app.get<ReadStore>(READ_STORE), names, {
      label: '投影追赶 projections catching up',
      // A restart is caught up in a poll or two: polling often keeps it from waiting longer than the work.
      pollMs: 50,
      signal,
      reportedAt: () => thread?.filling ?? inProcess?.filling ?? null,
      giveUp: async () => {
        // A projector thread crashing at start would otherwise keep the platform from ever listening.
        if (thread && thread.current === null) return 'the projector thread ended unasked and is being started again (see the log)';
        const failing = (await statuses.status()).projections.find((p) => p.retrying);
        return failing ? `projection ${failing.name} is failing (${failing.lastError?.message ?? 'see the log'})` : null;
      },
    });
  const result = await catchUp();
  // Stopping: the application is being closed, nothing more to wait for or to say.
  if (signal?.aborted) return;
  if (result.gaveUp) {
    logger.warn(`listening before the projections caught up: ${result.gaveUp}`);
    // Over what the views hold; the later runs find the rest.
    void deadlines.startupRun();
    return;
  }
  await deadlines.startupRun();
  const warnings = await catchUp();
  if (signal?.aborted) return;
  if (warnings.gaveUp) logger.warn(`listening before the projections caught up: ${warnings.gaveUp}`);
  prepareSearch(app, logger);
  // PROJECTIONS=in-process: the catch-up's pending documents were this thread's (a projector thread gives back its own).
  if (!thread) collectAfterCatchUp(result.behind);
  const recorded = warnings.behind !== 0 ? ` (then ${warnings.behind ?? 'the events'} the deadline check recorded at start)` : '';
  // null: the store cannot count them (KurrentDB), but they were applied all the same.
  if (result.behind !== 0) logger.log(`projections caught up with ${result.behind ?? 'the'} events in ${(result.durationMs / 1000).toFixed(1)} s${recorded}`);
}

/**
 * The search's index made ready once the entries are caught up: filling it on a store that never
 * had it (a new city, an index of a new shape) is otherwise the first search's wait.
 */
function prepareSearch(app: INestApplication, logger: Logger): void {
  const t0 = performance.now();
  app.get(SearchReader, { strict: false }).prepare();
  const ms = performance.now() - t0;
  if (ms >= 1000) logger.log(`search index filled in ${(ms / 1000).toFixed(1)} s`);
}

/**
 * The platform's projector thread, when it runs one (PROJECTIONS=worker). Asked by the mode: asking
 * the application for a provider it lacks ends the process (Nest aborts on that error), and a
 * try/catch around it had every start with PROJECTIONS=in-process — the default on KurrentDB —
 * exit before it listened.
 */
function projectorThread(app: INestApplication): ProjectorThread | null {
  return projectionsHosting(app.get<PlatformConfig>(PLATFORM_CONFIG)) === 'worker' ? app.get(ProjectorThreadLifecycle, { strict: false }).thread : null;
}
