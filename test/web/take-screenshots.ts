import { join } from 'node:path';
import { Page } from 'playwright-core';
import { launchBrowser, screenshot, signInAs } from '../support/browser';
import { startWebPlatform } from '../support/web-platform';

/**
 * `npm run screenshots`: docs/screenshots/ from a demo city (DEMO_SCALE, default 0.1) in Debian's
 * Chromium — the board, the tracker, a problem's timeline and the audit trail on a desktop, and
 * the board, the ledger, the audit trail, the ballot and the published problems on a 390×844 phone.
 */
const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

async function settle(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
}

/**
 * The audit trail's backdated entries: where the two times of an entry differ, which is what an
 * inspector looks for. On a phone the filters are unfolded for it and folded again.
 */
async function showBackdated(page: Page, filters?: 'folded'): Promise<void> {
  const toggle = page.getByTestId('audit-filters-toggle');
  if (filters) await toggle.click();
  await page.getByTestId('audit-backdated').click();
  await page.getByTestId('audit-search').click();
  if (filters) await toggle.click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
}

/** A unit whose satisfaction round is open, or one never measured whose first round the office opens. */
async function ballotUnit(base: string, office: { username: string; password: string }, campaignId: string): Promise<string> {
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(office) });
  const headers = { authorization: `Bearer ${((await signIn.json()) as { accessToken: string }).accessToken}`, 'content-type': 'application/json' };
  const board = (await (await fetch(`${base}/api/campaigns/${campaignId}/board?limit=5000`, { headers })).json()) as {
    rows: { unitId: string; satisfaction: { standing: string; openRound: number | null } | null }[];
  };
  const open = board.rows.find((r) => r.satisfaction?.openRound);
  if (open) return open.unitId;
  const unit = board.rows.find((r) => r.satisfaction?.standing === 'not_measured')!;
  await fetch(`${base}/api/campaigns/${campaignId}/units/${unit.unitId}/satisfaction/rounds`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': `round-${unit.unitId}` }, body: JSON.stringify({ round: 1 }) });
  return unit.unitId;
}

async function main(): Promise<void> {
  process.env.NODE_ENV = 'test';
  const w = await startWebPlatform(Number(process.env.DEMO_SCALE || '0.1'));
  /** Opens a page of the app at `path`, waits until it has settled, and takes its screenshot. */
  const shoot = async (page: Page, path: string, testId: string, name: string) => {
    await page.goto(`${w.base}${path}`);
    await settle(page, testId);
    await screenshot(page, name, OUT);
  };
  const browser = await launchBrowser();
  try {
    const office = w.credential('office');
    const page = await browser.page({ width: 1440, height: 900 });
    await page.goto(`${w.base}/sign-in`);
    await screenshot(page, 'sign-in', OUT);
    await signInAs(page, w.base, office.username, office.password);
    await settle(page, 'laggards');
    await screenshot(page, 'home-office', OUT);
    await shoot(page, '/board', 'board-ranking', 'board');
    await shoot(page, '/tracker', 'problem-list', 'tracker');
    // The problem with the longest story among the first page of joint ones.
    await page.goto(`${w.base}/tracker?handling=joint`);
    await settle(page, 'problem-list');
    await page.getByTestId('problem-list').locator('tbody tr.ant-table-row a').first().click();
    await settle(page, 'problem-timeline');
    await screenshot(page, 'problem-timeline', OUT);
    await page.goto(`${w.base}/audit`);
    await settle(page, 'audit-table');
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('chain-badge').waitFor();
    await showBackdated(page);
    await screenshot(page, 'audit-trail', OUT);

    const phone = await browser.page({ width: 390, height: 844 });
    const leader = w.credential('leader');
    await signInAs(phone, w.base, leader.username, leader.password);
    await settle(phone, 'home-leader');
    await screenshot(phone, 'phone-leader-home', OUT);
    await shoot(phone, '/board', 'board-ranking', 'phone-board');
    await shoot(phone, '/tracker', 'problem-list', 'phone-tracker');
    // A supervision group's phone: the backdated entries as cards, the filters folded away again.
    const inspectorPhone = await browser.page({ width: 390, height: 844 });
    const inspector = w.credential('inspector');
    await signInAs(inspectorPhone, w.base, inspector.username, inspector.password);
    await inspectorPhone.goto(`${w.base}/audit`);
    await settle(inspectorPhone, 'audit-cards');
    await showBackdated(inspectorPhone, 'folded');
    // One screen of it: the whole page of fifty cards is a strip too long to look at.
    await inspectorPhone.screenshot({ path: join(OUT, 'phone-audit-trail.png') });
    const unitId = await ballotUnit(w.base, office, w.city.mainCampaignId);
    await shoot(phone, `/public/campaigns/${w.city.mainCampaignId}/units/${unitId}/ballot`, 'ballot-card', 'phone-ballot');
    await shoot(phone, `/public/campaigns/${w.city.mainCampaignId}/problems`, 'public-problems', 'phone-public-problems');
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await w.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
