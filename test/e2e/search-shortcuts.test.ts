import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, OWNER, screenshot, until, useBrowserApp } from './browser';

const ZONE = 'Europe/Berlin';

const app = useBrowserApp({ timezoneId: ZONE, viewport: { width: 1440, height: 900 } });

const today = Temporal.Now.plainDateISO(ZONE);
const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search everywhere' });
const options = (page: Page) =>
  page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** From now on, remembers each address the app pushes to the history (read with `navigations`). */
async function recordNavigation(page: Page) {
  await page.evaluate(() => {
    const pushed: string[] = [];
    (window as unknown as { pushed: string[] }).pushed = pushed;
    const push = history.pushState.bind(history);
    history.pushState = (data, unused, url) => {
      pushed.push(String(url));
      push(data, unused, url);
    };
  });
}

const navigations = (page: Page) =>
  page.evaluate(() => (window as unknown as { pushed: string[] }).pushed);

/** Presses keys one by one on the page's body, as a user not in a field would. */
async function press(page: Page, ...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

describe('search everywhere and keyboard shortcuts in Chromium', () => {
  it('finds and opens deals, deliverables and brands; goes places by key; lists the keys; forecasts money', async () => {
    const page = await app.open();
    await call(page, 'POST', '/api/auth/setup', { ...OWNER, timeZone: ZONE });
    const brand = await call(page, 'POST', '/api/brands', {
      name: 'Glow Skincare',
    });
    await call(page, 'POST', '/api/brands', { name: 'Lumen Audio', stage: 'pitched' });
    const deal = await call(page, 'POST', '/api/deals', {
      brandId: brand.id,
      title: 'Spring serum launch',
      status: 'contracted',
      feeCents: 450_000,
      currency: 'USD',
    });
    const reel = await call(page, 'POST', '/api/deliverables', {
      dealId: deal.id,
      title: 'Serum unboxing reel',
      platform: 'instagram',
      caption: 'Morning routine with the new hyaluronic serum #ad',
      publishAt: `${today.add({ days: 10 }).toString()}T09:00:00.000Z`,
    });
    await call(page, 'POST', '/api/deliverables', {
      dealId: deal.id,
      title: 'Launch day story',
      platform: 'instagram',
      brief: 'Show the serum texture close up, then the launch code',
    });
    await call(page, 'POST', '/api/invoices', {
      dealId: deal.id,
      amountCents: 150_000,
      status: 'sent',
    });
    await page.reload();

    // `/` focuses the search; typing shows the server's results, best first.
    const box = searchBox(page);
    await until(() => box.isVisible()).toBe(true);
    await press(page, '/');
    await until(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('spring ser');
    await until(() => options(page).count()).toBeGreaterThan(0);
    expect(await options(page).first().textContent()).toContain('Spring serum launch');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    // Shortcut keys typed into the box are text: nothing navigated.
    expect(pathOf(page)).toBe('/');

    // Titles first (one starting with the word before one containing it), then a brief.
    await box.fill('serum');
    const brief = options(page).filter({ hasText: 'Launch day story' });
    await until(() => brief.count()).toBe(1);
    expect((await options(page).allTextContents()).map((t) => t.split(' · ')[0])).toEqual([
      'DeliverableSerum unboxing reelGlow Skincare',
      'DealSpring serum launchGlow Skincare',
      'DeliverableLaunch day storyGlow Skincare',
    ]);
    expect(await brief.textContent()).toContain('Brief: Show the serum texture');
    await expectAccessible(page, 'the calendar with search results open');
    const shot = screenshot('search.png');
    if (shot) await page.screenshot({ path: shot });

    // ↑ from the box marks the last result; ↓ wraps to the first, then the deal; Enter opens it.
    const active = async () => {
      const id = await box.getAttribute('aria-activedescendant');
      return id ? page.locator(`[id="${id}"]`).textContent() : null;
    };
    await press(page, 'ArrowUp');
    expect(await active()).toContain('Launch day story');
    await press(page, 'ArrowDown');
    expect(await active()).toContain('Serum unboxing reel');
    await press(page, 'ArrowDown');
    expect(await active()).toContain('Spring serum launch');
    expect(
      await options(page).filter({ hasText: 'Spring serum launch' }).getAttribute('aria-selected'),
    ).toBe('true');
    await press(page, 'Enter');
    await until(async () => pathOf(page)).toBe(`/deals/${deal.id}`);
    expect(await box.inputValue()).toBe('');

    // A caption match opens the deliverable on the calendar.
    await box.click();
    await page.keyboard.type('hyaluronic');
    // (The previous answer stays on screen until this one arrives.)
    const byCaption = options(page).filter({ hasText: 'Caption: Morning routine' });
    await until(() => options(page).count()).toBe(1);
    await until(() => byCaption.count()).toBe(1);
    expect(await byCaption.textContent()).toContain('Serum unboxing reel');
    await byCaption.click();
    await until(async () => pathOf(page)).toBe(`/?deliverable=${reel.id}`);
    // The calendar opens it in its dialog.
    const opened = page.getByRole('dialog');
    await until(() => opened.isVisible()).toBe(true);
    // Escape once the dialog holds the focus, as a person's key press would come.
    await until(() =>
      page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"], dialog'))),
    ).toBe(true);
    await press(page, 'Escape');
    await until(() => opened.count()).toBe(0);

    // Nothing found says so; Escape closes the results, a second Escape clears the box.
    await press(page, '/');
    await page.keyboard.type('zzqx');
    await until(() => page.getByRole('status').filter({ hasText: 'Nothing matches' }).count()).toBe(
      1,
    );
    await press(page, 'Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.inputValue()).toBe('zzqx');
    await press(page, 'Escape');
    expect(await box.inputValue()).toBe('');

    // g d, g m, g c go to deals, money and the calendar.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await press(page, 'g', 'd');
    await until(async () => pathOf(page)).toBe('/deals');
    await press(page, 'g', 'm');
    await until(async () => pathOf(page)).toBe('/money');

    // The forecast: $3,000.00 contracted but not invoiced, the $1,500.00 invoice not yet due.
    const forecast = page.getByRole('table', { name: 'Forecast in USD' });
    await until(() => forecast.locator('tfoot td').allTextContents()).toEqual([
      '$3,000.00',
      '$1,500.00',
      '—',
      '$4,500.00',
    ]);
    await expectAccessible(page, 'the money page with its forecast');

    // `?` lists the shortcuts; while it is open no other shortcut fires.
    await press(page, '?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await until(() => help.isVisible()).toBe(true);
    for (const entry of ['New deliverable', 'Go to deals', 'On a day: new deliverable that day']) {
      expect(await help.getByText(entry, { exact: true }).count()).toBe(1);
    }
    await expectAccessible(page, 'the shortcuts dialog');
    await press(page, 'g', 'c');
    expect(pathOf(page)).toBe('/money');
    await press(page, 'Escape');
    await until(() => help.count()).toBe(0);
    await press(page, 'g', 'c');
    await until(async () => pathOf(page)).toBe('/');

    // `n` asks the calendar for a new deliverable (`/?new=1`, which the calendar then drops).
    await page.goto(`${app.server.url}/deals`);
    await until(() => box.isVisible()).toBe(true);
    await recordNavigation(page);
    await press(page, 'n');
    await until(() => navigations(page)).toEqual(['/?new=1']);

    // The brand board shows each brand's open deals' value.
    await page.goto(`${app.server.url}/brands?view=board`);
    const glow = page.getByRole('listitem', { name: 'Glow Skincare' });
    await until(() => glow.getByTestId('open-deals-value').textContent()).toBe('$4,500.00');
    expect(
      await page
        .getByRole('listitem', { name: 'Lumen Audio' })
        .getByTestId('open-deals-value')
        .textContent(),
    ).toBe('None');

    // On a phone the search is an icon that opens the box across the header.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.server.url}/`);
    await until(() => page.getByRole('button', { name: 'Search', exact: true }).isVisible()).toBe(
      true,
    );
    expect(await box.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await until(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('glow');
    const glowResult = options(page).filter({ hasText: 'Glow Skincare' }).first();
    await until(() => glowResult.isVisible()).toBe(true);
    await expectAccessible(page, 'the phone search with results');
    // A brand opens in the brands page's dialog (which then drops `?brand=` from the address).
    await recordNavigation(page);
    await press(page, 'Enter');
    await until(() => page.getByRole('dialog', { name: 'Edit brand' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog').getByLabel('Name').first().inputValue()).toBe(
      'Glow Skincare',
    );
    expect(await navigations(page)).toEqual([`/brands?brand=${brand.id}`]);

    expect(app.session.problems).toEqual([]);
  });
});
