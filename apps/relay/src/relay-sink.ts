import { StoresConfig } from '@platform/common';
import { JsonlFileProducer, KafkaRelayProducer, RelayProducer } from '@platform/relay';
import { join, resolve } from 'node:path';

export interface RelaySink {
  /** The checkpoint's name: one per destination, so a new destination starts from the first event. */
  readonly name: string;
  readonly producer: RelayProducer;
  readonly describe: string;
}

/**
 * Where the relay publishes: Kafka's topic with BUS=kafka; otherwise (the embedded topology) a
 * JSON-lines file, RELAY_FILE or DATA_DIR/integration-events.jsonl, with the same messages.
 */
export function relaySink(stores: StoresConfig, dataDir: string, env: NodeJS.ProcessEnv): RelaySink {
  if (stores.bus.kind === 'kafka') {
    const { topic, brokers } = stores.bus;
    return { name: `kafka:${topic}`, producer: new KafkaRelayProducer(stores.bus), describe: `Kafka topic ${topic} on ${brokers.join(',')}` };
  }
  const file = resolve(env.RELAY_FILE || join(dataDir, 'integration-events.jsonl'));
  return { name: 'file:integration-events', producer: new JsonlFileProducer(file), describe: `file ${file}` };
}
