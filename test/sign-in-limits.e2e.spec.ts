import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { loadPlatformConfig, PlatformConfig } from '@platform/common';
import { createPlatformApp } from '../apps/platform/src/bootstrap';
import { TEST_ADMIN, testConfig } from './support/test-platform';

/** A platform on its own data directory with the given limits and proxy trust, driven over HTTP. */
async function platformWith(over: { limits?: Partial<PlatformConfig['limits']>; trustProxy?: PlatformConfig['trustProxy'] }) {
  process.env.NODE_ENV = 'test';
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-limits-'));
  const app: NestFastifyApplication = await createPlatformApp({ ...testConfig(dataDir, over.limits), trustProxy: over.trustProxy });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Platform = Awaited<ReturnType<typeof platformWith>>;

/** Staff accounts created by the administrator directly (one administrator sign-in), password = username + a suffix. */
async function createStaff(p: Platform, ids: string[]): Promise<void> {
  const admin = await p.http().post('/api/auth/sign-in').send(TEST_ADMIN).expect(200);
  const auth = { authorization: `Bearer ${admin.body.accessToken}` };
  await p.http().post('/api/organizations').set(auth).send({ unitId: 'city', name: '常德市', level: 'city', unitType: 'agency' }).expect(201);
  for (const id of ids) {
    await p
      .http()
      .post('/api/users')
      .set(auth)
      .send({ userId: id, username: id, displayName: id, role: 'operator', scopeUnitIds: ['city'], password: `${id}-password` })
      .expect(201);
  }
}

const signInFrom = (p: Platform, address: string, username: string, password = `${username}-password`) =>
  p.http().post('/api/auth/sign-in').set('x-forwarded-for', address).send({ username, password });

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

describe('sign-in limits: failures per account and per address, successes loosely', () => {
  it('with the default limits, 30 staff of one township office sign in from one address within a minute', async () => {
    const p = await platformWith({ limits: loadPlatformConfig({}).limits });
    const staff = Array.from({ length: 30 }, (_, i) => `clerk-${i}`);
    await createStaff(p, staff);
    const statuses: number[] = [];
    for (const id of staff) statuses.push((await p.http().post('/api/auth/sign-in').send({ username: id, password: `${id}-password` })).status);
    expect(statuses).toEqual(staff.map(() => 200));
    await p.close();
  });

  it('locks one account after its failures from any address, while colleagues at the same address still sign in', async () => {
    const p = await platformWith({ limits: { signInFailuresPerAccount: 3, signInFailuresPerAddress: 100 }, trustProxy: ['loopback'] });
    await createStaff(p, ['clerk-a', 'clerk-b']);
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await signInFrom(p, address, 'clerk-a', 'guess').expect(401);
    const locked = await signInFrom(p, '198.51.100.4', 'clerk-a').expect(429);
    expect(locked.body.code).toBe('sign_in_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await signInFrom(p, '198.51.100.1', 'clerk-b').expect(200);
    await p.close();
  });

  it('locks one address after failures across accounts, not the accounts elsewhere', async () => {
    const p = await platformWith({ limits: { signInFailuresPerAccount: 100, signInFailuresPerAddress: 3 }, trustProxy: ['loopback'] });
    await createStaff(p, ['clerk-a']);
    for (const name of ['x1', 'x2', 'x3']) await signInFrom(p, '192.0.2.9', name, 'guess').expect(401);
    expect((await signInFrom(p, '192.0.2.9', 'clerk-a').expect(429)).body.code).toBe('sign_in_locked');
    await signInFrom(p, '192.0.2.10', 'clerk-a').expect(200);
    await p.close();
  });

  it('clears an account’s failures when its password is given, so typos do not add up over the day', async () => {
    const p = await platformWith({ limits: { signInFailuresPerAccount: 3, signInFailuresPerAddress: 100 } });
    await createStaff(p, ['clerk-a']);
    for (let round = 0; round < 3; round++) {
      await signInFrom(p, '-', 'clerk-a', 'typo').expect(401);
      await signInFrom(p, '-', 'clerk-a', 'typo').expect(401);
      await signInFrom(p, '-', 'clerk-a').expect(200);
    }
    await p.close();
  });
});
