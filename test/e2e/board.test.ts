import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, screenshot, setUpDeal, until, useBrowserApp } from './browser';
import type { Answer } from '../support/api-types';

const ZONE = 'Europe/Berlin';
const SCREENSHOT = screenshot('board.png');

// The scheduler runs every second, so the overdue drafts are alerted at once.
const app = useBrowserApp(
  { timezoneId: ZONE, viewport: { width: 1366, height: 900 } },
  {
    // The scheduler runs every second, so the overdue drafts are alerted at once.
    env: { ALERT_CRON: '*/1 * * * * *' },
  },
);

type Item = Answer<'GET', `/api/deliverables/${string}`>;

const DAY = 86_400_000;
const column = (page: Page, status: string) => page.getByRole('region', { name: status });
const card = (page: Page, status: string, title: string) =>
  column(page, status).getByTestId('board-card').filter({ hasText: title });
const toast = (page: Page, text: string) => page.locator('.toast').filter({ hasText: text });
const get = (page: Page, id: string) => call(page, 'GET', `/api/deliverables/${id}`);
const row = (page: Page, title: string) => page.getByTestId('board-row').filter({ hasText: title });

describe('the status board in Chromium', () => {
  it('acknowledges alerts in bulk, drags between columns (a stale card goes back), shifts and deletes in bulk with undo', async () => {
    const page = await app.open();
    const { deal } = await setUpDeal(page, {
      owner: { timeZone: ZONE },
      deal: { title: 'Spring serum' },
    });
    const items: Item[] = [];
    for (const [i, title] of [
      'Unboxing reel',
      'Story set',
      'Tutorial short',
      'Haul post',
    ].entries()) {
      items.push(
        await call(page, 'POST', '/api/deliverables', {
          dealId: deal.id,
          title,
          platform: i % 2 ? 'tiktok' : 'instagram',
          // Drafts an hour overdue (alerted), going live from three days on.
          draftDueAt: new Date(Date.now() - 3_600_000).toISOString(),
          publishAt: new Date(Date.now() + (3 + i) * DAY).toISOString(),
        }),
      );
    }
    const [reel, story, short, haul] = items as [Item, Item, Item, Item];

    // Alerts: acknowledge one selected, then all open. The scheduler raises them as it
    // scans; the page opens once all four are raised (it polls only every 20 s after that).
    await until(async () => (await call(page, 'GET', '/api/alerts')).openCount, 30_000).toBe(4);
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Alerts' })
      .click();
    await until(() => page.getByTestId('alert-row').count(), 20_000).toBe(4);
    await page.getByTestId('alert-row').first().getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Acknowledge selected (1)' }).click();
    await until(() => page.getByTestId('alert-row').count()).toBe(3);
    await expectAccessible(page, 'the alert inbox with its bulk actions');
    await page.getByRole('button', { name: 'Acknowledge all open' }).click();
    await until(() => page.getByTestId('alert-row').count()).toBe(0);
    await until(() => page.getByText('You’re all caught up').count()).toBe(1);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Board' })
      .click();
    await until(() => column(page, 'Planned').getByTestId('board-card').count()).toBe(4);
    expect(await page.getByText(/due from .* onward/).count()).toBe(1);
    await expectAccessible(page, 'the status board');

    // Drag a card to Drafting: it stays there, the server has it, and Undo puts it back.
    const patched = page.waitForResponse(
      (r) => r.url().includes(`/api/deliverables/${reel.id}`) && r.request().method() === 'PATCH',
    );
    await card(page, 'Planned', 'Unboxing reel').dragTo(column(page, 'Drafting'));
    expect((await patched).status()).toBe(200);
    await until(() => card(page, 'Drafting', 'Unboxing reel').count()).toBe(1);
    expect((await get(page, reel.id)).status).toBe('drafting');
    await toast(page, 'moved to Drafting').getByRole('button', { name: 'Undo' }).click();
    await until(async () => (await get(page, reel.id)).status).toBe('planned');
    await until(() => card(page, 'Planned', 'Unboxing reel').count()).toBe(1);

    // Someone else renames "Story set" after the board loaded: the drag is refused and the card goes back.
    await call(page, 'PATCH', `/api/deliverables/${story.id}`, {
      version: story.version,
      title: 'Story set v2',
    });
    await card(page, 'Planned', 'Story set').dragTo(column(page, 'Approved'));
    await until(() => toast(page, 'Someone else changed this deliverable').count()).toBe(1);
    await until(() => card(page, 'Planned', 'Story set v2').count()).toBe(1);
    expect(await card(page, 'Approved', 'Story set').count()).toBe(0);
    expect((await get(page, story.id)).status).toBe('planned');

    // The keyboard's way: "Move to…" on the card.
    await card(page, 'Planned', 'Haul post')
      .getByLabel('Move Haul post to')
      .selectOption('in_review');
    await until(() => card(page, 'In review', 'Haul post').count()).toBe(1);

    if (SCREENSHOT) {
      await page.getByRole('checkbox', { name: 'Tutorial short' }).check();
      await until(() => page.locator('.toast').count()).toBe(0);
      await page.screenshot({ path: SCREENSHOT });
      await page.getByRole('checkbox', { name: 'Tutorial short' }).uncheck();
    }

    // List view: select three, shift them two days later, then Undo restores each go-live exactly.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await until(() => page.getByTestId('board-row').count()).toBe(4);
    const before = await Promise.all([reel, story, short].map((d) => get(page, d.id)));
    for (const title of ['Unboxing reel', 'Story set v2', 'Tutorial short']) {
      await page.getByRole('checkbox', { name: `Select ${title}` }).check();
    }
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await until(() => bar.textContent()).toContain('3 deliverables selected');
    await expectAccessible(page, 'the list with the bulk bar');
    await bar.getByLabel(/Shift dates by/).fill('2');
    await bar.getByRole('button', { name: 'Shift' }).click();
    await until(() => toast(page, '3 deliverables moved 2 days later').count()).toBe(1);
    const shifted = await get(page, reel.id);
    expect(Date.parse(shifted.publishAt!) - Date.parse(before[0]!.publishAt!)).toBe(2 * DAY);
    await toast(page, '3 deliverables moved').getByRole('button', { name: 'Undo' }).click();
    await until(() => toast(page, 'Undone').count()).toBe(1);
    const restored = await Promise.all([reel, story, short].map((d) => get(page, d.id)));
    expect(restored.map((d) => d.publishAt)).toEqual(before.map((d) => d.publishAt));

    // Bulk delete names the count, and Undo brings them back with the same ids.
    for (const title of ['Tutorial short', 'Haul post']) {
      await row(page, title).getByRole('checkbox').check();
    }
    await bar.getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete 2 deliverables?' });
    await until(() => confirm.count()).toBe(1);
    await confirm.getByRole('button', { name: 'Delete 2 deliverables' }).click();
    await until(() => page.getByTestId('board-row').count()).toBe(2);
    await toast(page, '2 deliverables deleted').getByRole('button', { name: 'Undo' }).click();
    await until(() => page.getByTestId('board-row').count()).toBe(4);
    expect((await get(page, haul.id)).status).toBe('in_review');
    expect((await get(page, short.id)).title).toBe('Tutorial short');

    // On a phone the columns scroll sideways inside the board, not the page.
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await until(() => column(page, 'Planned').getByTestId('board-card').count()).toBe(3);
    // The page is no wider than the phone; the board is wider than its box (it scrolls).
    await until(() => page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const board = await page.getByTestId('status-board').evaluate((e) => ({
      scroll: e.scrollWidth,
      box: e.clientWidth,
    }));
    expect(board.scroll).toBeGreaterThan(board.box);
    await expectAccessible(page, 'the board on a phone');
    if (SCREENSHOT) await page.screenshot({ path: path.join(os.tmpdir(), 'board-phone.png') });
  });
});
