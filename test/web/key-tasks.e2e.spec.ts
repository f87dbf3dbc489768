import { DEMO_PASSWORDS } from '@platform/demo-data';
import { screenshot, signInAs } from '../support/browser';
import { webSession } from './web-session';

declare const document: { documentElement: { scrollWidth: number } };

const TASK = 'kt-branch-standard';

/** 重点任务调度 in a browser, on the demo city's key tasks: the office schedules, a liaison reports on a phone. */
describe('key tasks in a browser', () => {
  const w = webSession();
  const { open } = w;

  it('lists the tasks, shows a stock-take ranked per unit, and lets the office schedule the next one', async () => {
    const page = await w.signedIn('office');
    await page.getByRole('menuitem', { name: '重点任务' }).click();
    await page.getByTestId('key-task-list').getByText('村（社区）党组织标准化规范化建设').click();
    await page.waitForURL(`**/key-tasks/${TASK}`);
    const rows = page.getByTestId('schedule-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The first cell opens the unit's report; the second is its rank.
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('1');
    await page.getByTestId('schedule-rollups').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'key-task-schedule');

    await page.getByTestId('schedule-stock-take-form').locator('button[type=submit]').click();
    await page.getByText('已提交').first().waitFor();
    // The new stock-take is the latest, and nobody has reported to it yet.
    await page.getByTestId('count-not_reported').filter({ hasText: `未报送 ${await rows.count()}` }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('count-not_reported').filter({ hasText: 'Not reported' }).waitFor();
  });

  it('lets a township liaison report its part on a phone, and the ranking shows it', async () => {
    // An open stock-take to report to, due two months on (after any the other test scheduled).
    const dueOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await w.api('office', `/api/key-tasks/${TASK}/stock-takes`, { method: 'POST', body: { stockTakeId: 'st-phone', label: '专项调度', dueOn } });
    expect(scheduled.status).toBe(201);
    const schedule = (await w.api('office', `/api/key-tasks/${TASK}/schedule`)).body as unknown as { rows: { unitId: string; name: string; status: string }[] };
    const row = schedule.rows.find((r) => r.status === 'not_reported') ?? schedule.rows[0];

    const page = await open({ width: 390, height: 844 });
    await signInAs(page, w.base, `op-${row.unitId}`.toLowerCase(), DEMO_PASSWORDS.operator);
    await page.goto(`${w.base}/key-tasks/${TASK}`);
    const form = page.getByTestId('report-progress-form');
    await form.waitFor();
    await form.locator('#value').fill('1');
    await form.locator('#narrative').fill('已完成 1 个党组织验收，其余正在推进');
    await form.locator('button[type=submit]').click();
    const own = page.getByTestId('schedule-table').locator('tbody tr.ant-table-row', { hasText: row.name });
    try {
      await own.filter({ hasNotText: '未报送' }).waitFor();
    } finally {
      await screenshot(page, 'key-task-report-phone');
    }
    expect(await form.getByTestId('form-problem').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
