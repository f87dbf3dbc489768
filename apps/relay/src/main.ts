import { applyHeapGrowthFromEnv, loadStoresConfig } from '@platform/common';
import { openEventStore } from '@platform/event-store';
import { eventCount, optionalPort, serveOperations } from '@platform/observability';
import { EventRelay, openRelayCheckpoints, RelayTracker } from '@platform/relay';
import { resolve } from 'node:path';
import pino from 'pino';
import { relayMetrics } from './relay-metrics';
import { relaySink } from './relay-sink';

const log = pino({ base: { service: 'relay' }, timestamp: pino.stdTimeFunctions.isoTime });

/** Behind this long, a relay on a store without dense positions (KurrentDB) is not ready. */
const READY_SECONDS_WITHOUT_COUNTS = 60;

/**
 * `npm run relay`: publishes the integration events (or, with RELAY_PUBLISHES=projection-feed, the
 * projection feed) of the event store (DATA_DIR's, or KurrentDB
 * with EVENT_STORE=kurrentdb) to Kafka (BUS=kafka) or, without Kafka, to a JSON-lines file,
 * resuming from its checkpoint (DATA_DIR/relay.sqlite, or MongoDB with RELAY_CHECKPOINTS=mongodb). RELAY_PORT serves /health/live, /health
 * (ready while its batches go through and it is within RELAY_READY_LAG events of the head) and
 * /metrics. Stops on SIGTERM/SIGINT after the batch in flight.
 */
async function main(): Promise<void> {
  applyHeapGrowthFromEnv();
  const env = process.env;
  const stores = loadStoresConfig(env);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  // Checked before anything is opened: a wrong choice stops the start naming the variable.
  const sink = relaySink(stores, dataDir, env);
  const port = optionalPort(env, 'RELAY_PORT');
  const readyLag = eventCount(env, 'RELAY_READY_LAG', 1000);
  // What may be published twice after a crash: the batch whose checkpoint was not saved.
  const batchSize = Math.max(1, eventCount(env, 'RELAY_BATCH_SIZE', 500));
  const events = await openEventStore(stores.eventStore, { dataDir });
  const checkpoints = await openRelayCheckpoints(stores.relayCheckpoints, dataDir);
  const from = await checkpoints.load(sink.name);
  const tracker = new RelayTracker(events, from);
  const relay = new EventRelay({
    name: sink.name,
    events,
    producer: sink.producer,
    contract: sink.contract,
    checkpoints,
    batchSize,
    logger: { log: (m) => log.info(m), error: (m) => log.error(m) },
    onStep: tracker.onStep,
  });
  relay.start();
  log.info({ position: from }, `relaying ${stores.eventStore.kind} events to ${sink.describe} from position ${from} (checkpoint in ${stores.relayCheckpoints.kind})`);
  const readiness = async () => {
    const s = await tracker.status();
    const withinLag = s.lagEvents === null ? s.behindSeconds <= READY_SECONDS_WITHOUT_COUNTS : s.lagEvents <= readyLag;
    return { ready: !s.failing && withinLag, readyLag, ...s };
  };
  const server = port === null ? null : await serveOperations({ service: 'relay', port, metrics: relayMetrics(() => tracker.status()), readiness });
  if (server) log.info(`health and metrics on port ${port} (/health, /health/live, /metrics)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping at position ${relay.position}`);
    server?.close();
    relay
      .stop()
      .then(() => Promise.all([sink.producer.close(), checkpoints.close(), events.close()]))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
