import { Page } from 'playwright-core';
import { DEMO_PASSWORDS } from '@platform/demo-data';
import { launchBrowser, screenshot, signInAs, TestBrowser } from '../support/browser';
import { startWebPlatform, WebPlatform } from '../support/web-platform';

const PHONE = { width: 390, height: 844 };

/** 党员名册 in a browser on the demo city: the liaison's own roster with names, counts only for a leader. */
describe('the member roster in a browser', () => {
  let w: WebPlatform;
  let browser: TestBrowser;
  const pages: Page[] = [];

  beforeAll(async () => {
    [w, browser] = await Promise.all([startWebPlatform(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });

  const get = async (credential: { username: string; password: string }, path: string) => {
    const signIn = await fetch(`${w.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credential) });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const res = await fetch(`${w.base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    return (await res.json()) as { units: { unitId: string; onRoll: number }[] };
  };
  const open = async (credential: { username: string; password: string }, viewport?: { width: number; height: number }) => {
    const page = await browser.page(viewport);
    pages.push(page);
    await signInAs(page, w.base, credential.username, credential.password);
    return page;
  };

  it('shows a liaison their own roster with names on a phone, and refuses a bad CSV row by row', async () => {
    const counts = await get(w.credential('office'), '/api/member-rosters');
    expect(counts.units.length).toBeGreaterThanOrEqual(8);
    const unitId = counts.units[0].unitId;
    const page = await open({ username: `op-${unitId}`.toLowerCase(), password: DEMO_PASSWORDS.operator }, PHONE);
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
    const leaders = w.city.credentials.filter((c) => c.role === 'leader');
    let shown: { credential: { username: string; password: string }; unitId: string } | null = null;
    for (const c of leaders) {
      const credential = { username: c.username, password: c.password };
      const units = (await get(credential, '/api/member-rosters')).units;
      if (units.length) {
        shown = { credential, unitId: units[0].unitId };
        break;
      }
    }
    expect(shown).not.toBeNull();
    const page = await open(shown!.credential);
    await page.goto(`${w.base}/roster/${shown!.unitId}`);
    await page.getByTestId('roster-names-hidden').waitFor();
    expect(await page.getByTestId('roster-members').count()).toBe(0);
    await screenshot(page, 'roster-leader-counts');

    await page.goto(`${w.base}/board?root=${shown!.unitId}`);
    await page.getByTestId('participation-from-roster').first().waitFor();
  });
});
