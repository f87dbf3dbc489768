import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { samplePng } from '@platform/blobs';
import { DEMO_PASSWORDS, MAIN_CAMPAIGN_ID } from '@platform/demo-data';
import { screenshot, signInAs } from '../support/browser';
import { webSession } from './web-session';

// Functions passed to page.evaluate run in the page, where these exist; the test code itself is compiled for Node.
declare const document: { querySelector(s: string): any; querySelectorAll(s: string): ArrayLike<any> & Iterable<any>; documentElement: { scrollWidth: number } };
declare const sessionStorage: { getItem(key: string): string | null };

/** The toast a form shows once its command is accepted. */
const savedToast = (page: Page) => page.locator('.ant-message-notice').filter({ hasText: '已提交' }).first();

/**
 * Picks a unit in a tree select as a clerk does, and checks the pick in the field itself: a click
 * landing while the tree's options re-render (as answers arrive) selects nothing, and the form
 * would go without it — the launch's scope once, an enrollment's units once in CI (answered 400).
 */
async function pickInTree(page: Page, search: Locator, shown: Locator, name: string): Promise<void> {
  const picked = shown.filter({ hasText: name });
  for (let attempt = 1; !(await picked.isVisible()); attempt++) {
    if (attempt > 3) throw new Error(`${name} was not picked after 3 tries`);
    await search.fill(name);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: name }).first().click();
    await picked.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
}

/** The web app in Debian's Chromium against the real platform on a small demo city (see webSession). */
describe('the web app in a browser', () => {
  const w = webSession();
  const { open, signedIn, api } = w;

  it('signs each role in and lands on that role’s home', async () => {
    for (const [role, home] of [
      ['office', 'home-office'],
      ['inspector', 'home-inspector'],
      ['leader', 'home-leader'],
      ['operator', 'home-operator'],
    ] as const) {
      const page = await signedIn(role);
      await page.getByTestId(home).waitFor();
      if (role === 'office') await page.getByTestId('laggards').locator('tbody tr.ant-table-row').first().waitFor();
      await screenshot(page, `home-${role}`);
    }
  });

  it('sends a reader who is not signed in to the sign-in page, and a wrong password stays there with a message', async () => {
    const page = await open();
    await page.goto(`${w.base}/tracker`);
    await page.waitForURL('**/sign-in');
    await page.fill('#username', 'office-01');
    await page.fill('#password', 'not-the-password');
    await page.click('button[type=submit]');
    await page.getByText('用户名或密码错误').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('drills the board down from the city to a county and a township, with breadcrumbs and the phase chart', async () => {
    const page = await signedIn('office');
    await page.goto(`${w.base}/board`);
    const crumbs = page.getByTestId('board-breadcrumb').locator('.ant-breadcrumb-link');
    await page.getByTestId('board-children').locator('tbody tr a').first().waitFor();
    expect(await crumbs.count()).toBe(1);
    await page.getByTestId('phase-chart').locator('canvas').waitFor();
    for (let level = 2; level <= 3; level++) {
      // Links without an address drill down; the last county (a district, after the city's own organs) has townships.
      const child = page.getByTestId('board-children').locator('tbody tr a:not([href])').last();
      const name = (await child.textContent())!;
      await child.click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=board-breadcrumb] .ant-breadcrumb-link').length === n, level);
      expect(await crumbs.last().textContent()).toContain(name);
      expect(new URL(page.url()).searchParams.get('root')).toBeTruthy();
    }
    await page.getByTestId('board-ranking').locator('tbody tr a').first().waitFor();
    await screenshot(page, 'board-drilled');
  });

  it('ranks and pages the whole city on the server: the page holds one page of rows, a header click ranks by that rate', async () => {
    const page = await signedIn('office');
    const boards: URL[] = [];
    // Only the board page's requests: the home page signed in on asks for its own board (no rows page),
    // and on a busy machine that request can leave after this listener is attached.
    page.on('request', (r) => {
      if (new URL(page.url()).pathname === '/board' && /\/api\/campaigns\/[^/]+\/board\?/.test(r.url())) boards.push(new URL(r.url()));
    });
    await page.goto(`${w.base}/board`);
    const ranks = () => page.getByTestId('board-ranking').locator('tbody tr.ant-table-row td:first-child').allTextContents();
    await page.getByTestId('board-ranking').locator('tbody tr a').first().waitFor();
    expect((await ranks()).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(boards.length).toBeGreaterThan(0);
    expect(boards.every((u) => u.searchParams.get('limit') === '20')).toBe(true);
    await page.getByTestId('board-ranking-card').locator('.ant-pagination-item-2').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=board-ranking] tbody tr.ant-table-row td')?.textContent === '21');
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.getByTestId('board-ranking').locator('th', { hasText: '必做步骤' }).click();
    await page.waitForURL((url) => url.searchParams.get('rankBy') === 'stepCompletion');
    await page.waitForFunction(() => document.querySelector('[data-testid=board-ranking] tbody tr.ant-table-row td')?.textContent === '1');
    expect(boards.at(-1)!.searchParams.get('rankBy')).toBe('stepCompletion');
    expect(boards.at(-1)!.searchParams.get('skip')).toBe('0');
  });

  /**
   * A liaison of a unit with steps open, and their unit's board cell in one column as it reads before they
   * act; boardChanged reopens the board and waits until that cell reads otherwise.
   */
  const liaisonBeforeBoard = async (column: number) => {
    const page = await signedIn('operator', /steps/);
    const unitId = (await page.evaluate(() => JSON.parse(sessionStorage.getItem('ctp.user')!).scopeUnitIds[0])) as string;
    const ranking = page.getByTestId('board-ranking').locator('tbody tr').filter({ has: page.locator(`a[href="/units/${unitId}"]`) });
    const cell = () => ranking.locator('td').nth(column).textContent();
    await page.goto(`${w.base}/board?root=${unitId}`);
    const before = (await cell())!;
    const boardChanged = async () => {
      await page.goto(`${w.base}/board?root=${unitId}`);
      await page.waitForFunction(
        ([id, col, was]) => {
          const row = document.querySelector(`[data-testid=board-ranking] a[href="/units/${id}"]`)?.closest('tr');
          return !!row && row.querySelectorAll('td')[col].textContent !== was;
        },
        [unitId, column, before] as const,
        { timeout: 15_000 },
      );
    };
    return { page, unitId, cell, before, boardChanged };
  };

  it('records a step as a liaison, shows a refused field beside it, and the board’s step completion goes up', async () => {
    const { page, unitId, cell, before, boardChanged } = await liaisonBeforeBoard(4);

    await page.goto(`${w.base}/units/${unitId}`);
    const form = page.getByTestId('record-step-form');
    await form.waitFor();
    await form.locator('button[type=submit]').click();
    // The server refuses the empty evidence: its message stands under the evidence field, the rest of the form as typed.
    const evidenceItem = form.locator('.ant-form-item').filter({ has: page.locator('#evidence') });
    await evidenceItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await evidenceItem.locator('.ant-form-item-explain-error').textContent()).toMatch(/evidence|长度|空/);
    await screenshot(page, 'field-error');

    await page.fill('#evidence', '召开党员大会专题讨论，应到 20 人，实到 19 人');
    await page.fill('#quantity', '3');
    await form.locator('button[type=submit]').click();
    await page.getByText('已提交').waitFor();

    await boardChanged();
    const after = (await cell())!;
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
  });

  it('records a liaison’s participation for the unit, and the board’s participation rate for it changes', async () => {
    const { page, unitId, cell, before, boardChanged } = await liaisonBeforeBoard(5);

    await page.goto(`${w.base}/units/${unitId}`);
    const form = page.getByTestId('participation-form');
    await form.waitFor();
    await page.fill('#shouldAttend', '17');
    await page.fill('#attended', '11');
    await form.locator('button[type=submit]').click();
    await page.getByText('已提交').waitFor();
    await page.getByText('应参学 17，实参学 11').waitFor({ timeout: 15_000 });
    await screenshot(page, 'participation-recorded');

    await boardChanged();
    expect((await cell())!).toBe('64.7%');
    // The audit trail is not in a liaison's menu, and its address alone does not open it either.
    await page.goto(`${w.base}/audit`);
    await page.getByTestId('audit-not-for-role').waitFor();
    expect(await page.getByTestId('audit-table').count()).toBe(0);
  });

  it('registers a problem from the unit page as a liaison and opens its timeline', async () => {
    const page = await signedIn('operator', /steps/);
    const unitId = (await page.evaluate(() => JSON.parse(sessionStorage.getItem('ctp.user')!).scopeUnitIds[0])) as string;
    await page.goto(`${w.base}/units/${unitId}`);
    const form = page.getByTestId('register-problem-form');
    await form.waitFor();
    await page.fill('#category', '作风建设');
    await page.fill('#description', '会议记录不全，部分党员未按时参加组织生活');
    await page.fill('#responsibleLeader', '王书记');
    await page.fill('#handler', '李委员');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/problems\/P-\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/);
    await page.getByTestId('problem-title').filter({ hasText: '会议记录不全' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'problem-registered');
  });

  it('uploads a photo with a step, downloads it from the steps table, and finds the unit from the header search', async () => {
    // A unit with required steps still open, other than the first test's (it may have recorded its last one) and
    // the offline test's (the first such row): every unit has a liaison op-<unit id>.
    type Row = { unitId: string; stage: string; counts: { steps: { requiredDone: number; requiredTotal: number } } };
    const liaison = w.credential('operator', /steps/).username;
    const rows = (await api('office', `/api/campaigns/${MAIN_CAMPAIGN_ID}/board?limit=5000`)).body.rows as Row[];
    const stepsOpen = rows.filter((r) => r.stage === 'in_phase' && r.counts.steps.requiredDone < r.counts.steps.requiredTotal && `op-${r.unitId.toLowerCase()}` !== liaison);
    const unitId = stepsOpen[stepsOpen.length - 1].unitId;
    const page = await open();
    await signInAs(page, w.base, `op-${unitId.toLowerCase()}`, DEMO_PASSWORDS.operator);
    await page.goto(`${w.base}/units/${unitId}`);
    const form = page.getByTestId('record-step-form');
    await form.waitFor();
    await form.locator('input[type=file]').setInputFiles({ name: 'minutes.png', mimeType: 'image/png', buffer: samplePng([10, 120, 60]) });
    await form.getByTestId('evidence-uploaded').waitFor();
    await page.fill('#evidence', '召开专题组织生活会，会议记录附照片');
    await form.locator('button[type=submit]').click();
    await page.getByText('已提交').waitFor();
    const link = page.getByTestId('unit-steps').getByTestId('evidence-link').first();
    await link.waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^[0-9a-f]{16}\.png$/);

    const unit = (await api('office', `/api/organizations/${unitId}`)).body as { name: string };
    const search = page.getByTestId('header-search').locator('input');
    await search.fill(unit.name);
    await search.press('Enter');
    await page.waitForURL('**/search?q=*');
    await page.getByTestId('search-results').locator(`a[href="/units/${unitId}"]`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('search-results').locator('mark').first().textContent()).toBe(unit.name);
  });

  it('keeps a liaison’s step submitted offline on the device and writes it exactly once when the connection returns', async () => {
    // Another unit with required steps still open than the one above; every unit has a liaison op-<unit id>.
    type Row = { unitId: string; stage: string; counts: { steps: { requiredDone: number; requiredTotal: number } } };
    const liaison = w.credential('operator', /steps/).username;
    const rows = (await api('office', `/api/campaigns/${MAIN_CAMPAIGN_ID}/board?limit=5000`)).body.rows as Row[];
    const unitId = rows.find((r) => r.stage === 'in_phase' && r.counts.steps.requiredDone < r.counts.steps.requiredTotal && `op-${r.unitId.toLowerCase()}` !== liaison)!.unitId;
    const page = await open();
    await signInAs(page, w.base, `op-${unitId.toLowerCase()}`, DEMO_PASSWORDS.operator);
    await page.goto(`${w.base}/units/${unitId}`);
    const form = page.getByTestId('record-step-form');
    await form.waitFor();
    const stepName = (await form.locator('.ant-select-content, .ant-select-selection-item').first().textContent())!.trim();
    // Installable: the manifest is linked and names the app with PNG icons; the service worker controls the page.
    await page.waitForFunction(() => !!(globalThis as any).navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
    const installable = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]')?.getAttribute('href') as string;
      const manifest = (await (await fetch(href)).json()) as { name: string; icons: { type: string; sizes: string }[] };
      const registration = await (globalThis as any).navigator.serviceWorker.getRegistration('/');
      return { href, name: manifest.name, icons: manifest.icons.map((i) => `${i.type} ${i.sizes}`), scope: registration?.scope, worker: registration?.active?.scriptURL };
    });
    expect(installable).toEqual({
      href: '/manifest.webmanifest',
      name: '教育活动全过程记录平台',
      icons: expect.arrayContaining(['image/png 192x192', 'image/png 512x512']),
      scope: `${new URL(w.base).origin}/`,
      worker: `${new URL(w.base).origin}/sw.js`,
    });
    await w.browser.context.setOffline(true);
    try {
      await page.fill('#evidence', '离线填写：组织集中学习 4 学时');
      await form.locator('button[type=submit]').click();
      await page.getByTestId('outbox-button').click();
      await page.getByTestId('outbox-state-waiting').waitFor();
      await screenshot(page, 'offline-waiting');
    } finally {
      await w.browser.context.setOffline(false);
    }
    await page.getByTestId('outbox-state-sent').waitFor({ timeout: 45_000 });

    const stream = `progress-${MAIN_CAMPAIGN_ID}.${unitId}`;
    const trail = await api('office', `/api/audit-trail?streamId=${encodeURIComponent(stream)}&type=StepRecorded&limit=500`);
    const offline = (trail.body.items as { data: { evidence?: string } }[]).filter((e) => e.data.evidence === '离线填写：组织集中学习 4 学时');
    expect(offline).toHaveLength(1);
    expect(stepName.length).toBeGreaterThan(0);
  });

  it('filters the tracker by a kind of handling and opens a problem’s timeline with both times', async () => {
    const page = await signedIn('office');
    await page.goto(`${w.base}/tracker`);
    await page.getByTestId('tracker-counts').waitFor();
    await page.getByTestId('handling-deferred').click();
    await page.waitForURL(/handling=deferred/);
    const rows = page.getByTestId('problem-list').locator('tbody tr.ant-table-row');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid=problem-list] tbody tr.ant-table-row td:nth-child(4)')];
      return cells.length > 0 && cells.every((c) => c.textContent?.includes('暂缓'));
    });
    for (const text of await rows.locator('td:nth-child(4)').allTextContents()) expect(text).toContain('暂缓');
    await screenshot(page, 'tracker-deferred');
    await rows.first().locator('a').first().click();
    const timeline = page.getByTestId('problem-timeline').locator('tbody tr.ant-table-row');
    await timeline.first().waitFor();
    expect(await timeline.count()).toBeGreaterThan(1);
    expect(await page.getByTestId('problem-timeline').locator('thead').textContent()).toMatch(/发生时间.*记录时间/);
    await screenshot(page, 'problem-timeline');
  });

  it('shows a leader the ledger on a phone: each problem with its unit and where it stands, without sideways scroll', async () => {
    const page = await signedIn('leader', undefined, { width: 390, height: 844 });
    await page.goto(`${w.base}/tracker`);
    const rows = page.getByTestId('problem-list').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('problem-list').locator('thead th').allInnerTexts()).toEqual(['编号', '问题描述', '状态']);
    const list = page.getByTestId('problem-list').locator('.ant-table-content');
    expect(await list.evaluate((e: { scrollWidth: number; clientWidth: number }) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The handling is always there, and the status in words below it.
    const standing = await rows.first().locator('td').nth(2).innerText();
    expect(standing).toMatch(/正在整改|限期整改|暂缓|联动整改|已解决或基本解决/);
    expect(standing.split('\n').length).toBeGreaterThan(1);
    // The counts per unit keep four columns that fit; the kinds of handling a unit has go under its name.
    const counts = page.getByTestId('unit-counts');
    await counts.scrollIntoViewIfNeeded();
    const unitRows = counts.locator('tbody tr.ant-table-row');
    await unitRows.first().waitFor();
    expect((await counts.locator('thead th').allInnerTexts()).map((h) => h.trim())).toEqual(['组织', '问题', '超期', '完成率']);
    const table = await counts.locator('table').boundingBox();
    expect(table!.x).toBeGreaterThanOrEqual(0);
    expect(table!.x + table!.width).toBeLessThanOrEqual(390);
    const withProblems = unitRows.filter({ has: page.getByTestId('unit-handling').filter({ hasText: /\S/ }) }).first();
    expect(await withProblems.getByTestId('unit-handling').innerText()).toMatch(/^(正在整改|限期整改|暂缓（说明情况）|联动整改|已解决或基本解决) \d+/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'tracker-phone-unit-counts');
  });

  it('fits the board’s subordinates and ranking on a phone: short titles, each table within 390 px, nothing scrolled sideways', async () => {
    const page = await signedIn('office', undefined, { width: 390, height: 844 });
    await page.evaluate((id) => (globalThis as any).localStorage.setItem('ctp.campaign', id), MAIN_CAMPAIGN_ID);
    await page.goto(`${w.base}/board`);
    const ranking = page.getByTestId('board-ranking');
    await ranking.locator('tbody tr a').first().waitFor();
    const children = page.getByTestId('board-children');
    await children.scrollIntoViewIfNeeded();
    await children.locator('tbody tr.ant-table-row').first().waitFor();
    const titles = async (table: typeof ranking) => (await table.locator('thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    expect(await titles(ranking)).toEqual(['#', '组织', '步骤', '完成率', '参学']);
    expect(await titles(children)).toEqual(['组织', '步骤', '参学', '完成率', '满意']);
    for (const table of [ranking, children]) {
      for (const box of await Promise.all((await table.locator('table').all()).map((t) => t.boundingBox()))) {
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      }
      const scrolled = await table.locator('.ant-table-content, .ant-table-body').evaluateAll((es: { scrollWidth: number; clientWidth: number }[]) => es.some((e) => e.scrollWidth > e.clientWidth));
      expect(scrolled).toBe(false);
      // Each rate on one line, none spilling out of its cell.
      expect(await table.locator('td.phone-rate').evaluateAll((es: { scrollWidth: number; clientWidth: number }[]) => es.every((e) => e.scrollWidth <= e.clientWidth))).toBe(true);
    }
    // Under a unit's name, its stage in the ranking and its problems in the subordinates' table.
    expect(await ranking.locator('tbody tr.ant-table-row').first().locator('td').nth(1).innerText()).toMatch(/\n\S/);
    expect(await children.locator('tbody tr.ant-table-row').first().locator('td').first().innerText()).toMatch(/问题 \d+/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('keeps the phone header’s unread count inside the bell, clear of the row above and the next button', async () => {
    const page = await signedIn('leader', undefined, { width: 390, height: 844 });
    const count = page.getByTestId('inbox-badge').locator('.ant-badge-count');
    await count.waitFor();
    const [badge, bell, language, header] = await Promise.all([
      count.boundingBox(),
      page.getByTestId('inbox-button').boundingBox(),
      page.getByTestId('lang-switch').boundingBox(),
      page.locator('.app-header').boundingBox(),
    ]);
    expect(badge!.y).toBeGreaterThanOrEqual(bell!.y);
    expect(badge!.y + badge!.height).toBeLessThanOrEqual(bell!.y + bell!.height);
    expect(badge!.x).toBeGreaterThanOrEqual(bell!.x);
    expect(badge!.x + badge!.width).toBeLessThanOrEqual(bell!.x + bell!.width);
    const apart = (a: typeof bell, b: typeof bell) => a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x || a!.y + a!.height <= b!.y || b!.y + b!.height <= a!.y;
    expect(apart(bell, language)).toBe(true);
    expect(bell!.x + bell!.width).toBeLessThanOrEqual(header!.x + header!.width);
    // The tools keep their two rows: the as-of picker, the bell, the language and sign-out share the second, and so
    // does the outbox's button where the device holds offline submissions (an earlier test of this file leaves some).
    const [asOf, signOut, outboxButton] = await Promise.all([
      page.getByTestId('as-of-picker').boundingBox(),
      page.getByRole('button', { name: '退出' }).boundingBox(),
      page.getByTestId('outbox-button').boundingBox(),
    ]);
    for (const box of [language, signOut, ...(outboxButton ? [outboxButton] : [])]) expect(Math.abs(box!.y + box!.height / 2 - (bell!.y + bell!.height / 2))).toBeLessThan(4);
    expect(Math.abs(asOf!.y + asOf!.height / 2 - (bell!.y + bell!.height / 2))).toBeLessThan(4);
  });

  it('verifies the audit chain and shows the checked range on the badge', async () => {
    const page = await signedIn('office');
    await page.goto(`${w.base}/audit`);
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('verify-chain').click();
    const badge = page.getByTestId('chain-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/哈希链完整 · 已校验 1–\d+ 号事件/);
    await screenshot(page, 'audit-trail');
    // Newest first unless asked otherwise: the latest entries open the page; in history order the first events do.
    const numbers = async () => (await page.getByTestId('audit-table').locator('tbody tr.ant-table-row td:nth-child(1)').allInnerTexts()).map((n) => Number(n.replace(/\D/g, '')));
    const newest = await numbers();
    expect(newest.length).toBeGreaterThan(1);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    await page.locator('#order').click({ force: true });
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '按历史顺序' }).click();
    const inOrder = page.waitForResponse((r) => r.url().includes('/api/audit-trail?') && r.url().includes('order=asc'));
    await page.getByTestId('audit-search').click();
    await inOrder;
    await page.waitForFunction((top) => Number(document.querySelector('[data-testid="audit-table"] tbody tr.ant-table-row td')?.textContent?.replace(/\D/g, '')) < top, newest[newest.length - 1]);
    const oldest = await numbers();
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
    expect(oldest[0]).toBeLessThan(newest[newest.length - 1]);
    // Each entry says what it is about and who recorded it by the names a supervision group knows, not by stored ids
    // (the first events of history, the same whichever tests ran before).
    const firstRow = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first();
    const [subject, actor] = await Promise.all([firstRow.locator('td:nth-child(3)').textContent(), firstRow.locator('td:nth-child(4)').textContent()]);
    expect(subject).not.toMatch(/^(progress|problem|campaign|org)-/);
    expect(subject).toMatch(/问题 P-|学习进度|满意度|活动 |组织/);
    expect(actor).toMatch(/(^| · )(管理员|活动办公室|联络员|督导组|领导)$|^系统$/);
  });

  it('shows a supervision group the audit trail on a phone as one card per entry, without sideways scroll, the warnings recorded by the system', async () => {
    const page = await signedIn('inspector', undefined, { width: 390, height: 844 });
    await page.goto(`${w.base}/audit`);
    const cards = page.getByTestId('audit-entry');
    await cards.first().waitFor();
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Every card says what happened, to what, by whom and when, by names; it fits the screen's width.
    const first = await cards.first().innerText();
    expect(first).toMatch(/对象\s+\S/);
    expect(first).toMatch(/操作人\s+\S/);
    expect(first).toMatch(/发生时间\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(first).toMatch(/记录时间\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(first).not.toMatch(/(progress|problem|campaign|org)-/);
    const box = await cards.first().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // The filters fold away until asked for; the daily deadline check's warnings name the system as their actor, not an administrator.
    await page.getByTestId('audit-filters-toggle').click();
    await page.fill('#actorId', 'system-deadline-warnings');
    const searched = page.waitForResponse((r) => r.url().includes('/api/audit-trail?') && r.url().includes('actorId=system-deadline-warnings'));
    await page.getByTestId('audit-search').click();
    await searched;
    await cards.filter({ hasText: '预警' }).first().waitFor();
    const actors = await cards.locator('.audit-card-line').filter({ hasText: '操作人' }).allInnerTexts();
    expect(actors.length).toBeGreaterThan(0);
    for (const a of actors) expect(a.replace(/\s+/g, ' ')).toBe('操作人 系统');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'audit-trail-phone');
  });

  it('shows earlier numbers under an as-of date, with a banner, and returns to now', async () => {
    const page = await signedIn('office');
    await page.goto(`${w.base}/tracker`);
    const total = page.getByTestId('tracker-counts').locator('.ant-statistic-content-value').first();
    await total.waitFor();
    const now = Number(await total.textContent());
    const start = new Date(w.city.now);
    start.setUTCDate(start.getUTCDate() - 150);
    const typed = `${start.toISOString().slice(0, 10)} 12:00`;
    const picker = page.getByPlaceholder('历史时刻');
    await picker.click();
    await picker.fill(typed);
    await page.keyboard.press('Enter');
    await page.getByTestId('as-of-banner').waitFor();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=tracker-counts] .ant-statistic-content-value')?.textContent) < n, now, { timeout: 30_000 });
    await screenshot(page, 'as-of');
    await page.getByTestId('as-of-banner').getByRole('button').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=tracker-counts] .ant-statistic-content-value')?.textContent) === n, now);
    expect(await page.getByTestId('as-of-banner').count()).toBe(0);
  });

  it('downloads the board as CSV and the ledger as XLSX, both readable', async () => {
    const page = await signedIn('office');
    await page.goto(`${w.base}/board`);
    await page.getByTestId('board-ranking').locator('tbody tr a').first().waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-board-csv').click()]);
    const text = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '');
    // The export ends with its signed audit checkpoint as a '#' comment line, which CSV readers skip.
    expect(text).toMatch(/\r\n# 审计检查点 \(audit checkpoint\): \S+\r\n$/);
    const rows = parse(text, { comment: '#' }) as string[][];
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0].join(',')).toMatch(/组织|单位/);

    await page.goto(`${w.base}/tracker`);
    await page.getByTestId('tracker-counts').waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    expect(book.worksheets[0].rowCount).toBeGreaterThan(2);
  });

  it('lets the public cast a satisfaction ballot on a phone, counted once', async () => {
    // A unit with a round open, or else one never measured, whose first round the office opens now.
    type Row = { unitId: string; satisfaction: { standing: string; openRound: number | null } | null };
    const rows = (await api('office', `/api/campaigns/${MAIN_CAMPAIGN_ID}/board?limit=5000`)).body.rows as Row[];
    let row = rows.find((r) => r.satisfaction?.openRound);
    const round = row?.satisfaction?.openRound ?? 1;
    if (!row) {
      row = rows.find((r) => r.satisfaction?.standing === 'not_measured')!;
      const opened = await api('office', `/api/campaigns/${MAIN_CAMPAIGN_ID}/units/${row.unitId}/satisfaction/rounds`, { method: 'POST', body: { round } });
      expect(opened).toMatchObject({ status: 201 });
    }
    // The office's view counts the ballots of the open round; the public one shows closed rounds only.
    const path = `/api/campaigns/${MAIN_CAMPAIGN_ID}/units/${row.unitId}/satisfaction`;
    const ballots = async () => ((await api('office', path)).body.rounds as { round: number; ballotCount: number }[]).find((r) => r.round === round)?.ballotCount ?? 0;
    const before = await ballots();

    const page = await open({ width: 390, height: 844 });
    await page.goto(`${w.base}/public/campaigns/${MAIN_CAMPAIGN_ID}/units/${row.unitId}/ballot`);
    await page.getByTestId('ballot-grades').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByText('比较满意').click();
    await screenshot(page, 'ballot-phone');
    await page.getByTestId('ballot-submit').dblclick();
    await page.getByTestId('ballot-done').waitFor();
    expect(await ballots()).toBe(before + 1);
  });

  it('launches a campaign from the office home, then enrolls one more unit through the enrollment form', async () => {
    type Unit = { unitId: string; parentId: string | null; name: string; level: string };
    const units = (await api('office', '/api/organizations')).body.units as Unit[];
    // A township with branches below it is the new campaign's scope; a branch of another township joins it afterwards.
    const township = units.find((u) => u.level === 'township' && units.some((c) => c.parentId === u.unitId))!;
    const outsider = units.find((u) => u.parentId && u.parentId !== township.unitId && units.find((p) => p.unitId === u.parentId)?.level === 'township')!;
    const page = await signedIn('office');
    const form = page.getByTestId('launch-campaign-form');
    await form.waitFor();
    await page.fill('#campaignId', 'demo-point-web');
    await page.fill('#name', `${township.name}基层党建示范点创建`);
    await form.locator('#templateKey').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '示范点' }).click();
    await pickInTree(page, form.locator('#subtreeRootId'), form.locator('.ant-tree-select .ant-select-content-has-value'), township.name);
    // One planned period per phase of the template, typed into the range pickers as an office clerk would.
    const ranges = form.locator('.ant-picker-range');
    expect(await ranges.count()).toBe(3);
    // (Enter in a field would submit the whole form, as in any HTML form: the dates are typed and left by a click.)
    for (let i = 0; i < 3; i++) {
      const inputs = ranges.nth(i).locator('input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill(`2026-0${3 + i}-01`);
      await inputs.nth(1).click();
      await inputs.nth(1).fill(`2026-0${3 + i}-28`);
      await page.getByText('发起活动', { exact: true }).first().click();
    }
    await screenshot(page, 'launch-campaign-form');
    const launched = page.waitForResponse((r) => r.url().endsWith('/api/campaigns') && r.request().method() === 'POST');
    // Watched for from before the click: the toast lasts 3 s, and this process, which also serves the
    // platform, may be busy answering the views the write made stale when it shows.
    const launchSaved = savedToast(page).waitFor();
    await form.locator('button[type=submit]').click();
    const launch = await launched;
    expect(launch.ok() ? 'accepted' : `${launch.status()} ${await launch.text()} for ${launch.request().postData()}`).toBe('accepted');
    await launchSaved;
    expect(await form.getByTestId('form-problem').count()).toBe(0);

    const campaign = await api('office', '/api/campaigns/demo-point-web');
    expect(campaign.status).toBe(200);
    expect(campaign.body).toMatchObject({ name: `${township.name}基层党建示范点创建`, template: { key: 'demonstration-point' } });
    expect(campaign.body.plannedPhases).toEqual([
      { phaseKey: 'candidate', start: '2026-03-01', end: '2026-03-28' },
      { phaseKey: 'building', start: '2026-04-01', end: '2026-04-28' },
      { phaseKey: 'evaluation', start: '2026-05-01', end: '2026-05-28' },
    ]);
    const enrolled = campaign.body.enrolledUnitIds as string[];
    expect(enrolled).toContain(township.unitId);
    expect(enrolled).not.toContain(outsider.unitId);

    // The header now shows the launched campaign, and the enrollment form adds to it.
    await page.getByTestId('campaign-select').filter({ hasText: township.name }).waitFor({ timeout: 15_000 });
    const enroll = page.getByTestId('enroll-units-form');
    await enroll.waitFor({ timeout: 30_000 });
    await pickInTree(page, enroll.locator('#unitIds'), enroll.locator('.ant-select-selection-item'), outsider.name);
    await page.keyboard.press('Escape');
    // The enrollment's own answer and toast are awaited (the launch's toast gone first), and a refusal is shown whole.
    await savedToast(page).waitFor({ state: 'detached' });
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/campaigns/demo-point-web/enrollments') && r.request().method() === 'POST');
    const enrollSaved = savedToast(page).waitFor();
    await enroll.locator('button[type=submit]').click();
    const answer = await answered;
    expect(answer.ok() ? 'accepted' : `${answer.status()} ${await answer.text()} for ${answer.request().postData()}`).toBe('accepted');
    await enrollSaved;
    expect(await enroll.getByTestId('form-problem').allTextContents()).toEqual([]);
    await screenshot(page, 'enroll-units');
    const after = await api('office', '/api/campaigns/demo-point-web');
    expect(after.body.enrolledUnitIds).toEqual(expect.arrayContaining([...enrolled, outsider.unitId]));
    expect((after.body.enrolledUnitIds as string[]).length).toBe(enrolled.length + 1);
  });

  it('keeps the office home’s forms, and what is typed in them, while its board cannot answer, and shows the board again on 重试', async () => {
    const page = await signedIn('office');
    await page.getByTestId('home-office').waitFor();
    // The board of a campaign just launched can answer 404 for a moment, until its view has caught up;
    // the route plays that moment: the board's first answer after the reload is a 404, the rest pass.
    let refused = 0;
    await page.route(
      (url) => /^\/api\/campaigns\/[^/]+\/board$/.test(url.pathname),
      (route) => (refused++ === 0 ? route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ statusCode: 404, message: 'Not Found' }) }) : route.continue()),
    );
    await page.reload();
    await page.getByTestId('home-board-unavailable').waitFor();
    const enroll = page.getByTestId('enroll-units-form');
    await enroll.waitFor();
    const unit = ((await api('office', '/api/organizations')).body.units as { name: string; level: string }[]).find((u) => u.level === 'branch')!;
    const picked = enroll.locator('.ant-select-selection-item');
    await pickInTree(page, enroll.locator('#unitIds'), picked, unit.name);
    await page.keyboard.press('Escape');
    // What the form held before 重试, so that what is compared after it is what was really picked.
    expect(await picked.allInnerTexts()).toEqual([expect.stringContaining(unit.name)]);
    await page.getByTestId('home-board-unavailable').getByRole('button').click();
    await page.getByTestId('home-office').waitFor();
    expect(await page.getByTestId('home-board-unavailable').count()).toBe(0);
    expect(await picked.allInnerTexts()).toEqual([expect.stringContaining(unit.name)]);
  });

  /** Refuses every request to the API paths matching `path` with `status` until the returned function is called. */
  const refuseUntilLifted = async (page: Page, path: RegExp, status: number) => {
    let refusing = true;
    await page.route(
      (url) => path.test(url.pathname),
      (route) => (refusing ? route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ statusCode: status, message: status === 404 ? 'Not Found' : 'Forbidden' }) }) : route.continue()),
    );
    return () => (refusing = false);
  };
  const spinning = (page: Page) => page.locator('.ant-spin-spinning').count();
  /** The notice `testId` reads `words`, no spinner is left, and once the refusal is lifted its 重试 brings `shown` in its place. */
  const noticeThenRetry = async (page: Page, testId: string, words: RegExp, lift: () => unknown, shown: Locator) => {
    const failed = page.getByTestId(testId);
    await failed.waitFor();
    expect((await failed.innerText()).replace(/\s+/g, ' ')).toMatch(words);
    expect(await spinning(page)).toBe(0);
    lift();
    await failed.getByRole('button').click();
    await shown.waitFor();
    expect(await failed.count()).toBe(0);
  };

  it('shows a leader’s home, where its views answer 4xx, a Chinese notice with 重试 in each card instead of a spinner or an empty list', async () => {
    const page = await signedIn('leader');
    await page.getByTestId('home-leader').waitFor();
    const liftTracker = await refuseUntilLifted(page, /^\/api\/campaigns\/[^/]+\/rectification-tracker$/, 404);
    const liftBoard = await refuseUntilLifted(page, /^\/api\/campaigns\/[^/]+\/board$/, 403);
    await page.reload();
    const tracker = page.getByTestId('leader-tracker-failed');
    const contacts = page.getByTestId('contact-points-failed');
    await Promise.all([tracker.waitFor(), contacts.waitFor()]);
    expect((await tracker.innerText()).replace(/\s+/g, ' ')).toMatch(/整改台账暂时无法显示 未找到.*重 ?试/);
    expect((await contacts.innerText()).replace(/\s+/g, ' ')).toMatch(/联系点暂时无法显示 您无权查看这些数据 重 ?试/);
    expect(await page.getByTestId('contact-points').count()).toBe(0);
    expect(await spinning(page)).toBe(0);
    await screenshot(page, 'home-leader-failed');
    liftTracker();
    liftBoard();
    await tracker.getByRole('button').click();
    await page.getByTestId('home-leader').locator('.ant-statistic').first().waitFor();
    expect(await tracker.count()).toBe(0);
    await contacts.getByRole('button').click();
    await page.getByTestId('contact-points').waitFor();
    expect(await contacts.count()).toBe(0);
  });

  it('shows the board page, while its board answers 404, a Chinese notice with 重试 and no table left loading, and the board on 重试', async () => {
    const page = await signedIn('office');
    const lift = await refuseUntilLifted(page, /^\/api\/campaigns\/[^/]+\/board$/, 404);
    await page.goto(`${w.base}/board`);
    await noticeThenRetry(page, 'board-failed', /进度看板暂时无法显示 未找到/, lift, page.getByTestId('board-ranking').locator('tbody tr a').first());
  });

  it('shows the ledger’s counts, while they answer 404, as a notice with 重试 above a problem list that does not wait for them', async () => {
    const page = await signedIn('office');
    // The tabs share the device's choice of campaign, which an earlier test may have turned to one without problems.
    await page.evaluate((id) => (globalThis as any).localStorage.setItem('ctp.campaign', id), MAIN_CAMPAIGN_ID);
    const lift = await refuseUntilLifted(page, /^\/api\/campaigns\/[^/]+\/rectification-tracker$/, 404);
    await page.goto(`${w.base}/tracker`);
    const failed = page.getByTestId('tracker-failed');
    await failed.waitFor();
    expect((await failed.innerText()).replace(/\s+/g, ' ')).toMatch(/整改台账暂时无法显示 未找到/);
    await page.getByTestId('problem-list').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await spinning(page)).toBe(0);
    lift();
    await failed.getByRole('button').click();
    await page.getByTestId('unit-counts').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await failed.count()).toBe(0);
    expect(Number(await page.getByTestId('tracker-counts').locator('.ant-statistic-content-value').first().textContent())).toBeGreaterThan(0);
  });

  it('shows a problem’s page, while its timeline answers 404, the notice with 重试 instead of red text, and the timeline on 重试', async () => {
    const listed = (await api('office', `/api/campaigns/${MAIN_CAMPAIGN_ID}/rectification-tracker/problems?limit=1`)).body as { items: { problemId: string }[] };
    const page = await signedIn('office');
    const lift = await refuseUntilLifted(page, /^\/api\/rectification-tracker\/problems\/[^/]+\/timeline$/, 404);
    await page.goto(`${w.base}/problems/${listed.items[0].problemId}`);
    await noticeThenRetry(page, 'problem-failed', /全过程记录暂时无法显示 未找到.*重 ?试/, lift, page.getByTestId('problem-timeline').locator('tbody tr.ant-table-row').first());
  });

  it('shows the inbox, while it answers 403, the notice with 重试 instead of a spinner for good, and the items on 重试', async () => {
    const page = await signedIn('operator');
    const lift = await refuseUntilLifted(page, /^\/api\/inbox$/, 403);
    await page.goto(`${w.base}/inbox`);
    await noticeThenRetry(page, 'inbox-failed', /待办暂时无法显示 您无权查看这些数据 重 ?试/, lift, page.getByTestId('inbox-list'));
  });

  it('shows the public plans, while they answer 404, the notice with 重试 to a reader not signed in, and the plans on 重试', async () => {
    const page = await open({ width: 390, height: 844 });
    const lift = await refuseUntilLifted(page, /^\/api\/public\/campaigns\/[^/]+\/problems$/, 404);
    await page.goto(`${w.base}/public/campaigns/${MAIN_CAMPAIGN_ID}/problems`);
    await noticeThenRetry(page, 'public-problems-failed', /整改方案与结果公示暂时无法显示 未找到.*重 ?试/, lift, page.getByTestId('public-problems').locator('.ant-list-item').first());
  });

  it('publishes a notice (通报) as the office and opens it with its ranking', async () => {
    const page = await signedIn('office');
    // The tabs share the device's choice of campaign, which an earlier test may have turned to its own.
    await page.evaluate((id) => (globalThis as any).localStorage.setItem('ctp.campaign', id), MAIN_CAMPAIGN_ID);
    await page.goto(`${w.base}/notices`);
    const form = page.getByTestId('publish-notice-form');
    await form.waitFor();
    await page.fill('#noticeId', 'notice-web-1');
    await page.fill('#title', '关于第二批先进性教育活动整改进度的通报（第一期）');
    await form.locator('button[type=submit]').click();
    await page.getByText('已提交').first().waitFor();
    const item = page.getByTestId('notice-list').locator('.ant-list-item').filter({ hasText: '整改进度的通报（第一期）' });
    await item.waitFor({ timeout: 15_000 });

    const notices = (await api('office', `/api/campaigns/${MAIN_CAMPAIGN_ID}/notices`)).body.notices as { noticeId: string; title: string; unitCount: number }[];
    const published = notices.find((n) => n.noticeId === 'notice-web-1')!;
    expect(published).toMatchObject({ title: '关于第二批先进性教育活动整改进度的通报（第一期）' });
    expect(published.unitCount).toBeGreaterThan(0);
    expect(await item.textContent()).toContain(`${published.unitCount} 个单位`);

    await item.locator('a').first().click();
    await page.waitForURL('**/notices/notice-web-1');
    const rows = page.getByTestId('notice-ranking').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const notice = (await api('office', '/api/notices/notice-web-1')).body as { snapshot: { rows: { rank: number; name: string }[] } };
    const first = notice.snapshot.rows[0];
    expect(await rows.first().locator('td').nth(0).textContent()).toBe(String(first.rank));
    expect(await rows.first().locator('td').nth(1).textContent()).toBe(first.name);
    await screenshot(page, 'notice-ranking');
  });

  it('brings an instruction to the liaison’s inbox, opens it from there and acknowledges it', async () => {
    const page = await signedIn('operator');
    const unitId = (await page.evaluate(() => JSON.parse(sessionStorage.getItem('ctp.user')!).scopeUnitIds[0])) as string;
    const issued = await api('office', '/api/instructions', {
      method: 'POST',
      body: { instructionId: 'instr-web-1', targetKind: 'unit', targetId: unitId, text: '请把整改工作抓实抓细（网页测试）', addressedUnitIds: [unitId] },
    });
    expect(issued.status).toBe(201);
    await page.goto(`${w.base}/inbox`);
    const item = page.getByTestId('inbox-list').locator('.ant-list-item').filter({ hasText: '网页测试' });
    await item.waitFor({ timeout: 15_000 });
    expect(Number(await page.getByTestId('inbox-badge').locator('.ant-badge-count').getAttribute('title'))).toBeGreaterThan(0);
    await item.click();
    await page.waitForURL('**/instructions/instr-web-1');
    const form = page.getByTestId('acknowledge-form');
    await form.waitFor();
    await form.locator('button[type=submit]').click();
    await page.getByText('已签收').first().waitFor({ timeout: 15_000 });
    const after = (await api('office', '/api/instructions/instr-web-1')).body as { instruction: { units: { status: string }[] } };
    expect(after.instruction.units[0].status).toBe('acknowledged');
    await screenshot(page, 'instruction-acknowledged');
  });

  it('shows the published rectification plans to anyone on a phone, without signing in', async () => {
    const published = (await (await fetch(`${w.base}/api/public/campaigns/${MAIN_CAMPAIGN_ID}/problems`)).json()) as { total: number; problems: { description: string; responsibleUnitName: string }[] };
    expect(published.problems.length).toBeGreaterThan(0);
    const page = await open({ width: 390, height: 844 });
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${w.base}/public/campaigns/${MAIN_CAMPAIGN_ID}/problems`);
    const items = page.getByTestId('public-problems').locator('.ant-list-item');
    await items.first().waitFor();
    // A page at a time, however many the city publishes.
    expect(await items.count()).toBe(Math.min(20, published.problems.length));
    expect(await items.first().textContent()).toContain(published.problems[0].description);
    expect(await page.getByText(`共 ${published.total} 条`).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A reader finds their unit's problems by its name.
    const unit = published.problems[published.problems.length - 1].responsibleUnitName;
    await page.getByTestId('public-search').locator('input').fill(unit);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('[data-testid=public-problems] .ant-list-item-meta-title')].every((e) => e.textContent?.includes(name)),
      unit,
    );
    expect(await items.count()).toBe(Math.min(20, published.problems.filter((p) => p.responsibleUnitName.includes(unit) || p.description.includes(unit)).length));
    expect(new URL(page.url()).pathname).not.toBe('/sign-in');
    expect(asked.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/public/'))).toEqual([]);
    await screenshot(page, 'public-problems-phone');
  });

  it('switches the interface to English and back', async () => {
    const page = await signedIn('office');
    await page.getByTestId('home-office').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'Progress board' }).waitFor();
    expect(await page.getByTestId('home-office').textContent()).toContain('Campaign office');
    await screenshot(page, 'english');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: '进度看板' }).waitFor();
  });
  describe('the member roster (党员名册)', () => {
    const getAs = async (credential: { username: string; password: string }, path: string) => {
      const signIn = await fetch(`${w.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credential) });
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      return (await (await fetch(`${w.base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { units: { unitId: string }[] };
    };
    const openAs = async (credential: { username: string; password: string }, viewport?: { width: number; height: number }) => {
      const page = await open(viewport);
      await signInAs(page, w.base, credential.username, credential.password);
      return page;
    };

    it('shows a liaison their own roster with names on a phone, and refuses a bad CSV row by row', async () => {
      const counts = await getAs(w.credential('office'), '/api/member-rosters');
      expect(counts.units.length).toBeGreaterThanOrEqual(8);
      const unitId = counts.units[0].unitId;
      const page = await openAs({ username: `op-${unitId}`.toLowerCase(), password: DEMO_PASSWORDS.operator }, { width: 390, height: 844 });
      await page.goto(`${w.base}/roster`);
      await page.waitForURL(`**/roster/${unitId}`);
      await page.getByTestId('roster-members').locator('tbody tr.ant-table-row').first().waitFor();
      expect(await page.getByTestId('roster-names-hidden').count()).toBe(0);
      await screenshot(page, 'roster-liaison-phone');

      await page.getByRole('tab', { name: '导入 CSV' }).click();
      await page.getByTestId('import-csv').fill('党员编号,姓名,状态,流入地\nm001,重复的人,正常,\nx 1,,流动党员,');
      await page.getByRole('button', { name: '导入 CSV' }).click();
      await page.getByTestId('import-row-errors').waitFor();
      const rows = await page.locator('[data-testid=import-members] tbody tr.ant-table-row').allTextContents();
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.join('\n')).toMatch(/已在名册中/);
      await screenshot(page, 'roster-import-errors');
    });

    it('shows a leader counts only, and marks the board’s roster-based participation', async () => {
      let shown: { credential: { username: string; password: string }; unitId: string } | null = null;
      for (const c of w.city.credentials.filter((x) => x.role === 'leader')) {
        const credential = { username: c.username, password: c.password };
        const units = (await getAs(credential, '/api/member-rosters')).units;
        if (units.length) {
          shown = { credential, unitId: units[0].unitId };
          break;
        }
      }
      expect(shown).not.toBeNull();
      const page = await openAs(shown!.credential);
      await page.goto(`${w.base}/roster/${shown!.unitId}`);
      await page.getByTestId('roster-names-hidden').waitFor();
      expect(await page.getByTestId('roster-members').count()).toBe(0);
      await screenshot(page, 'roster-leader-counts');

      await page.goto(`${w.base}/board?root=${shown!.unitId}`);
      await page.getByTestId('participation-from-roster').first().waitFor();
    });
  });
});
