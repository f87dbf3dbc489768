import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createPlatformApp } from '../../apps/platform/src/bootstrap';

export interface TestPlatform {
  app: NestExpressApplication;
  dataDir: string;
  http: () => ReturnType<typeof request>;
  /**
   * Headers of a signed-in user with this role and scope (subtree roots); the user is created on
   * first use. Admins see everything whatever their scope.
   */
  signIn(userId: string, role: string, scopeUnitIds?: string[]): Promise<Record<string, string>>;
  /** Restart on the same data directory, as after a crash or a deploy. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The real app on a real embedded store in a temp dir, driven over HTTP only. */
export async function startTestPlatform(options: { clock?: () => Date; dataDir?: string } = {}): Promise<TestPlatform> {
  process.env.NODE_ENV = 'test';
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'platform-e2e-'));
  const config = { port: 0, dataDir, devActorHeader: true };
  let app = await createPlatformApp(config, options.clock);
  await app.init();
  const platform: TestPlatform = {
    get app() {
      return app;
    },
    dataDir,
    http: () => request(app.getHttpServer()),
    async signIn(userId, role, scopeUnitIds = []) {
      return { 'x-dev-actor': `${userId};${role};${scopeUnitIds.join(',')}` };
    },
    async restart() {
      await app.close();
      app = await createPlatformApp(config, options.clock);
      await app.init();
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return platform;
}
