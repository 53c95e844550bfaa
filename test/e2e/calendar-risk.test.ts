import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, screenshot, setUpDeal, until, useBrowserApp } from './browser';
import type { Answer, RequestBody } from '../support/api-types';

const ZONE = 'America/New_York';

const SCREENSHOT = screenshot('calendar.png');
const PHONE_SCREENSHOT = screenshot('calendar-phone.png');

const app = useBrowserApp({ timezoneId: ZONE, viewport: { width: 1366, height: 900 } });

const HOUR = 60 * 60 * 1000;

/**
 * The page's now: noon in the zone on the last day that has had one. The page's clock is
 * held there (the server's runs on, a few hours ahead at most), so every dated item below
 * falls on that one day — in the month, the week and the list alike.
 */
const PAGE_NOW = (() => {
  const now = Temporal.Now.zonedDateTimeISO(ZONE);
  const day = now.hour >= 12 ? now.toPlainDate() : now.toPlainDate().subtract({ days: 1 });
  return day.toZonedDateTime({ timeZone: ZONE, plainTime: '12:00' });
})();
const PAGE_DAY = PAGE_NOW.toPlainDate();
/** A day beside it in the same week and month grid, for what would crowd its cell. */
const NEXT_TO =
  PAGE_NOW.dayOfWeek === 7 ? PAGE_NOW.add({ days: 1 }) : PAGE_NOW.subtract({ days: 1 });
const at = (hours: number) => new Date(PAGE_NOW.epochMilliseconds + hours * HOUR).toISOString();

type Made = Answer<'GET', `/api/deliverables/${string}`>;

const face = (page: Page, id: string, kind: 'publish' | 'draft') =>
  page.locator(`[data-deliverable-id="${id}"][data-kind="${kind}"]`).first();

async function faceText(page: Page, id: string, kind: 'publish' | 'draft'): Promise<string> {
  await until(() => face(page, id, kind).count()).toBe(1);
  // The face can be in the page before its text is drawn (a loaded machine): wait for the text.
  await until(async () => (await face(page, id, kind).innerText()).trim()).not.toBe('');
  return (await face(page, id, kind).innerText()).replace(/\s+/g, ' ');
}

/** The calendar's view tabs: Month, Week, List. */
async function showView(page: Page, name: 'Month' | 'Week' | 'List') {
  await page.getByRole('tab', { name: `${name} view` }).click();
}

const calendarTitle = (page: Page) =>
  page.locator('.calendar-card [role="heading"]').first().innerText();

describe('risk on the calendar in Chromium', () => {
  let overdueDraft: Made;
  let missed: Made;
  let soon: Made;
  let done: Made;
  let later: Made;

  it('marks overdue, due soon and done work in month, week and list, filters it and counts it', async () => {
    const { page } = app.session;
    await app.session.context.clock.setFixedTime(PAGE_NOW.epochMilliseconds);
    await page.goto(app.server.url);
    const { deal } = await setUpDeal(page, {
      owner: { timeZone: ZONE },
      brand: { name: 'Glow' },
      deal: { title: 'Serum launch' },
    });
    const make = (body: Omit<RequestBody<'POST', '/api/deliverables'>, 'dealId'>) =>
      call(page, 'POST', '/api/deliverables', { dealId: deal.id, ...body });
    overdueDraft = await make({
      title: 'Serum unboxing',
      platform: 'tiktok',
      draftDueAt: at(-3),
      publishAt: at(40 * 24),
    });
    missed = await make({
      title: 'Glow reel',
      platform: 'instagram',
      status: 'scheduled',
      publishAt: at(-2),
    });
    soon = await make({ title: 'Night routine', platform: 'youtube', publishAt: at(6) });
    done = await make({
      title: 'Morning routine',
      platform: 'instagram',
      status: 'published',
      liveUrl: 'https://instagram.example/p/1',
      publishAt: new Date(NEXT_TO.epochMilliseconds - HOUR).toISOString(),
    });
    later = await make({
      title: 'Holiday gift guide',
      platform: 'youtube',
      publishAt: at(70 * 24),
    });

    await page.goto(app.server.url);
    await until(() => page.getByRole('heading', { name: 'Calendar' }).count()).toBe(1);
    // Month: the word, not colour alone.
    expect(await faceText(page, overdueDraft.id, 'draft')).toContain('Overdue');
    expect(await faceText(page, missed.id, 'publish')).toContain('Overdue');
    expect(await faceText(page, soon.id, 'publish')).toContain('Due soon');
    const doneText = await faceText(page, done.id, 'publish');
    expect(doneText).not.toMatch(/Overdue|Due soon/);
    expect(await face(page, done.id, 'publish').getAttribute('data-risk')).toBe('done');
    expect(await face(page, missed.id, 'publish').getAttribute('title')).toContain('Overdue');
    // The legend says what the marks mean.
    const legend = page.locator('.legend');
    expect(await legend.innerText()).toMatch(/Overdue[\s\S]*Due soon[\s\S]*Published/);
    // The header counts the workspace's work at risk: two overdue, one due soon.
    await until(() => page.getByTestId('risk-count').textContent()).toBe('3');
    await expectAccessible(page, 'the calendar with work at risk');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

    await showView(page, 'Week');
    expect(await faceText(page, overdueDraft.id, 'draft')).toContain('Overdue');
    expect(await faceText(page, missed.id, 'publish')).toContain('Overdue');
    expect(await faceText(page, soon.id, 'publish')).toContain('Due soon');
    expect(await faceText(page, done.id, 'publish')).not.toMatch(/Overdue|Due soon/);
    const weekTitle = await calendarTitle(page);
    expect(weekTitle).toMatch(/^[A-Z][a-z]{2} \d{1,2} – ([A-Z][a-z]{2} )?\d{1,2}, \d{4}$/);

    await showView(page, 'List');
    expect(await faceText(page, overdueDraft.id, 'draft')).toContain('Overdue');
    expect(await faceText(page, missed.id, 'publish')).toContain('Overdue');
    expect(await faceText(page, soon.id, 'publish')).toContain('Due soon');
    expect(await faceText(page, done.id, 'publish')).toMatch(/Published/);
    await expectAccessible(page, 'the list with work at risk');

    await showView(page, 'Month');
    // The month shows the done work before the filter hides it: else the wait below could
    // pass on a month not drawn yet (a loaded machine saw no faces at all right after it).
    await until(() => face(page, done.id, 'publish').count()).toBe(1);
    const atRisk = page.getByRole('button', { name: /At risk/ });
    await atRisk.click();
    await until(() => face(page, done.id, 'publish').count()).toBe(0);
    expect(await face(page, missed.id, 'publish').count()).toBe(1);
    expect(await face(page, soon.id, 'publish').count()).toBe(1);
    expect(await atRisk.getAttribute('aria-pressed')).toBe('true');
    await atRisk.click();
    await until(() => face(page, done.id, 'publish').count()).toBe(1);
  });

  it('opens an alert’s deliverable on its day, and gives focus back to it when closed', async () => {
    const { page } = app.session;
    await page.goto(`${app.server.url}/?deliverable=${later.id}`);
    const dialog = page.getByRole('dialog');
    await until(() => dialog.count()).toBe(1);
    await until(() => dialog.getByLabel('Title').inputValue()).toBe('Holiday gift guide');
    // The calendar went to its month: the event is drawn behind the dialog.
    await until(() => face(page, later.id, 'publish').count()).toBe(1);
    await page.keyboard.press('Escape');
    await until(() => dialog.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('deliverable')).toBeNull();
    await until(() =>
      page.evaluate(
        (id) => !!document.activeElement?.querySelector(`[data-deliverable-id="${id}"]`),
        later.id,
      ),
    ).toBe(true);
  });

  it('creates on a day with Enter, moves an event a day with Alt+arrow, and Undo puts it back', async () => {
    const page = await app.open();
    const today = PAGE_DAY.toString();
    const cell = page.locator(`[data-day="${today}"]`).first();
    await until(() => cell.count()).toBe(1);
    await cell.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await until(() => dialog.count()).toBe(1);
    expect(await dialog.getByLabel(/Go-live/).inputValue()).toBe(`${today}T10:00`);
    await page.keyboard.press('Escape');
    await until(() => dialog.count()).toBe(0);

    // The documented key, said beside the event's name.
    const event = face(page, soon.id, 'publish');
    const focusable = event.locator('xpath=ancestor-or-self::*[@tabindex][1]');
    expect(await focusable.getAttribute('aria-description')).toMatch(/Alt\+Right/);
    await focusable.focus();
    // Later, unless that leaves the month or the week on show.
    const back = PAGE_DAY.add({ days: 1 }).day === 1 || PAGE_DAY.dayOfWeek === 6;
    await page.keyboard.press(back ? 'Alt+ArrowLeft' : 'Alt+ArrowRight');
    const moved = Temporal.Instant.from(soon.publishAt!)
      .toZonedDateTimeISO(ZONE)
      .add({ days: back ? -1 : 1 })
      .toInstant();
    const read = () => call(page, 'GET', `/api/deliverables/${soon.id}`);
    await until(async () => Date.parse((await read()).publishAt!)).toBe(moved.epochMilliseconds);
    // Focus stays with the event in its new day.
    await until(() =>
      page.evaluate(
        (id) => !!document.activeElement?.querySelector(`[data-deliverable-id="${id}"]`),
        soon.id,
      ),
    ).toBe(true);
    const toast = page.locator('.toast', { hasText: 'Go-live moved' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await until(async () => Date.parse((await read()).publishAt!)).toBe(
      Date.parse(soon.publishAt!),
    );

    // Enter on a focused event opens it; closing gives focus back to it. First the calendar
    // draws it back on its day (the Undo's reload landed), so the click is not on a face
    // the reload then replaces.
    await until(() =>
      page
        .locator(`[data-day="${today}"] [data-deliverable-id="${soon.id}"][data-kind="publish"]`)
        .count(),
    ).toBe(1);
    await until(() => face(page, soon.id, 'publish').count()).toBe(1);
    await face(page, soon.id, 'publish').click();
    await until(() => dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await until(() => dialog.count()).toBe(0);
    await until(() =>
      page.evaluate(
        (id) => !!document.activeElement?.querySelector(`[data-deliverable-id="${id}"]`),
        soon.id,
      ),
    ).toBe(true);

    // `/?new=1&day=…` (where the global `n` shortcut goes) opens "new deliverable" on the day.
    await page.goto(`${app.server.url}/?new=1&day=${today}`);
    await until(() => dialog.count()).toBe(1);
    expect(await dialog.getByLabel(/Go-live/).inputValue()).toBe(`${today}T10:00`);
    expect(new URL(page.url()).searchParams.get('new')).toBeNull();
  });

  it('keeps the phone header to a quarter of the screen, chips legible and the week named', async () => {
    const phone = await app.session.browser.newContext({
      viewport: { width: 390, height: 844 },
      timezoneId: ZONE,
      locale: 'en-US',
      storageState: await app.session.context.storageState(),
    });
    await phone.clock.setFixedTime(PAGE_NOW.epochMilliseconds);
    const page = await phone.newPage();
    try {
      await page.goto(app.server.url);
      await until(() => face(page, missed.id, 'publish').count()).toBe(1);
      // The week list: risk in words, the week named in the title.
      expect(await faceText(page, missed.id, 'publish')).toContain('Overdue');
      expect(await faceText(page, soon.id, 'publish')).toContain('Due soon');
      const title = await calendarTitle(page);
      expect(title).toMatch(/^[A-Z][a-z]{2} \d{1,2} – ([A-Z][a-z]{2} )?\d{1,2}, \d{4}$/);
      const calendarTop = await page
        .locator('.calendar-card')
        .evaluate((el) => el.getBoundingClientRect().top);
      expect(calendarTop).toBeLessThanOrEqual(844 / 4);
      await expectAccessible(page, 'the phone calendar');
      if (PHONE_SCREENSHOT) await page.screenshot({ path: PHONE_SCREENSHOT });

      await showView(page, 'Month');
      await until(() => face(page, missed.id, 'publish').count()).toBe(1);
      // A month chip shows its platform and title, never a clipped status or risk word.
      const clipped = await page.locator('.sc-ev .chip').evaluateAll((chips) =>
        chips
          .filter((c) => c.getClientRects().length > 0)
          .filter((c) => {
            const box = c.closest('.sc-ev')!.getBoundingClientRect();
            return c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > box.right;
          })
          .map((c) => c.textContent),
      );
      expect(clipped).toEqual([]);
      const badge = face(page, missed.id, 'publish').locator('.platform__badge');
      expect(await badge.innerText()).toBe('IG');
      expect(await face(page, missed.id, 'publish').getAttribute('title')).toContain('Overdue');
    } finally {
      await phone.close();
    }
  });
});
