import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, Page } from 'playwright-core';
import { CityAvailability } from '../support/city-data';
import { Comparison, compare, medianUnder, SectionResult } from '../support/model';
import { call, signIn } from '../support/platform';
import { quantile, spread } from '../support/stats';
import { removeDir } from '../support/temp';
import { startServer, stopServer, workingCopy } from './city';

export interface WebOptions {
  readonly rounds: number;
  readonly city: CityAvailability | null;
  /** --keep-read-models: start on the city's read models as built by an earlier start (the pages' timing does not depend on it). */
  readonly keepReadModels?: boolean;
  readonly log: (line: string) => void;
}

/** Debian's Chromium with the browser tests' flags (test/support/browser.ts); nothing is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const WEB_DIST = join(ROOT, 'apps', 'web', 'dist');

/** A page of the web app, and the element that shows it has drawn its data. */
interface WebPage {
  readonly key: string;
  readonly label: string;
  readonly path: string;
  readonly ready: string;
  /** The API call(s) whose answer the page draws: the reference. */
  readonly api: RegExp;
}

/**
 * Recorded in every document before its scripts run: the moment (performance.now(), so from the
 * navigation's start) each watched selector first matches, seen by a MutationObserver; and
 * `__benchWait(selector)`, a promise of that moment, which the bench awaits through one small CDP
 * evaluation. Not Playwright's waitForSelector: that injects Playwright's own script (hundreds of
 * KB) into each new document and polls in it, on the page's main thread, while the page starts —
 * measured at 75–450 ms of main-thread work inside the interval timed, which no reader's browser does.
 */
const watch = (selectors: string[]) => `(() => {
  const marks = (window.__benchReady = {});
  const waiting = [];
  window.__benchWait = (s) => new Promise((resolve) => (s in marks ? resolve(marks[s]) : waiting.push([s, resolve])));
  const watched = ${JSON.stringify(selectors)};
  const check = () => {
    for (const s of watched) {
      if (s in marks || !document.querySelector(s)) continue;
      marks[s] = performance.now();
      for (const [w, resolve] of waiting) if (w === s) resolve(marks[s]);
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * The first page's weight as the build counts it: index.html's scripts, preloads and stylesheet,
 * gzipped; the JavaScript (what the target is about) apart from the stylesheet.
 */
function firstPageBytes(): { files: number; bytes: number; jsBytes: number; cssBytes: number; allJsBytes: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const gz = (file: string) => gzipSync(readFileSync(join(WEB_DIST, file))).length;
  const sum = (files: string[]) => files.reduce((s, f) => s + gz(f), 0);
  const allJs = readdirSync(join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    files: assets.length,
    bytes: sum(assets),
    jsBytes: sum(assets.filter((a) => a.endsWith('.js'))),
    cssBytes: sum(assets.filter((a) => a.endsWith('.css'))),
    allJsBytes: sum(allJs.map((f) => join('assets', f))),
  };
}

function pendingSection(reason: string): SectionResult {
  return { key: 'web', title: '5. The web app in a browser', setup: [], comparisons: [], notes: [], profiles: [], raw: {}, durationMs: 0, pending: `Pending: ${reason}.` };
}

/**
 * The web app as an office opens it: the platform on a copy of the demo city (serving the built
 * app at `/`), Debian's Chromium headless, the office signed in once; then, round by round, a
 * fresh navigation to the board, the tracker and a problem's page, each timed by the browser from
 * navigation start until its table shows data, against the page's own API call for that data.
 */
export async function benchWeb(o: WebOptions): Promise<SectionResult> {
  if (!o.city || !o.city.ok) return pendingSection(o.city ? o.city.reason : 'the city was not prepared');
  const city = o.city.city;
  const started = performance.now();
  o.log('  building the web app (npm run build:web; skipped when nothing changed)');
  const buildOutput = execFileSync(process.execPath, [join(ROOT, 'apps', 'web', 'scripts', 'build-web.mjs')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const printed = /first page: (\d+) files, (\d+) KB gzipped/.exec(buildOutput);
  const weight = firstPageBytes();
  o.log(`    ${printed ? printed[0] : 'the build printed no first-page weight'}: JavaScript ${(weight.jsBytes / 1024).toFixed(0)} KB, stylesheet ${(weight.cssBytes / 1024).toFixed(0)} KB; all of the app's JavaScript ${(weight.allJsBytes / 1024).toFixed(0)} KB gzipped`);

  const dataDir = workingCopy(city.sourceDir, o.keepReadModels ?? false);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    server = await startServer(dataDir);
    const base = server.baseUrl;
    o.log(`  platform on a copy of the city at ${base}, projections caught up after ${(server.caughtUpMs / 1000).toFixed(1)} s`);
    const office = city.marker.credentials.find((c) => c.role === 'office');
    if (!office) throw new Error('the city marker names no office user');
    const token = await signIn(base, office.username, office.password);
    const campaign = city.marker.mainCampaignId;
    const problems = await call<{ items: Array<{ problemId: string }> }>(base, 'GET', `/api/campaigns/${campaign}/rectification-tracker/problems?limit=50`, { token });
    const problemId = problems.body.items?.[Math.min(10, problems.body.items.length - 1)]?.problemId;
    if (!problemId) throw new Error(`no problem to open (tracker problems answered ${problems.status})`);

    const pages: WebPage[] = [
      { key: 'board', label: 'progress board (进度看板)', path: '/board', ready: '[data-testid=board-ranking] tbody tr a', api: /\/api\/campaigns\/[^/]+\/board\b/ },
      { key: 'tracker', label: 'rectification tracker (整改台账)', path: '/tracker', ready: '[data-testid=problem-list] tbody tr.ant-table-row', api: /\/rectification-tracker(\/problems)?\?/ },
      { key: 'problem', label: 'a problem\'s timeline (问题时间线)', path: `/problems/${problemId}`, ready: '[data-testid=problem-timeline] tbody tr.ant-table-row', api: new RegExp(`/api/.*${problemId}`) },
    ];

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await context.addInitScript(watch(pages.map((p) => p.ready)));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${base}/sign-in`);
    await page.fill('#username', office.username);
    await page.fill('#password', office.password);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => url.pathname === '/');

    /**
     * One fresh navigation, all from the browser's own clock (ms since the navigation started):
     * when the data shows; when the app sent its first API request (document, scripts, start-up,
     * token renewal); and the page's own API calls for the data, start to last byte (resource timing).
     */
    const visit = async (p: WebPage, target: Page) => {
      await target.goto(`${base}${p.path}`);
      const shown = await cdp.send('Runtime.evaluate', { expression: `Promise.race([window.__benchWait(${JSON.stringify(p.ready)}), new Promise((_, no) => setTimeout(() => no(new Error('no data shown within 30 s')), 30000))])`, awaitPromise: true, returnByValue: true });
      if (shown.exceptionDetails) throw new Error(`${p.key}: ${shown.exceptionDetails.exception?.description ?? shown.exceptionDetails.text}`);
      return target.evaluate(
        ([selector, api]) => {
          const g = globalThis as unknown as { __benchReady: Record<string, number>; performance: { getEntriesByType(t: string): Array<{ name: string; startTime: number; responseEnd: number }> } };
          const calls = g.performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
          const mine = calls.filter((e) => new RegExp(api).test(e.name));
          return {
            readyMs: g.__benchReady[selector],
            firstApiMs: calls.length > 0 ? Math.min(...calls.map((e) => e.startTime)) : Number.NaN,
            apiMs: mine.length > 0 ? Math.max(...mine.map((e) => e.responseEnd - e.startTime)) : Number.NaN,
            calls: mine.length,
          };
        },
        [p.ready, p.api.source] as const,
      );
    };

    const samples: Record<string, { ready: number[]; api: number[]; firstApi: number[] }> = Object.fromEntries(pages.map((p) => [p.key, { ready: [], api: [], firstApi: [] }]));
    const first: string[] = [];
    for (const p of pages) {
      const r = await visit(p, page);
      first.push(`${p.key} ${Math.round(r.readyMs)} ms`);
    }
    o.log(`    first visits (warm-up, not counted): ${first.join(', ')}`);
    for (let round = 0; round < o.rounds; round++) {
      const order = round % 2 === 0 ? pages : [...pages].reverse();
      const line: string[] = [];
      for (const p of order) {
        const r = await visit(p, page);
        samples[p.key].ready.push(r.readyMs);
        samples[p.key].api.push(r.apiMs);
        samples[p.key].firstApi.push(r.firstApiMs);
        line.push(`${p.key} ${Math.round(r.readyMs)} ms (first API request at ${Math.round(r.firstApiMs)} ms; its API ${Math.round(r.apiMs)} ms, ${r.calls} calls)`);
      }
      o.log(`    round ${round + 1}/${o.rounds}: ${line.join('  ')}`);
    }
    await context.close();

    const at = (xs: number[], q: number) => quantile(xs.filter(Number.isFinite), q);
    const comparisons: Comparison[] = pages.flatMap((p) => {
      const s = samples[p.key];
      const note = `${s.ready.length} navigations; ready per round ${s.ready.map((x) => Math.round(x)).join(', ')} ms; API per round ${s.api.map((x) => Math.round(x)).join(', ')} ms; the app's first API request sent at p50 ${Math.round(at(s.firstApi, 0.5))} ms after navigation start`;
      return [
        compare(`${p.label}: navigation → data shown, p50`, 'ms', { label: 'page', samples: [at(s.ready, 0.5)] }, { label: 'its API call', samples: [at(s.api, 0.5)] }, medianUnder(1000, 'p50 < 1 s')),
        compare(`${p.label}: navigation → data shown, p95`, 'ms', { label: 'page', samples: [at(s.ready, 0.95)] }, { label: 'its API call', samples: [at(s.api, 0.95)] }, medianUnder(1000, 'p95 < 1 s'), note),
      ];
    });
    comparisons.push(
      compare(
        'first page: JavaScript, gzipped',
        'KB',
        { label: 'first page', samples: [weight.jsBytes / 1024] },
        { label: 'all of the app\'s JavaScript', samples: [weight.allJsBytes / 1024] },
        medianUnder(400, '< 400 KB'),
        `${weight.files} files: the entry script and its preloaded chunks, plus the stylesheet (${(weight.cssBytes / 1024).toFixed(0)} KB gzipped: Ant Design's static styles, see the setup); the rest of the scripts load per route`,
      ),
    );
    const stopped = await stopServer(server.child);
    server = null;
    return {
      key: 'web',
      title: '5. The web app in a browser',
      setup: [
        `City: seed ${city.marker.seed}, scale ${city.marker.scale}, ${city.marker.events.toLocaleString('en-US')} events; the platform in a child process on a copy of it${o.keepReadModels ? ' (its read models as an earlier start built them: --keep-read-models)' : ''}, serving the built web app at \`/\` (as \`npm start\`).`,
        `Debian's Chromium ${browser.version()} headless through playwright-core, with the browser tests' flags; viewport 1440×900. The office (${office.who}) signs in once through the sign-in page; then one warm-up visit of each page and ${o.rounds} rounds in alternating order of a fresh navigation (page.goto: the document is loaded again, the access token is renewed from the tab's refresh token, hashed scripts and styles come from the service worker's cache, as for a returning user) to the board, the tracker and a problem's page.`,
        'Time to data: performance.now() (from the navigation\'s start) when a MutationObserver installed before the page\'s scripts first sees the page\'s table rows (board ranking, problem list, problem timeline); the bench awaits that moment through one CDP evaluation of a promise the same script keeps, not through Playwright\'s waitForSelector, whose script injected into each new document ran on the page\'s main thread while the page started. Reference: the same navigation\'s own API call for that data (the slowest matching request, start to last byte, from the browser\'s resource timing). Also noted: when the app sent its first API request (what the document, the scripts, the app\'s start and the token renewal take before any data is asked for).',
        'First page weight: the build\'s own count of index.html\'s entry script and preloaded chunks, gzipped, against all of the app\'s JavaScript gzipped. The stylesheet is counted apart: Ant Design runs without generating its styles at run time (zeroRuntime; its static stylesheet instead), which saves the browser that work on every page at the price of a larger CSS file.',
        'How the app starts (apps/web): a returning reader\'s token renewal is started by the app\'s first module, before React renders; each page\'s route loader asks for its data while the page\'s code loads, from the address and the reader\'s scope alone (no waterfall through the organization tree); each page draws its main table first (the ranking, the problem list, the timeline), without Ant Design measuring it (fixed layout, the sideways scroll and the leading columns by CSS) and with plain tags in its cells; the board\'s chart and subordinates, the tracker\'s counts per unit and a problem\'s forms follow in a task of their own after that frame is painted; the board\'s ranking table is set up before its answer arrives. The web app is built with NODE_ENV=production whatever the caller\'s (React\'s production build).',
      ],
      comparisons,
      notes: [`Build: ${printed ? printed[0] : 'no figure printed'}. Server RSS at the end ${stopped.stats.rssMiB} MiB.`, `Problem opened: ${problemId}.`],
      profiles: [],
      raw: { samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { ...v, readySpread: spread(v.ready) }])), weight, problemId },
      durationMs: performance.now() - started,
    };
  } finally {
    await browser.close();
    if (server) server.child.kill();
    removeDir(dataDir);
  }
}
