import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoCityMarker, generateCity } from '@platform/demo-data';
import { startTestPlatform, TestPlatform } from './test-platform';

export interface WebPlatform {
  readonly platform: TestPlatform;
  readonly base: string;
  readonly city: DemoCityMarker;
  credential(role: string, who?: RegExp): { username: string; password: string };
  close(): Promise<void>;
}

/**
 * A small demo city served over a real port, web app included (built by `npm run build`, which
 * `npm test` runs first): what a browser opens.
 */
export async function startWebPlatform(scale = 0.02): Promise<WebPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'web-e2e-'));
  const city = (await generateCity({ dataDir, seed: 'web', scale })).marker;
  const platform = await startTestPlatform({ dataDir });
  await platform.app.listen(0, '127.0.0.1');
  const { port } = platform.app.getHttpServer().address() as AddressInfo;
  return {
    platform,
    base: `http://127.0.0.1:${port}`,
    city,
    credential(role, who) {
      const c = city.credentials.find((x) => x.role === role && (!who || who.test(x.who)));
      if (!c) throw new Error(`no demo ${role} matching ${who}`);
      return { username: c.username, password: c.password };
    },
    async close() {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
