import Fastify from 'fastify';
import { trustProxyOf } from './trust-proxy';

/** The client address a request through `forwardedFor` gets, arriving from 127.0.0.1. */
async function ipSeen(trust: Parameters<typeof trustProxyOf>[0], forwardedFor: string): Promise<string> {
  const app = Fastify({ trustProxy: trustProxyOf(trust) });
  app.get('/', async (req) => ({ ip: req.ip }));
  try {
    const res = await app.inject({ method: 'GET', url: '/', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': forwardedFor } });
    return (res.json() as { ip: string }).ip;
  } finally {
    await app.close();
  }
}

describe('TRUST_PROXY as the edge applies it', () => {
  it('believes no X-Forwarded-For unless a proxy is configured', async () => {
    expect(await ipSeen(false, '203.0.113.7')).toBe('127.0.0.1');
    expect(await ipSeen(undefined, '203.0.113.7')).toBe('127.0.0.1');
  });

  it('takes a hop count as that many proxies nearest the platform', async () => {
    expect(await ipSeen(1, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(await ipSeen(2, '198.51.100.1, 203.0.113.7')).toBe('198.51.100.1');
  });

  it('takes addresses and subnets, and true', async () => {
    expect(await ipSeen(['loopback'], '203.0.113.7')).toBe('203.0.113.7');
    expect(await ipSeen(['10.0.0.0/8'], '203.0.113.7')).toBe('127.0.0.1');
    expect(await ipSeen(true, '198.51.100.1, 203.0.113.7')).toBe('198.51.100.1');
  });
});
