import { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { webSession } from './web-session';

declare const document: { documentElement: { scrollWidth: number } };

/** 考核 and 示范点 in Chromium against the small demo city, on a phone's width. */
describe('assessments and demonstration points in a browser', () => {
  const w = webSession();
  const PHONE = { width: 390, height: 844 };
  const signedIn = (role: string) => w.signedIn(role, undefined, PHONE);
  const api = (role: string, path: string, body?: object) => w.api(role, path, body ? { method: 'POST', body } : {});
  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  it('shows the published ranking with its grade bands, as the API answers it', async () => {
    const periods = (await api('office', '/api/assessments')).body.periods as { periodId: string; title: string; published: boolean }[];
    const secretaries = periods.find((p) => p.periodId.startsWith('township-secretary-'))!;
    expect(secretaries.published).toBe(true);
    const results = (await api('office', `/api/assessments/${secretaries.periodId}/results`)).body as { rows: { name: string; rank: number }[] };

    const page = await signedIn('office');
    await page.goto(`${w.base}/assessments?period=${secretaries.periodId}`);
    await page.getByTestId('grade-bands').waitFor();
    await page.getByText(results.rows[0].name).first().waitFor();
    expect(await page.getByTestId('results-table').locator('tbody tr.ant-table-row').count()).toBe(results.rows.length);
    expect(await page.getByTestId('publish-results').count()).toBe(0);
    await fitsPhone(page);
    await screenshot(page, 'assessment-results-phone');
  });

  it('lets the assessing group score a unit with the scoring form, and shows who scored it', async () => {
    const units = (await api('inspector', '/api/organizations')).body.units as { unitId: string; level: string }[];
    const townships = units.filter((u) => u.level === 'township').slice(0, 2).map((u) => u.unitId);
    const opened = await api('office', '/api/assessments', { periodId: 'browser-check', title: '浏览器核对', schemeId: 'township-secretary', from: '2026-01-01', to: '2026-12-31', unitIds: townships });
    expect(opened.status).toBe(201);

    const page = await signedIn('inspector');
    await page.goto(`${w.base}/assessments/browser-check/units/${townships[0]}`);
    const form = page.getByTestId('score-form');
    await form.waitFor();
    const inputs = form.locator('input.ant-input-number-input');
    // duty 27, organization 22, tasks 1 shortcoming (20 − 4), masses 13; the 述职 switch is off (0).
    for (const [i, v] of ['27', '22', '1', '13'].entries()) await inputs.nth(i).fill(v);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('score-history').getByText('78').waitFor();
    await fitsPhone(page);
    const detail = (await api('office', `/api/assessments/browser-check/units/${townships[0]}`)).body as { unit: { total: number; changes: { by: string }[] } };
    expect(detail.unit.total).toBe(27 + 0 + 22 + 16 + 13);
    expect(detail.unit.changes.map((c) => c.by)).toEqual([w.credential('inspector').username]);
  });

  it('lists the register by stage, with an eliminated point’s history kept', async () => {
    const register = (await api('office', '/api/demonstration-points')).body as { byStage: Record<string, number>; points: { unitId: string; name: string; stage: string }[] };
    expect(Object.keys(register.byStage).sort()).toEqual(['creating', 'declined', 'eliminated', 'improving', 'named', 'recommended']);
    const out = register.points.find((p) => p.stage === 'eliminated')!;

    const page = await signedIn('office');
    await page.goto(`${w.base}/demonstration-points`);
    await page.getByTestId('stage-counts').getByText('已淘汰 1').waitFor();
    await fitsPhone(page);
    await page.getByRole('link', { name: out.name }).click();
    await page.getByTestId('point-history').getByText('已淘汰').first().waitFor();
    await page.getByText('正式示范点').first().waitFor();
    await fitsPhone(page);
    await screenshot(page, 'demonstration-point-phone');
  });
});
