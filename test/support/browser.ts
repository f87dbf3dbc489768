import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, errors, Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); no test downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'web');

export interface TestBrowser {
  readonly context: BrowserContext;
  /** A new tab: the sign-in lives in the tab's sessionStorage, so each tab is its own session. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** One headless Chromium on a fresh profile, shared by a spec's tests. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    locale: 'zh-CN',
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    async page(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves the page as `name`.png. The picture is a by-product of the test, not what it asserts, and
 * on a starved two-core machine Chromium has once taken more than 30 s to paint a full page; so a
 * full-page capture that times out is retried once as the visible part only, instead of failing a
 * test whose assertions all held.
 */
export async function screenshot(page: Page, name: string, dir = SCREENSHOTS): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const settled = { animations: 'disabled', caret: 'hide', timeout: 20_000 } as const;
  try {
    await page.screenshot({ ...settled, path, fullPage: true });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    console.warn(`screenshot ${name}: the full page took over ${settled.timeout / 1000} s; saved the visible part`);
    await page.screenshot({ ...settled, path });
  }
}

/** Signs in through the sign-in page and waits for the role's home. */
export async function signInAs(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => url.pathname === '/');
}
