import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EVENT_STORE, EventStore, CheckpointWitness, GlobalNotary, NOTARY, WITNESS } from '@platform/event-store';
import { applyHeapGrowthFromEnv, loadPlatformConfig, PlatformConfig } from '@platform/common';
import { optionalPort, PlatformMetrics, serveOperations } from '@platform/observability';
import { PROJECTION_LEASES, ProjectionLeases } from '@platform/read-models';
import { DeadlineWarningJob } from '@platform/rectification';
import { AppModule } from '../../platform/src/app.module';
import { platformLogging } from '../../platform/src/platform-logger';
import { CheckpointSchedule } from './checkpoint-schedule';
import { schedulerHealth, schedulerMetrics } from './scheduler-health';

/** No projections, no administrator bootstrap: the scheduler only runs the platform's jobs on the shared stores. */
function schedulerConfig(config: PlatformConfig): PlatformConfig {
  return {
    ...config,
    auth: { ...config.auth, demo: false, adminUsername: null, adminPassword: null },
    projections: { leaseMs: config.projections?.leaseMs ?? 10_000, mode: 'off' },
  };
}

function pollMs(env: NodeJS.ProcessEnv): number {
  const raw = env.AUDIT_CHECKPOINT_POLL_MS || '5000';
  if (!/^\d{2,9}$/.test(raw)) throw new Error(`AUDIT_CHECKPOINT_POLL_MS must be a whole number of ms ≥ 10, got "${raw}"`);
  return Number(raw);
}

/**
 * `npm run scheduler`: the platform's jobs as a service of their own — the deadline-warning check
 * (WARNING_JOB_INTERVAL_MS, through the lease `job:deadline-warnings`) and the signed audit
 * checkpoints (by time, and by event count through the lease `job:audit-checkpoints`) and the
 * global notary (NOTARY_INTERVAL_MS, through the lease `job:notary`). Several may run; one holds each job. No HTTP API: SCHEDULER_PORT serves /health/live, /health and /metrics.
 */
async function main(): Promise<void> {
  applyHeapGrowthFromEnv();
  const env = process.env;
  const config = schedulerConfig(loadPlatformConfig(env));
  const port = optionalPort(env, 'SCHEDULER_PORT');
  const logging = platformLogging('scheduler', env);
  const metrics = new PlatformMetrics('scheduler');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, undefined, metrics), { logger: logging.nest });
  await app.init();
  const events = app.get<EventStore>(EVENT_STORE);
  const witness = app.get<CheckpointWitness>(WITNESS);
  const leases = app.get<ProjectionLeases>(PROJECTION_LEASES);
  const owner = app.get(DeadlineWarningJob).owner;
  const schedule = new CheckpointSchedule({
    witness,
    events,
    leases,
    owner,
    everyEvents: config.witness?.everyEvents ?? 0,
    pollMs: pollMs(env),
    onError: (error) => logging.nest.error(`audit checkpoint failed: ${String(error)}`, 'scheduler'),
  });
  schedule.start();
  const notary = app.get<GlobalNotary>(NOTARY);
  const health = () => schedulerHealth({ owner, events, leases, latestCheckpoint: () => witness.latest(), notary: () => notary.status() });
  const server = port === null ? null : await serveOperations({ service: 'scheduler', port, metrics: schedulerMetrics(health, metrics), readiness: health, identity: { owner } });
  logging.nest.log(`scheduler ${owner} started on ${config.dataDir}${port === null ? '' : `; health and metrics on port ${port}`}`, 'scheduler');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logging.nest.log(`${signal}: stopping`, 'scheduler');
    server?.close();
    schedule
      .stop()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logging.nest.error(`stopping failed: ${String(error)}`, 'scheduler');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
