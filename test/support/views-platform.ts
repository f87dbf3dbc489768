import { buildViewsWorld, ViewsWorld } from '../../libs/views/src/testing/views-world';
import { startTestPlatform, TestPlatform } from './test-platform';

/** The real platform with the views' small city built over HTTP (its campaign and usual staff): where the views' e2e specs start. */
export async function startViewsPlatform(options: Parameters<typeof startTestPlatform>[0] = {}): Promise<{ p: TestPlatform; w: ViewsWorld }> {
  const p = await startTestPlatform(options);
  return { p, w: await buildViewsWorld(p) };
}
