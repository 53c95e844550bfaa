import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPage,
  screenshot,
  setUpOwner,
  until,
  useBrowserApp,
  VIEWER,
} from './browser';
import type { RequestBody } from '../support/api-types';

const ZONE = 'Europe/Berlin';
const SCREENSHOT = screenshot('pipeline.png');

const app = useBrowserApp({ timezoneId: ZONE, viewport: { width: 1440, height: 900 } });
let viewer: Page;
let viewerProblems: string[];

beforeAll(async () => {
  ({ page: viewer, problems: viewerProblems } = await openSignedOutPage(app.session.browser, {
    viewport: { width: 1440, height: 900 },
    timezoneId: ZONE,
  }));
});

const today = Temporal.Now.plainDateISO(ZONE);
const daysAgo = (n: number) => today.subtract({ days: n }).toString();

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage });
const countOf = (page: Page, stage: string) =>
  column(page, stage).getByTestId('column-count').textContent();
const card = (page: Page, stage: string, name: string) =>
  column(page, stage).getByRole('listitem', { name });

describe('the pitch pipeline in Chromium', () => {
  it('drags a prospect to Negotiating, logs a pitch, and filters out brands contacted lately', async () => {
    const page = await app.open();
    await setUpOwner(page, { timeZone: ZONE });
    const brand = (body: RequestBody<'POST', '/api/brands'>) =>
      call(page, 'POST', '/api/brands', body);
    await brand({ name: 'Glow Skincare', category: 'beauty', nextFollowUpOn: daysAgo(2) });
    await brand({ name: 'Lumen Audio', category: 'audio' });
    const nordic = await brand({ name: 'Nordic Brew', category: 'coffee', stage: 'pitched' });
    await call(page, 'POST', `/api/brands/${nordic.id}/pitches`, {
      pitchedOn: daysAgo(12),
      channel: 'email',
    });
    await brand({
      name: 'Pixel Labs',
      category: 'tech',
      stage: 'negotiating',
      nextFollowUpOn: today.add({ days: 5 }).toString(),
    });
    const trail = await brand({ name: 'Trailhead', category: 'outdoor', stage: 'partner' });
    await call(page, 'POST', `/api/brands/${trail.id}/pitches`, {
      pitchedOn: daysAgo(40),
      channel: 'call',
    });
    await brand({ name: 'Old Co', category: 'fashion', stage: 'inactive' });

    // Brands → Board: five columns with their counts, remembered in the address.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Brands' })
      .click();
    await until(() => page.getByRole('heading', { name: 'Brands', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await until(async () => page.url()).toContain('view=board');
    await until(() => countOf(page, 'Prospect')).toBe('2');
    expect(await countOf(page, 'Pitched')).toBe('1');
    expect(await countOf(page, 'Negotiating')).toBe('1');
    expect(await countOf(page, 'Partner')).toBe('1');
    expect(await countOf(page, 'Inactive')).toBe('1');
    const glow = card(page, 'Prospect', 'Glow Skincare');
    expect(await glow.textContent()).toContain('beauty');
    expect(await glow.locator('.due__tag').textContent()).toBe('due');
    expect(await glow.textContent()).toContain('Last contactednever');
    expect(await card(page, 'Pitched', 'Nordic Brew').textContent()).toContain('12 days ago');
    expect(await card(page, 'Negotiating', 'Pixel Labs').locator('.due__tag').count()).toBe(0);
    await expectAccessible(page, 'the brands board');

    // Drag Glow Skincare into Negotiating: the counts change at once and the server keeps it.
    const moved = page.waitForResponse(
      (r) => r.url().includes('/api/brands/') && r.request().method() === 'PATCH',
    );
    await glow.dragTo(column(page, 'Negotiating'));
    expect((await moved).status()).toBe(200);
    await until(() => countOf(page, 'Negotiating')).toBe('2');
    expect(await countOf(page, 'Prospect')).toBe('1');
    expect(await card(page, 'Negotiating', 'Glow Skincare').count()).toBe(1);
    await page.reload();
    await until(() => card(page, 'Negotiating', 'Glow Skincare').count()).toBe(1);
    expect(page.url()).toContain('view=board');
    expect(await countOf(page, 'Prospect')).toBe('1');

    // Log a pitch from the brand's dialog: the date defaults to today.
    await card(page, 'Negotiating', 'Glow Skincare')
      .getByRole('button', { name: 'Glow Skincare' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Edit brand' });
    await until(() => dialog.getByRole('heading', { name: 'Pitch log' }).count()).toBe(1);
    await until(() => dialog.getByText('No pitches logged yet.').count()).toBe(1);
    expect(await dialog.getByLabel('Date', { exact: true }).inputValue()).toBe(today.toString());
    await dialog.getByLabel('Channel', { exact: true }).selectOption('dm');
    await dialog.getByLabel('Note', { exact: true }).fill('Sent the media kit and spring rates');
    await dialog.getByRole('button', { name: 'Log pitch' }).click();
    const log = dialog.getByRole('list', { name: 'Pitches to Glow Skincare' });
    await until(() => log.getByRole('listitem').count()).toBe(1);
    expect(await log.textContent()).toContain('Sent the media kit and spring rates');
    expect(await log.textContent()).toContain('DM');
    await expectAccessible(page, 'the brand dialog with its pitch log');
    // The dialog still saves on top of the brand as it now is.
    await dialog.getByRole('button', { name: 'Save brand' }).click();
    await until(() => dialog.count()).toBe(0);
    await until(() => card(page, 'Negotiating', 'Glow Skincare').textContent()).toContain(
      'Last contactedtoday',
    );

    if (SCREENSHOT) {
      await until(() => page.locator('.toast').count()).toBe(0);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    }

    // "Not contacted in 30 days": never contacted or 30+ days ago, inactive left out.
    await page.getByRole('button', { name: 'Not contacted in 30 days' }).click();
    await until(() => card(page, 'Negotiating', 'Glow Skincare').count()).toBe(0);
    await until(() => countOf(page, 'Partner')).toBe('1');
    expect(await card(page, 'Prospect', 'Lumen Audio').count()).toBe(1);
    expect(await card(page, 'Partner', 'Trailhead').count()).toBe(1);
    expect(await countOf(page, 'Pitched')).toBe('0');
    expect(await countOf(page, 'Negotiating')).toBe('1');
    expect(await countOf(page, 'Inactive')).toBe('0');

    // The same filter in the list view.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await until(async () => page.url()).not.toContain('view=board');
    const names = page.locator('.brand-card__name');
    await until(() => names.allTextContents()).toEqual(['Lumen Audio', 'Pixel Labs', 'Trailhead']);
    await page.getByRole('button', { name: 'Not contacted in 30 days' }).click();
    await until(() => names.count()).toBe(6);
    await expectAccessible(page, 'the brands list');

    // A follow-up alert links to /brands?brand=<id>: the page opens that brand.
    const [glowBrand] = (await call(page, 'GET', '/api/brands?q=glow')).items;
    await page.goto(`${app.server.url}/brands?brand=${glowBrand!.id}`);
    const linked = page.getByRole('dialog', { name: 'Edit brand' });
    await until(() => linked.count()).toBe(1);
    expect(await linked.getByLabel('Brand name').inputValue()).toBe('Glow Skincare');
    await until(async () => page.url()).not.toContain('brand=');
    await linked.getByRole('button', { name: 'Cancel' }).click();
    await until(() => linked.count()).toBe(0);
    expect(app.session.problems).toEqual([]);
  });

  it('puts a card back with a message when someone changed the brand meanwhile', async () => {
    const page = app.session.page;
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await until(() => countOf(page, 'Partner')).toBe('1');
    const [pixel] = (await call(page, 'GET', '/api/brands?q=pixel')).items;
    // Someone else renames it: the board's version is stale now.
    await call(page, 'PATCH', `/api/brands/${pixel!.id}`, {
      version: pixel!.version,
      notes: 'Changed elsewhere',
    });

    // The keyboard alternative: "Move to…" on the card.
    await card(page, 'Negotiating', 'Pixel Labs')
      .getByLabel('Move Pixel Labs to')
      .selectOption('partner');
    await until(() => page.getByText('Could not move Pixel Labs to Partner').count()).toBe(1);
    await until(() => card(page, 'Negotiating', 'Pixel Labs').count()).toBe(1);
    expect(await countOf(page, 'Partner')).toBe('1');
    await expectAccessible(page, 'the brands board after a refused move');
    expect(app.session.problems).toEqual([
      'console error: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    app.session.problems.length = 0;

    // With the board refreshed, the same move goes through.
    await card(page, 'Negotiating', 'Pixel Labs')
      .getByLabel('Move Pixel Labs to')
      .selectOption('partner');
    await until(() => card(page, 'Partner', 'Pixel Labs').count()).toBe(1);
    expect(await countOf(page, 'Partner')).toBe('2');
  });

  it('shows a viewer the board without dragging or moving', async () => {
    const invite = await call(app.session.page, 'POST', '/api/invites', {
      role: 'viewer',
      email: VIEWER.email,
    });
    const token = invite.url.split('/invite/')[1]!;
    await viewer.goto(app.server.url);
    await call(viewer, 'POST', `/api/invites/${token}/accept`, VIEWER);
    await viewer.goto(`${app.server.url}/brands?view=board`);
    await until(() => countOf(viewer, 'Partner')).toBe('2');
    const trail = card(viewer, 'Partner', 'Trailhead');
    expect(await trail.getAttribute('draggable')).toBe('false');
    expect(await trail.getByRole('combobox').count()).toBe(0);
    expect(await trail.getByRole('button').count()).toBe(0);
    expect(await trail.textContent()).toContain('40 days ago');
    await expectAccessible(viewer, "the brands board (a viewer's)");
    expect(viewerProblems).toEqual([]);
  });

  it('scrolls the board inside its own container on a phone, not the page', async () => {
    await viewer.setViewportSize({ width: 390, height: 844 });
    await until(() => countOf(viewer, 'Partner')).toBe('2');
    // The page is no wider than the phone; the board is wider than its box and scrolls in it.
    await until(() => viewer.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const board = await viewer.getByLabel('Pipeline board').evaluate((e) => ({
      scroll: e.scrollWidth,
      width: e.clientWidth,
      overflow: getComputedStyle(e).overflowX,
    }));
    expect(board.scroll).toBeGreaterThan(board.width);
    expect(board.overflow).toBe('auto');
    await viewer.getByLabel('Pipeline board').evaluate((e) => e.scrollBy({ left: 10_000 }));
    await until(() => card(viewer, 'Partner', 'Trailhead').isVisible()).toBe(true);
    expect(await viewer.evaluate(() => window.scrollX)).toBe(0);
  });
});
