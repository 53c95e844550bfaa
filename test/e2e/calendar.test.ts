import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { expectAccessible, OWNER, until, useBrowserApp } from './browser';

const ZONE = 'America/New_York';

const app = useBrowserApp({ timezoneId: ZONE });

/** A day of the month on show (mid-month, so it is always in the month grid) at a local time. */
function localDay(day: number): Temporal.PlainDate {
  const today = Temporal.Now.plainDateISO(ZONE);
  return today.with({ day });
}

/** Polls until the page catches up; generous for a loaded CI machine. */
function instantOf(date: Temporal.PlainDate, hour: number): string {
  return new Date(
    date.toPlainDateTime({ hour }).toZonedDateTime(ZONE).epochMilliseconds,
  ).toISOString();
}

async function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    return res.json();
  }, url) as Promise<T>;
}

describe('the core loop in Chromium', () => {
  it('creates the owner, a brand, a deal and a deliverable, drags it to another day, and it stays there after a reload', async () => {
    const page = await app.open();

    // First run: the page asks for the owner account.
    await until(() => page.getByRole('button', { name: 'Create owner account' }).count()).toBe(1);
    await expectAccessible(page, 'the setup page');
    await page.getByLabel('Name', { exact: true }).fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByLabel('Workspace name').fill('Ava Studio');
    await page.getByRole('button', { name: 'Create owner account' }).click();
    await until(() => page.getByRole('heading', { name: 'Calendar' }).count()).toBe(1);
    await expectAccessible(page, 'the empty calendar');

    // A brand.
    await page.getByRole('link', { name: 'Brands' }).first().click();
    await page.getByRole('button', { name: 'New brand' }).first().click();
    await page.getByLabel('Brand name').fill('Glow Skincare');
    await page.getByRole('button', { name: 'Save brand' }).click();
    await until(() => page.getByText('Glow Skincare').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the brands page');

    // A deal for it.
    await page.getByRole('link', { name: 'Deals' }).first().click();
    await page.getByRole('button', { name: 'New deal' }).first().click();
    await page.getByLabel('Brand').selectOption({ label: 'Glow Skincare' });
    await page.getByLabel('Deal title').fill('Spring serum launch');
    await page.getByLabel('Fee').fill('4500');
    await page.getByRole('button', { name: 'Save deal' }).click();
    await until(() => page.getByText('Spring serum launch').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the deals page');

    // A deliverable on the calendar, at 10:00 New York time on the 10th.
    const from = localDay(10);
    const to = localDay(17);
    await page.getByRole('link', { name: 'Calendar' }).first().click();
    await page.getByRole('button', { name: 'New deliverable' }).first().click();
    await page.getByLabel('Title').fill('Unboxing reel');
    await page.getByLabel('Deal', { exact: true }).selectOption({ label: 'Spring serum launch' });
    await page.getByLabel('Platform').selectOption('instagram');
    await page.getByLabel('Go-live').fill(`${from.toString()}T10:00`);
    await expectAccessible(page, 'the deliverable dialog');
    await page.getByRole('button', { name: 'Save deliverable' }).click();

    const event = page.locator('[data-kind="publish"]', { hasText: 'Unboxing reel' });
    await until(() => event.count()).toBe(1);
    const id = await event.getAttribute('data-deliverable-id');
    expect(id).toBeTruthy();
    const created = await api<{ publishAt: string; version: number }>(
      page,
      `/api/deliverables/${id}`,
    );
    expect(created.publishAt).toBe(instantOf(from, 10));
    // It sits in the cell of its own day.
    expect(await page.locator(`[data-date="${from}"] [data-deliverable-id="${id}"]`).count()).toBe(
      1,
    );

    // Drag it a week later.
    const source = await event.boundingBox();
    const target = await page.locator(`[role="cell"][data-date="${to}"]`).boundingBox();
    if (!source || !target) throw new Error('event or target day not on screen');
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + source.width / 2 + 5, source.y + source.height / 2 + 5, {
      steps: 5,
    });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
    const saved = page.waitForResponse(
      (r) => r.url().includes(`/api/deliverables/${id}`) && r.request().method() === 'PATCH',
    );
    await page.mouse.up();
    expect((await saved).status()).toBe(200);

    // Saved: the API has the new day at the same local time, one version later.
    const moved = await api<{ publishAt: string; version: number }>(
      page,
      `/api/deliverables/${id}`,
    );
    expect(moved.publishAt).toBe(instantOf(to, 10));
    expect(moved.version).toBe(created.version + 1);

    // And after a reload it is still there.
    await page.reload();
    const cell = page.locator(`[data-date="${to}"] [data-deliverable-id="${id}"]`);
    await until(() => cell.count()).toBe(1);
    expect(await page.locator(`[data-date="${from}"] [data-deliverable-id="${id}"]`).count()).toBe(
      0,
    );
    await expectAccessible(page, 'the month view');

    // Opened from its address (?deliverable= jumps to its day): the dialog, then the week view.
    await page.goto(`${app.server.url}/?deliverable=${id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit deliverable' });
    await until(() => dialog.getByLabel('Title').inputValue()).toBe('Unboxing reel');
    await expectAccessible(page, 'the deliverable dialog, editing');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await until(() => dialog.count()).toBe(0);
    await page.getByRole('tab', { name: 'Week view' }).click();
    await until(() => page.locator(`[data-deliverable-id="${id}"]`).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the week view');

    expect(app.session.problems).toEqual([]);
  });
});
