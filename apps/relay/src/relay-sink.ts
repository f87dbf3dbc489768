import { choice, projectionFeedTopic, StoresConfig, StoresConfigError } from '@platform/common';
import { integrationContract, JsonlFileProducer, KafkaRelayProducer, PROJECTION_FEED_CONTRACT, RelayContract, RelayProducer } from '@platform/relay';
import { join, resolve } from 'node:path';

export interface RelaySink {
  /** The checkpoint's name: one per destination, so a new destination starts from the first event. */
  readonly name: string;
  readonly producer: RelayProducer;
  readonly contract: RelayContract;
  readonly describe: string;
}

/**
 * Where the relay publishes and what. RELAY_PUBLISHES=integration-events (default): the
 * integration events to Kafka's topic with BUS=kafka, otherwise (the embedded topology) to a
 * JSON-lines file, RELAY_FILE or DATA_DIR/integration-events.jsonl. RELAY_PUBLISHES=projection-feed
 * (needs BUS=kafka): every event to KAFKA_PROJECTION_TOPIC for projectors with
 * PROJECTION_SOURCE=kafka — a second relay process beside the first, with a checkpoint of its own.
 */
export function relaySink(stores: StoresConfig, dataDir: string, env: NodeJS.ProcessEnv): RelaySink {
  const publishes = choice(env, 'RELAY_PUBLISHES', ['integration-events', 'projection-feed'] as const);
  if (publishes === 'projection-feed') {
    if (stores.bus.kind !== 'kafka') throw new StoresConfigError('RELAY_PUBLISHES=projection-feed needs BUS=kafka (and KAFKA_BROKERS): the feed is a Kafka topic');
    const topic = projectionFeedTopic(env);
    const producer = new KafkaRelayProducer({ ...stores.bus, topic });
    return { name: `kafka:${topic}`, producer, contract: PROJECTION_FEED_CONTRACT, describe: `Kafka topic ${topic} (projection feed) on ${stores.bus.brokers.join(',')}` };
  }
  const contract = integrationContract();
  if (stores.bus.kind === 'kafka') {
    const { topic, brokers } = stores.bus;
    return { name: `kafka:${topic}`, producer: new KafkaRelayProducer(stores.bus), contract, describe: `Kafka topic ${topic} on ${brokers.join(',')}` };
  }
  const file = resolve(env.RELAY_FILE || join(dataDir, 'integration-events.jsonl'));
  return { name: 'file:integration-events', producer: new JsonlFileProducer(file), contract, describe: `file ${file}` };
}
