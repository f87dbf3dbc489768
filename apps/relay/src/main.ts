import { loadStoresConfig, StoresConfigError } from '@platform/common';
import { openEventStore } from '@platform/event-store';
import { EventRelay, KafkaRelayProducer, SqliteRelayCheckpoints } from '@platform/relay';
import { join, resolve } from 'node:path';

const line = (level: string, message: string) => console.log(JSON.stringify({ time: new Date().toISOString(), level, service: 'relay', message }));

/**
 * `npm run relay`: publishes the integration events of DATA_DIR's event store (or KurrentDB with
 * EVENT_STORE=kurrentdb) to Kafka (BUS=kafka, KAFKA_BROKERS, KAFKA_TOPIC), resuming from its
 * checkpoint in DATA_DIR/relay.sqlite. Stops on SIGTERM/SIGINT after the batch in flight.
 */
async function main(): Promise<void> {
  const stores = loadStoresConfig(process.env);
  if (stores.bus.kind !== 'kafka') throw new StoresConfigError('the relay publishes to Kafka: set BUS=kafka and KAFKA_BROKERS (host:port, comma-separated)');
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  const events = await openEventStore(stores.eventStore, { dataDir });
  const checkpoints = new SqliteRelayCheckpoints(join(dataDir, 'relay.sqlite'));
  const producer = new KafkaRelayProducer(stores.bus);
  const name = `kafka:${stores.bus.topic}`;
  const relay = new EventRelay({ name, events, producer, checkpoints, logger: { log: (m) => line('info', m), error: (m) => line('error', m) } });
  relay.start();
  line('info', `relaying ${stores.eventStore.kind} events to ${stores.bus.topic} on ${stores.bus.brokers.join(',')} from position ${await checkpoints.load(name)}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    line('info', `${signal}: stopping at position ${relay.position}`);
    relay
      .stop()
      .then(() => Promise.all([producer.close(), checkpoints.close(), events.close()]))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          line('error', `stopping failed: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  line('error', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
