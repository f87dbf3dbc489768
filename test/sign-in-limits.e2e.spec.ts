import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PlatformConfig } from '@platform/common';
import { createPlatformApp } from '../apps/platform/src/bootstrap';
import { testConfig } from './support/test-platform';

/** A platform on its own data directory with the given limits and proxy trust, driven over HTTP. */
async function platformWith(over: { limits?: Partial<PlatformConfig['limits']>; trustProxy?: PlatformConfig['trustProxy'] }) {
  process.env.NODE_ENV = 'test';
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-limits-'));
  const app: NestExpressApplication = await createPlatformApp({ ...testConfig(dataDir, over.limits), trustProxy: over.trustProxy });
  await app.init();
  return {
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const wrongFrom = (p: { http: () => ReturnType<typeof request> }, address: string, username = 'nobody') =>
  p.http().post('/api/auth/sign-in').set('x-forwarded-for', address).send({ username, password: 'wrong-password' });

describe('the client address behind X-Forwarded-For', () => {
  it('is not taken from the header unless TRUST_PROXY is set: a spoofed header buys no new budget', async () => {
    const p = await platformWith({ limits: { signInPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await wrongFrom(p, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await p.close();
  });

  it('is taken from the header when the proxy in front is configured', async () => {
    const p = await platformWith({ limits: { signInPerMinute: 3 }, trustProxy: ['loopback'] });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await wrongFrom(p, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await wrongFrom(p, '203.0.113.0')).status).toBe(401);
    expect((await wrongFrom(p, '203.0.113.0')).status).toBe(401);
    expect((await wrongFrom(p, '203.0.113.0')).status).toBe(429);
    await p.close();
  });
});
