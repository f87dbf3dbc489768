import { SqliteEventStore } from '@platform/event-store';
import { FeedProjectionSource, InMemoryReadStore, InMemoryReadStoreData, ProjectionRunner } from '@platform/read-models';
import { appendTicks } from '@platform/read-models/testing/sample-events';
import { groupTallyProjection, streamActivityProjection, TALLY_GROUPS } from '@platform/read-models/testing/sample-projections';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { EventRelay } from './event-relay';
import { KafkaFeedConsumer } from './kafka-feed-consumer';
import { KafkaRelayProducer } from './kafka-producer';
import { PROJECTION_FEED_CONTRACT } from './relay-contract';
import { RelayCheckpoints } from './relay-ports';

const brokers = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim());

class MemoryCheckpoints implements RelayCheckpoints {
  private position = 0;
  async load(): Promise<number> {
    return this.position;
  }
  async save(_name: string, position: number): Promise<void> {
    this.position = position;
  }
  async close(): Promise<void> {}
}

if (brokers) {
  describe('the projection feed on Kafka', () => {
    it('feeds a projection equal to the one fed by the event store, and resumes in the group after a restart', async () => {
      const topic = `projection-feed-test-${randomUUID()}`;
      const groupId = `projector-test-${randomUUID()}`;
      const kafka = new Kafka({ clientId: 'feed-test', brokers: brokers!, logLevel: logLevel.WARN });
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
      const events = new SqliteEventStore({ file: ':memory:' });
      const producer = new KafkaRelayProducer({ brokers: brokers!, clientId: 'feed-test', topic });
      const relay = new EventRelay({ name: topic, events, producer, checkpoints: new MemoryCheckpoints(), contract: PROJECTION_FEED_CONTRACT, batchSize: 25 });
      const projections = () => [groupTallyProjection(), streamActivityProjection];
      const data = new InMemoryReadStoreData();
      const fedByKafka = () => {
        const source = new FeedProjectionSource({ consumer: new KafkaFeedConsumer({ brokers: brokers!, clientId: 'feed-test', topic, groupId }), history: events, projections: ['group-tally', 'stream-activity'] });
        const runner = new ProjectionRunner(events, new InMemoryReadStore(data), projections(), { source, pollMs: 20, onCommitted: (n, p) => void source.checkpointed(n, p) });
        return { source, runner };
      };
      const fromStore = new InMemoryReadStore();
      const storeRunner = new ProjectionRunner(events, fromStore, projections());

      await appendTicks(events, 200, { groups: 13, perAppend: 4 });
      while ((await relay.step()).read > 0);
      let kafkaFed = fedByKafka();
      await kafkaFed.source.start();
      kafkaFed.runner.start();
      await kafkaFed.runner.caughtUp({ timeoutMs: 30_000 });
      await kafkaFed.runner.stop();
      await kafkaFed.source.stop();

      await appendTicks(events, 120, { groups: 7, perAppend: 3, prefix: 'later' });
      while ((await relay.step()).read > 0);
      kafkaFed = fedByKafka();
      await kafkaFed.source.start();
      kafkaFed.runner.start();
      storeRunner.start();
      await Promise.all([kafkaFed.runner.caughtUp({ timeoutMs: 30_000 }), storeRunner.caughtUp({ timeoutMs: 30_000 })]);
      await kafkaFed.runner.stop();
      await kafkaFed.source.stop();
      await storeRunner.stop();

      const byId = (docs: Array<{ _id: string }>) => docs.sort((a, b) => a._id.localeCompare(b._id));
      for (const collection of [TALLY_GROUPS, 'tally_totals', 'stream_activity']) {
        expect(byId(await new InMemoryReadStore(data).find(collection))).toEqual(byId(await fromStore.find(collection)));
      }
      // The restart resumed from the committed offsets: nothing above the checkpoint came from the event store.
      expect(kafkaFed.source.served.history).toBe(0);
      await producer.close();
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
      await events.close();
    });
  });
} else {
  describe('the projection feed on Kafka', () => {
    it('needs KAFKA_BROKERS to run', () => {
      console.log('Kafka projection feed test skipped: KAFKA_BROKERS is not set (e.g. localhost:9092)');
    });
  });
}
