import { FeedConsumer, FeedConsumerHandlers, FeedRecord } from '@platform/read-models';
import { Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';
import { topicPartitionCount } from './kafka-producer';

export interface KafkaFeedConsumerOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topic: string;
  readonly groupId: string;
}

/**
 * A consumer-group member on kafkajs for the projection feed. Offsets are committed only when
 * told (after the projections' checkpoints), never automatically: what was delivered and not
 * committed comes again after a crash or a rebalance, and the merge drops it by position.
 */
export class KafkaFeedConsumer implements FeedConsumer {
  private readonly kafka: Kafka;
  private readonly consumer: Consumer;

  constructor(private readonly options: KafkaFeedConsumerOptions) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN });
    this.consumer = this.kafka.consumer({ groupId: options.groupId });
  }

  async start(handlers: FeedConsumerHandlers): Promise<void> {
    const { topic } = this.options;
    const total = await topicPartitionCount(this.kafka.admin(), topic);
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => handlers.assigned(e.payload.memberAssignment[topic] ?? [], total));
    await this.consumer.connect();
    // A new group reads the topic from its beginning; what retention removed is read from the event store.
    await this.consumer.subscribe({ topics: [topic], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch, isStale }) => {
        if (isStale()) return;
        const records: FeedRecord[] = batch.messages.map((m) => ({
          partition: batch.partition,
          offset: m.offset,
          value: m.value?.toString('utf8') ?? '',
          headers: stringHeaders(m.headers),
        }));
        await handlers.records(records);
      },
    });
  }

  commit(offsets: ReadonlyArray<{ partition: number; offset: string }>): Promise<void> {
    return this.consumer.commitOffsets(offsets.map((o) => ({ topic: this.options.topic, partition: o.partition, offset: o.offset })));
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    out[name] = first === undefined ? undefined : first.toString();
  }
  return out;
}
