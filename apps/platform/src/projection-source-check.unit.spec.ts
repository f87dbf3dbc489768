import { loadPlatformConfig } from '@platform/common';
import { refuseUnservedProjectionSource } from './projection-source-check';

describe('the platform and PROJECTION_SOURCE', () => {
  const kafka = { PROJECTION_SOURCE: 'kafka', KAFKA_BROKERS: 'kafka-1:9092' };

  it('refuses the Kafka feed when it runs the projections itself, saying what to do instead', () => {
    for (const PROJECTIONS of ['worker', 'in-process']) {
      const env = { ...kafka, PROJECTIONS };
      expect(() => refuseUnservedProjectionSource(loadPlatformConfig(env), env)).toThrow(
        new RegExp(`PROJECTION_SOURCE=kafka is read by the projector service .*PROJECTIONS=${PROJECTIONS}.*Set PROJECTIONS=off`),
      );
    }
  });

  it('accepts the feed when a projector runs the projections, and the store source always', () => {
    const off = { ...kafka, PROJECTIONS: 'off' };
    expect(() => refuseUnservedProjectionSource(loadPlatformConfig(off), off)).not.toThrow();
    expect(() => refuseUnservedProjectionSource(loadPlatformConfig({}), {})).not.toThrow();
    expect(() => refuseUnservedProjectionSource(loadPlatformConfig({ PROJECTION_SOURCE: 'store' }), { PROJECTION_SOURCE: 'store' })).not.toThrow();
  });

  it('refuses the feed even without brokers, and names the choices for an unknown source', () => {
    const bare = { PROJECTION_SOURCE: 'kafka' };
    expect(() => refuseUnservedProjectionSource(loadPlatformConfig(bare), bare)).toThrow(/read by the projector service/);
    const typo = { PROJECTION_SOURCE: 'kafak' };
    expect(() => refuseUnservedProjectionSource(loadPlatformConfig(typo), typo)).toThrow(/PROJECTION_SOURCE must be .*store.*kafka/);
  });
});
