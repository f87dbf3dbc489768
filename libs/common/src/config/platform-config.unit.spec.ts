import { loadPlatformConfig, parseTrustProxy } from './platform-config';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless configured', () => {
    expect(loadPlatformConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
  });

  it('takes true, a hop count, or a list of addresses, subnets and named ranges', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
  });

  it('refuses anything else at start, naming the variable', () => {
    expect(() => parseTrustProxy('yes please')).toThrow('TRUST_PROXY');
    expect(() => loadPlatformConfig({ TRUST_PROXY: 'proxy.example' })).toThrow('TRUST_PROXY');
  });
});

describe('JWT_SECRET', () => {
  it('is generated per data directory for a single embedded process, but required in production', () => {
    expect(loadPlatformConfig({}).auth.jwtSecret).toBeNull();
    expect(() => loadPlatformConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET is required when NODE_ENV=production');
    expect(loadPlatformConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) }).auth.jwtSecret).toBe('s'.repeat(32));
  });

  it('refuses a short secret at start, naming the variable and the rule', () => {
    expect(() => loadPlatformConfig({ JWT_SECRET: 'short' })).toThrow('JWT_SECRET must be at least 32 characters');
  });
});

describe('PROJECTIONS_FILL_FROM_EVENTS', () => {
  it('fills new projections in one pass from 10,000 events unless configured, refusing what is not a positive whole number', () => {
    expect(loadPlatformConfig({}).projections?.fillFromEvents).toBe(10_000);
    expect(loadPlatformConfig({ PROJECTIONS_FILL_FROM_EVENTS: '500' }).projections?.fillFromEvents).toBe(500);
    expect(() => loadPlatformConfig({ PROJECTIONS_FILL_FROM_EVENTS: '0' })).toThrow('PROJECTIONS_FILL_FROM_EVENTS must be an integer ≥ 1, got "0"');
  });
});

describe('PROJECTION_SETTLE_MS', () => {
  it('settles live projections 40 ms under a stream of writes unless configured, 0 turning it off, refusing what is out of range', () => {
    expect(loadPlatformConfig({}).projections?.settleMs).toBe(40);
    expect(loadPlatformConfig({ PROJECTION_SETTLE_MS: '0' }).projections?.settleMs).toBe(0);
    expect(loadPlatformConfig({ PROJECTION_SETTLE_MS: '100' }).projections?.settleMs).toBe(100);
    expect(() => loadPlatformConfig({ PROJECTION_SETTLE_MS: '-1' })).toThrow('PROJECTION_SETTLE_MS');
    expect(() => loadPlatformConfig({ PROJECTION_SETTLE_MS: '5000' })).toThrow('PROJECTION_SETTLE_MS');
  });
});

describe('PROJECTOR_HEAP_MIB', () => {
  it('bounds the projector thread\'s heap at 512 MiB unless configured', () => {
    expect(loadPlatformConfig({}).projections?.heapMiB).toBe(512);
    expect(loadPlatformConfig({ PROJECTOR_HEAP_MIB: '1024' }).projections?.heapMiB).toBe(1024);
  });

  it('refuses a limit under 64 MiB or not a whole number, naming the variable and the rule', () => {
    expect(() => loadPlatformConfig({ PROJECTOR_HEAP_MIB: '32' })).toThrow('PROJECTOR_HEAP_MIB must be an integer ≥ 64, got "32"');
    expect(() => loadPlatformConfig({ PROJECTOR_HEAP_MIB: 'lots' })).toThrow('PROJECTOR_HEAP_MIB must be an integer ≥ 64, got "lots"');
  });
});
