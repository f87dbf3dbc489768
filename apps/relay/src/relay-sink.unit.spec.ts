import { loadStoresConfig } from '@platform/common';
import { PROJECTION_FEED_CONTRACT } from '@platform/relay';
import { relaySink } from './relay-sink';

describe('what the relay publishes (RELAY_PUBLISHES)', () => {
  const kafka = { BUS: 'kafka', KAFKA_BROKERS: 'kafka-1:9092' };

  it('publishes the integration events by default, to Kafka or to a file', () => {
    expect(relaySink(loadStoresConfig({}), '/data', {})).toMatchObject({ name: 'file:integration-events', contract: { describe: 'integration events' } });
    expect(relaySink(loadStoresConfig(kafka), '/data', kafka)).toMatchObject({ name: 'kafka:platform.integration-events', contract: { describe: 'integration events' } });
  });

  it('publishes the projection feed to its own topic, with a checkpoint of its own', () => {
    const env = { ...kafka, RELAY_PUBLISHES: 'projection-feed' };
    const sink = relaySink(loadStoresConfig(env), '/data', env);
    expect(sink.name).toBe('kafka:platform.projection-feed.v1');
    expect(sink.contract).toBe(PROJECTION_FEED_CONTRACT);
    const renamed = { ...env, KAFKA_PROJECTION_TOPIC: 'feed.v2' };
    expect(relaySink(loadStoresConfig(renamed), '/data', renamed).name).toBe('kafka:feed.v2');
  });

  it('refuses the projection feed without Kafka, and an unknown choice, naming the variable', () => {
    expect(() => relaySink(loadStoresConfig({}), '/data', { RELAY_PUBLISHES: 'projection-feed' })).toThrow('RELAY_PUBLISHES=projection-feed needs BUS=kafka');
    expect(() => relaySink(loadStoresConfig({}), '/data', { RELAY_PUBLISHES: 'everything' })).toThrow(
      'RELAY_PUBLISHES must be one of integration-events, projection-feed (default integration-events), got "everything"',
    );
  });
});
