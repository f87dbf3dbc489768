import { hostname } from 'node:os';
import { defaultProjectionGroup, loadProjectionSourceConfig } from './projection-source-config';

describe('the projection source (PROJECTION_SOURCE)', () => {
  it('reads the event store unless told otherwise; a broker address alone chooses nothing', () => {
    expect(loadProjectionSourceConfig({})).toEqual({ kind: 'store' });
    expect(loadProjectionSourceConfig({ PROJECTION_SOURCE: 'store', KAFKA_BROKERS: 'k:9092' })).toEqual({ kind: 'store' });
  });

  it('consumes the projection feed with kafka, in a group of its own by default', () => {
    expect(loadProjectionSourceConfig({ PROJECTION_SOURCE: 'kafka', KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' })).toEqual({
      kind: 'kafka',
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      clientId: 'campaign-platform',
      topic: 'platform.projection-feed.v1',
      groupId: defaultProjectionGroup(hostname()),
    });
    expect(loadProjectionSourceConfig({ PROJECTION_SOURCE: 'kafka', KAFKA_BROKERS: 'k:9092', KAFKA_PROJECTION_TOPIC: 'feed.v2', PROJECTION_KAFKA_GROUP: 'views-a' })).toMatchObject({
      topic: 'feed.v2',
      groupId: 'views-a',
    });
    // One group per projector: each merges every partition.
    expect(loadProjectionSourceConfig({ PROJECTION_SOURCE: 'kafka', KAFKA_BROKERS: 'k:9092', PROJECTOR_ID: 'projector-1' })).toMatchObject({ groupId: 'projector.projector-1' });
    expect(loadProjectionSourceConfig({ PROJECTION_SOURCE: 'kafka', KAFKA_BROKERS: 'k:9092', PROJECTOR_ID: 'host:12:ab' })).toMatchObject({ groupId: 'projector.host-12-ab' });
  });

  it('names the missing or malformed variable and its rule', () => {
    expect(() => loadProjectionSourceConfig({ PROJECTION_SOURCE: 'kafka' })).toThrow(/^PROJECTION_SOURCE=kafka needs KAFKA_BROKERS: comma-separated host:port brokers/);
    expect(() => loadProjectionSourceConfig({ PROJECTION_SOURCE: 'kafka', KAFKA_BROKERS: 'kafka' })).toThrow('KAFKA_BROKERS must be comma-separated host:port brokers');
    expect(() => loadProjectionSourceConfig({ PROJECTION_SOURCE: 'subscription' })).toThrow('PROJECTION_SOURCE must be one of store, kafka (default store), got "subscription"');
    expect(() => loadProjectionSourceConfig({ PROJECTION_SOURCE: 'kafka', KAFKA_BROKERS: 'k:9092', PROJECTION_KAFKA_GROUP: 'a group' })).toThrow(
      'PROJECTION_KAFKA_GROUP must be 1 to 249 of letters',
    );
  });
});
