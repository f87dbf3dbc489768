import { Admin, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
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
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;
  private partitions: Promise<number> | null = null;

  constructor(private readonly options: KafkaProducerOptions) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN });
    // The Java client's partitioner (murmur2): consumers in any language find a key on the same partition.
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
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
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers }, ...(m.partition === undefined ? {} : { partition: m.partition }) })),
    });
  }

  /** The topic's partitions, read once: adding partitions to a topic moves keys, so it means restarting its relay and consumers anyway. */
  partitionCount(): Promise<number> {
    this.partitions ??= topicPartitionCount(this.kafka.admin(), this.options.topic).catch((error: unknown) => {
      this.partitions = null;
      throw error;
    });
    return this.partitions;
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }
}

export async function topicPartitionCount(admin: Admin, topic: string): Promise<number> {
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const count = topics.find((t) => t.name === topic)?.partitions.length ?? 0;
    if (count === 0) throw new Error(`Kafka topic ${topic} has no partitions (does it exist?)`);
    return count;
  } finally {
    await admin.disconnect();
  }
}
