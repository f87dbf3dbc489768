import { applyHeapGrowthFromEnv, loadProjectionsConfig, loadProjectionSourceConfig, loadStoresConfig } from '@platform/common';
import { openEventStore } from '@platform/event-store';
import { eventCount, optionalPort } from '@platform/observability';
import { createReadStore } from '@platform/read-models';
import { KafkaFeedConsumer } from '@platform/relay';
import { resolve } from 'node:path';
import pino from 'pino';
import { startProjector } from './projector';
import { serveProjectorHttp } from './projector-http';

// JSON lines like the other services, so one log pipeline reads them all.
const log = pino({ base: { service: 'projector' }, level: process.env.LOG_LEVEL || 'info', timestamp: pino.stdTimeFunctions.isoTime });
const logger = {
  log: (m: string) => log.info(m),
  warn: (m: string) => log.warn(m),
  error: (m: string, stack?: string) => log.error({ stack }, m),
};

/**
 * `npm run projector`: runs the view projections against DATA_DIR, for a platform started with
 * PROJECTIONS=off (or beside one running them in-process: the leases share the work). Stops on
 * SIGTERM/SIGINT, releasing its leases so another projector takes over at once. PROJECTOR_ID
 * names it in the leases and /health (default host:pid:random). PROJECTION_SOURCE=kafka reads
 * the relay's projection feed instead of the event store (LOG_LEVEL=debug logs each event it
 * receives with its correlation id).
 */
async function main(): Promise<void> {
  applyHeapGrowthFromEnv();
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  const { leaseMs, fillFromEvents, settleMs } = loadProjectionsConfig(process.env);
  const stores = loadStoresConfig(process.env);
  const source = loadProjectionSourceConfig(process.env);
  // EVENT_STORE=kurrentdb: the server's $all; otherwise startProjector opens DATA_DIR/events.sqlite.
  const events = stores.eventStore.kind === 'kurrentdb' ? await openEventStore(stores.eventStore, { dataDir }) : undefined;
  const readStore =
    stores.readStore.kind === 'mongodb' ? await createReadStore({ store: 'mongo', mongoUrl: stores.readStore.url, mongoDbName: stores.readStore.dbName }) : undefined;
  const feed = source.kind === 'kafka' ? new KafkaFeedConsumer(source) : undefined;
  const projector = startProjector({ dataDir, leaseMs, fillFromEvents, settleMs, logger, owner: process.env.PROJECTOR_ID || undefined, events, readStore, feed, feedLogger: log });
  const http = httpOptions(process.env);
  const server = http ? await serveProjectorHttp(projector, http) : null;
  if (server) logger.log(`health and metrics on port ${http!.port} (/health, /health/live, /metrics)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    server?.close();
    projector.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const from = source.kind === 'kafka' ? `Kafka topic ${source.topic} (group ${source.groupId}) on ${source.brokers.join(',')}` : 'the event store';
  logger.log(`projector ${projector.owner} started on ${dataDir} (leases of ${leaseMs} ms), reading ${from}`);
  const caught = await projector.caughtUp();
  logger.log(`caught up to position ${caught.head} (${caught.behind} events behind at start, ${caught.durationMs} ms); live`);
}

/** PROJECTOR_PORT turns the health and metrics endpoints on (off by default: several projectors may share a host). */
function httpOptions(env: NodeJS.ProcessEnv): { port: number; readyLag: number } | null {
  const port = optionalPort(env, 'PROJECTOR_PORT');
  return port === null ? null : { port, readyLag: eventCount(env, 'PROJECTOR_READY_LAG', 1000) };
}

main().catch((error: unknown) => {
  // One JSON line naming the cause (a configuration error names the variable and its rule).
  log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
