import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { RelayMessage } from './integration-events';
import { RelayProducer } from './relay-ports';

export interface KafkaProducerOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topic: string;
}

/**
 * The relay's producer on Kafka (kafkajs). Idempotent, one request in flight and acks from every
 * in-sync replica: a retried send neither reorders a key's messages nor is acknowledged before
 * it is durable.
 */
export class KafkaRelayProducer implements RelayProducer {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(private readonly options: KafkaProducerOptions) {
    const kafka = new Kafka({ clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN });
    // The Java client's partitioner (murmur2): consumers in any language find a key on the same partition.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async send(messages: readonly RelayMessage[]): Promise<void> {
    // A failed connection is tried again at the relay's next attempt, not remembered.
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = null;
      throw error;
    });
    await this.connected;
    await this.producer.send({
      topic: this.options.topic,
      acks: -1,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
    });
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }
}
