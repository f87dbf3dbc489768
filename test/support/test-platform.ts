import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { PlatformConfig } from '@platform/common';
import { ClusteredLikeEventStore } from '../../apps/platform/src/app.module';
import { createPlatformApp } from '../../apps/platform/src/bootstrap';

export type Headers = Record<string, string>;

export interface TestPlatform {
  app: NestFastifyApplication;
  dataDir: string;
  config: PlatformConfig;
  http: () => ReturnType<typeof request>;
  /**
   * Headers of a signed-in user with this role and scope (subtree roots); an administrator
   * creates the user on first use, then it signs in with its password like anyone else.
   * `unitId` is the user's own unit (本单位) when it is to be named explicitly.
   */
  signIn(userId: string, role: string, scopeUnitIds?: string[], unitId?: string): Promise<Headers>;
  /** The event store's head, as /health reports it: unchanged across a call means it wrote nothing. */
  headPosition(): Promise<number>;
  /** Runs `request` (a refusal, a replay) and checks that the store's head did not move meanwhile. */
  writesNothing<T>(request: () => PromiseLike<T>): Promise<T>;
  /** Restart on the same data directory, as after a crash or a deploy. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const TEST_ADMIN = { username: 'admin-1', password: 'admin-password-for-tests' };
export const TEST_PASSWORD = 'user-password-for-tests';

export function testConfig(dataDir: string, limits: Partial<PlatformConfig['limits']> = {}): PlatformConfig {
  return {
    port: 0,
    dataDir,
    auth: {
      jwtSecret: null,
      accessTokenSeconds: 900,
      refreshTokenSeconds: 3600,
      adminUsername: TEST_ADMIN.username,
      adminPassword: TEST_ADMIN.password,
      demo: false,
    },
    limits: { signInPerMinute: 10_000, signInFailuresPerAccount: 10_000, signInFailuresPerAddress: 10_000, writesPerMinute: 100_000, bodyLimit: '5mb', corsOrigins: [], ...limits },
  };
}

/** The real app on a real embedded store in a temp dir, driven over HTTP only. */
export async function startTestPlatform(
  options: {
    clock?: () => Date;
    dataDir?: string;
    limits?: Partial<PlatformConfig['limits']>;
    /** Another administrator bootstrapped at start instead of TEST_ADMIN (signIn then cannot register users). */
    admin?: { username: string; password: string };
    /** Where the projections run (default: on the API's event loop, as PROJECTIONS=in-process). */
    projections?: PlatformConfig['projections'];
    /** The stores (default: the embedded ones), e.g. EVENT_STORE=kurrentdb. */
    stores?: PlatformConfig['stores'];
    /** The embedded store promising only what a clustered one does, or a KurrentDB namespace (see ClusteredLikeEventStore). */
    eventStore?: ClusteredLikeEventStore;
  } = {},
): Promise<TestPlatform> {
  process.env.NODE_ENV = 'test';
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'platform-e2e-'));
  const base = testConfig(dataDir, options.limits);
  const withAdmin = options.admin ? { ...base, auth: { ...base.auth, adminUsername: options.admin.username, adminPassword: options.admin.password } } : base;
  const config = { ...withAdmin, ...(options.projections ? { projections: options.projections } : {}), ...(options.stores ? { stores: options.stores } : {}) };
  let app = await startApp();
  async function startApp() {
    const started = await createPlatformApp(config, options.clock, 'platform', options.eventStore);
    await started.init();
    // Fastify routes requests once its plugins are loaded: supertest sends them to the bare server.
    await started.getHttpAdapter().getInstance().ready();
    return started;
  }
  const registered = new Set<string>([TEST_ADMIN.username]);
  const http = () => request(app.getHttpServer());

  async function tokenFor(username: string, password: string): Promise<string> {
    const res = await http().post('/api/auth/sign-in').send({ username, password });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  const platform: TestPlatform = {
    get app() {
      return app;
    },
    dataDir,
    config,
    http,
    async signIn(userId, role, scopeUnitIds = [], unitId) {
      if (userId === TEST_ADMIN.username) return { authorization: `Bearer ${await tokenFor(userId, TEST_ADMIN.password)}` };
      if (!registered.has(userId)) {
        const admin = await tokenFor(TEST_ADMIN.username, TEST_ADMIN.password);
        const res = await http()
          .post('/api/users')
          .set('authorization', `Bearer ${admin}`)
          .send({ userId, username: userId.toLowerCase(), displayName: userId, role, scopeUnitIds, ...(unitId ? { unitId } : {}), password: TEST_PASSWORD });
        if (res.status !== 201) throw new Error(`creating ${userId} failed: ${res.status} ${JSON.stringify(res.body)}`);
        registered.add(userId);
      }
      return { authorization: `Bearer ${await tokenFor(userId.toLowerCase(), TEST_PASSWORD)}` };
    },
    async headPosition() {
      return (await http().get('/health').expect(200)).body.eventStore.headPosition as number;
    },
    async writesNothing(request) {
      const before = await platform.headPosition();
      const result = await request();
      expect(await platform.headPosition()).toBe(before);
      return result;
    },
    async restart() {
      await app.close();
      app = await startApp();
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return platform;
}
