import { Page } from 'playwright-core';
import { launchBrowser, signInAs, TestBrowser } from '../support/browser';
import { startWebPlatform, WebPlatform } from '../support/web-platform';

type Viewport = { width: number; height: number };

/**
 * The web app in Debian's Chromium against the real platform on a small demo city: one browser and
 * one platform for the whole file (call it inside `describe`); each test opens its own tabs, so its
 * own signed-in sessions, and they close after it.
 */
export function webSession() {
  let platform: WebPlatform;
  let browser: TestBrowser;
  const pages: Page[] = [];

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });

  const open = async (viewport?: Viewport) => {
    const page = await browser.page(viewport);
    pages.push(page);
    return page;
  };
  return {
    get base() {
      return platform.base;
    },
    get city() {
      return platform.city;
    },
    get browser() {
      return browser;
    },
    credential: (role: string, who?: RegExp) => platform.credential(role, who),
    open,
    /** A new tab signed in as someone of that role (the first whose name matches `who`, if given). */
    async signedIn(role: string, who?: RegExp, viewport?: Viewport) {
      const page = await open(viewport);
      const c = platform.credential(role, who);
      await signInAs(page, platform.base, c.username, c.password);
      return page;
    },
    /** The API as someone of that role calls it, with a fresh idempotency key. */
    async api(role: string, path: string, init: { method?: string; body?: object } = {}) {
      const c = platform.credential(role);
      const token = (await (await fetch(`${platform.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) })).json()) as { accessToken: string };
      const res = await fetch(`${platform.base}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/json', 'Idempotency-Key': `t-${Math.random()}` },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
    },
  };
}
