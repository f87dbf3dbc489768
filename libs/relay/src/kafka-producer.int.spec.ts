import { SqliteEventStore } from '@platform/event-store';
import { newEvent } from '@platform/event-store/testing/event-store.contract';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventRelay } from './event-relay';
import { KafkaRelayProducer } from './kafka-producer';
import { SqliteRelayCheckpoints } from './sqlite-relay-checkpoints';

const brokers = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim());

if (brokers) {
  describe('the event relay on Kafka', () => {
    it('publishes to a topic keyed by stream id, in order per stream, with the contract headers', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'relay-kafka-'));
      const topic = `relay-test-${randomUUID()}`;
      const kafka = new Kafka({ clientId: 'relay-test', brokers: brokers!, logLevel: logLevel.WARN });
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
      const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
      for (let i = 0; i < 6; i++) {
        await events.append(`unit-progress-c1-u${i % 2}`, [newEvent('StepRecorded', { campaignId: 'c1', unitId: `u${i % 2}`, stepKey: `s${i}` }, { correlationId: `corr-${i}` })], 'any');
      }
      const producer = new KafkaRelayProducer({ brokers: brokers!, clientId: 'relay-test', topic });
      const checkpoints = new SqliteRelayCheckpoints(join(dir, 'relay.sqlite'));
      const relay = new EventRelay({ name: `kafka:${topic}`, events, producer, checkpoints, batchSize: 4 });
      while ((await relay.step()).read > 0);

      const consumer = kafka.consumer({ groupId: `relay-test-${randomUUID()}` });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received: Array<{ key: string; position: number; correlation: string; version: string }> = [];
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            received.push({
              key: message.key!.toString(),
              position: Number(message.headers!.position!.toString()),
              correlation: message.headers!['correlation-id']!.toString(),
              version: message.headers!['schema-version']!.toString(),
            });
            if (received.length === 6) resolve();
          },
        });
      });
      for (const key of ['unit-progress-c1-u0', 'unit-progress-c1-u1']) {
        const positions = received.filter((r) => r.key === key).map((r) => r.position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(positions).toHaveLength(3);
      }
      expect(received.every((r) => r.version === '1' && r.correlation.startsWith('corr-'))).toBe(true);
      await consumer.disconnect();
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
      await producer.close();
      await checkpoints.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    });
  });
} else {
  describe('the event relay on Kafka', () => {
    it('needs KAFKA_BROKERS to run', () => {
      console.log('Kafka relay test skipped: KAFKA_BROKERS is not set (e.g. localhost:9092)');
    });
  });
}
