import { describe, expect, it } from 'vitest';
import { call, expectAccessible, setUpDeal, until, useBrowserApp } from './browser';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> launch';

const untilLong = <T>(fn: () => Promise<T>) => until(fn, 20_000);

const app = useBrowserApp(
  { timezoneId: 'Europe/Berlin' },
  { env: { ALERT_CRON: '*/1 * * * * *' } },
);

describe('the alert bell in Chromium', () => {
  it('shows a new alert raised by the running scheduler; acknowledging clears the count, reopening brings it back', async () => {
    const { page } = app.session;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(app.server.url);
    const { deal } = await setUpDeal(page, {
      owner: { timeZone: 'Europe/Berlin' },
      deal: { title: 'Serum' },
    });
    await page.reload();
    const bell = page.getByRole('button', { name: 'Notifications' });
    const bellCount = () =>
      page
        .getByTestId('alert-count')
        .textContent()
        .catch(() => null);
    await untilLong(() => bell.count()).toBe(1);
    expect(await page.getByTestId('alert-count').count()).toBe(0);

    // Goes live in an hour: inside the 24-hour lead, so the next scheduled run raises it.
    const deliverable = await call(page, 'POST', '/api/deliverables', {
      dealId: deal.id,
      title: HOSTILE_TITLE,
      platform: 'instagram',
      publishAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    });
    // The scheduler raises it within a second or two...
    await until(async () => (await call(page, 'GET', '/api/alerts/count')).open).toBe(1);
    // ...and the bell shows it on its next poll, or at once when the tab becomes visible again.
    await page.evaluate(() =>
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true })),
    );
    await untilLong(bellCount).toBe('1');

    await bell.click();
    const item = page.getByTestId('alert-item');
    await untilLong(() => item.count()).toBe(1);
    await expectAccessible(page, 'the alerts panel');
    // The title is shown as text, never run as markup.
    expect(await item.textContent()).toContain(HOSTILE_TITLE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await untilLong(() => page.getByTestId('alert-count').count()).toBe(0);
    await untilLong(() => page.getByText(/all caught up/).count()).toBe(1);

    // The server agrees, and the alert was about this deliverable.
    const acknowledged = await call(page, 'GET', '/api/alerts?state=acknowledged');
    expect(acknowledged.items.map((a) => a.subjectId)).toEqual([deliverable.id]);
    await page.reload();
    await untilLong(() => bell.count()).toBe(1);
    expect(await page.getByTestId('alert-count').count()).toBe(0);

    // Acknowledged by mistake: the inbox's Acknowledged tab reopens it, and the bell counts it again.
    await page.goto(`${app.server.url}/alerts`);
    await page.getByRole('tab', { name: 'Acknowledged' }).click();
    const reopen = page.getByRole('button', { name: 'Reopen' });
    await untilLong(() => reopen.count()).toBe(1);
    await expectAccessible(page, 'the acknowledged alerts');
    await reopen.click();
    await untilLong(bellCount).toBe('1');
    await untilLong(() => reopen.count()).toBe(0);
    const open = await call(page, 'GET', '/api/alerts');
    expect(open.items.map((a) => [a.subjectId, a.acknowledgedAt])).toEqual([
      [deliverable.id, null],
    ]);

    expect(dialogs).toEqual([]);
    expect(app.session.problems).toEqual([]);
  });
});
