import path from 'node:path';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, OWNER, until, useBrowserApp } from './browser';

const ZONE = 'Europe/Berlin';
/** Where the README's screenshots go when UPDATE_SCREENSHOTS=1 (beside the others). */
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(import.meta.dirname, '../../web/screenshots')
  : null;

const app = useBrowserApp({ timezoneId: ZONE, viewport: { width: 1366, height: 900 } });

const today = Temporal.Now.plainDateISO(ZONE);
const day = (n: number) => today.add({ days: n }).toString();

const deliverablesOf = async (page: Page, dealId: string) =>
  (await call(page, 'GET', `/api/deliverables?dealId=${dealId}`)).items;

/** The wall-clock go-live of an instant in the test's zone: `2026-03-05T10:00`. */
const local = (iso: string | null) =>
  iso === null
    ? null
    : Temporal.Instant.from(iso).toZonedDateTimeISO(ZONE).toPlainDateTime().toString().slice(0, 16);

describe('deal packages, duplicates and repeats in Chromium', () => {
  it('edits a deal package in Settings', async () => {
    const page = await app.open();
    await call(page, 'POST', '/api/auth/setup', { ...OWNER, timeZone: ZONE });
    await call(page, 'POST', '/api/brands', { name: 'Glow Skincare' });

    // Settings → Deal packages → New package: two lines, usage rights 30 days.
    await page.goto(`${app.server.url}/settings`);
    const section = page.getByRole('region', { name: 'Deal packages' });
    await until(() => section.getByText('No packages yet').count()).toBe(1);
    await section.getByRole('button', { name: 'New package' }).click();
    const editor = page.getByRole('dialog', { name: 'New deal package' });
    await editor.getByLabel('Name', { exact: true }).fill('Launch trio');
    await editor.getByLabel('Go-live time').fill('18:00');
    await editor.getByLabel('Usage days').fill('30');
    await editor.getByLabel('Line 1 Title').fill('TikTok launch');
    await editor.getByLabel('Line 1 Platform').selectOption('tiktok');
    await editor.getByLabel('Line 1 Format').selectOption('video');
    await editor.getByLabel('Line 1 Draft days before').fill('3');
    await editor.getByRole('button', { name: 'Add line' }).click();
    await editor.getByLabel('Line 2 Title').fill('IG story');
    await editor.getByLabel('Line 2 Platform').selectOption('instagram');
    await editor.getByLabel('Line 2 Format').selectOption('story');
    await editor.getByLabel('Line 2 Day').fill('2');
    // A bad number is named at its field and nothing is saved.
    await editor.getByLabel('Line 2 Times').fill('40');
    await editor.getByRole('button', { name: 'Save package' }).click();
    await until(() => editor.getByText('At most 14', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'the package editor with an error');
    await editor.getByLabel('Line 2 Times').fill('3');
    await editor.getByRole('button', { name: 'Save package' }).click();
    await until(() => editor.count()).toBe(0);
    await until(() => section.textContent()).toContain('4 deliverables at 18:00 · usage 30 days');
    expect(await section.textContent()).toContain(
      '1 TikTok day 0, draft 3d before · 3 Instagram days 2–4',
    );
    await expectAccessible(page, 'settings with a deal package');
    if (SHOTS) {
      await until(() => page.locator('.toast').count()).toBe(0);
      await section.screenshot({ path: path.join(SHOTS, 'deal-packages.png') });
    }
  });

  it('applies the package on a new deal and to an existing one', async () => {
    const page = app.session.page;
    // Deals → New deal with the package from a week on: the deal comes with its four posts.
    await page.goto(`${app.server.url}/deals`);
    await page.getByRole('button', { name: 'New deal' }).click();
    const dealDialog = page.getByRole('dialog', { name: 'New deal' });
    await dealDialog.getByLabel('Deal title').fill('Spring launch');
    await dealDialog.getByLabel('Deal package').selectOption({ label: 'Launch trio' });
    await dealDialog.getByLabel('Start day').fill(day(7));
    expect(await dealDialog.textContent()).toContain('4 deliverables at 18:00');
    await expectAccessible(page, 'the new deal dialog with a package');
    await dealDialog.getByRole('button', { name: 'Save deal' }).click();
    await until(() => dealDialog.count()).toBe(0);
    const deals = (await call(page, 'GET', '/api/deals')).items;
    const dealId = deals.find((d) => d.title === 'Spring launch')!.id;
    await until(async () => (await deliverablesOf(page, dealId)).length).toBe(4);
    const planned = await deliverablesOf(page, dealId);
    expect(planned.map((d) => [d.title, local(d.publishAt)])).toEqual([
      ['TikTok launch', `${day(7)}T18:00`],
      ['IG story', `${day(9)}T18:00`],
      ['IG story', `${day(10)}T18:00`],
      ['IG story', `${day(11)}T18:00`],
    ]);
    expect(local(planned[0]!.draftDueAt!)).toBe(`${day(4)}T18:00`);

    // The deal's page: Apply package adds the set again from another start day.
    await page.goto(`${app.server.url}/deals/${dealId}`);
    const list = page.locator('.deliverable-list');
    await until(() => list.getByRole('listitem').count()).toBe(4);
    await page.getByRole('button', { name: 'Apply package' }).click();
    const apply = page.getByRole('dialog', { name: 'Apply a deal package' });
    await apply.getByLabel('Deal package').selectOption({ label: 'Launch trio' });
    await apply.getByLabel('Start day').fill(day(21));
    await expectAccessible(page, 'the apply package dialog');
    await apply.getByRole('button', { name: 'Apply package' }).click();
    await until(() => apply.count()).toBe(0);
    await until(() => list.getByRole('listitem').count()).toBe(8);
    const deal = await call(page, 'GET', `/api/deals/${dealId}`);
    expect(deal.usageRightsUntil).toBe(day(41));
  });

  it('duplicates a deliverable to a week later, and repeats one weekly then moves one alone', async () => {
    const page = app.session.page;
    const deals = (await call(page, 'GET', '/api/deals')).items;
    const dealId = deals[0]!.id;
    const list = page.locator('.deliverable-list');

    // Open the TikTok post, Duplicate…: a week later by default, planned, draft as far ahead.
    await list
      .getByRole('button', { name: /TikTok launch/ })
      .first()
      .click();
    const edit = page.getByRole('dialog', { name: 'Edit deliverable' });
    await edit.getByRole('button', { name: 'Duplicate…' }).click();
    const duplicate = page.getByRole('dialog', { name: 'Duplicate “TikTok launch”' });
    expect(await duplicate.getByLabel('Go-live').inputValue()).toBe(`${day(14)}T18:00`);
    await expectAccessible(page, 'the duplicate dialog');
    await duplicate.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await until(() => duplicate.count()).toBe(0);
    await until(() => edit.count()).toBe(0);
    await until(() => list.getByRole('listitem').count()).toBe(9);
    const copies = (await deliverablesOf(page, dealId)).filter((d) => d.title === 'TikTok launch');
    const copy = copies.find((d) => local(d.publishAt) === `${day(14)}T18:00`)!;
    expect(copy.status).toBe('planned');
    expect(local(copy.draftDueAt!)).toBe(`${day(11)}T18:00`);

    // Add deliverable with Repeat: every week, three times.
    await page.getByRole('button', { name: 'Add deliverable' }).click();
    const create = page.getByRole('dialog', { name: 'New deliverable' });
    await create.getByLabel('Title').fill('Weekly vlog');
    await create.getByLabel('Platform').selectOption('youtube');
    await create.getByLabel('Go-live').fill(`${day(3)}T09:30`);
    await create.getByRole('switch', { name: 'Repeat' }).check();
    await create.getByLabel('Every').fill('1');
    await create.getByLabel('Unit').selectOption('week');
    await create.getByLabel('Times').fill('3');
    await expectAccessible(page, 'the new deliverable dialog with a repeat rule');
    if (SHOTS) await create.screenshot({ path: path.join(SHOTS, 'recurring.png') });
    // A rule beyond the cap is named at its field and nothing is created.
    await create.getByLabel('Times').fill('60');
    await create.getByRole('button', { name: 'Save deliverable' }).click();
    await until(() => create.getByText('At most 52', { exact: true }).count()).toBe(1);
    await create.getByLabel('Times').fill('3');
    await create.getByRole('button', { name: 'Save deliverable' }).click();
    await until(() => create.count()).toBe(0);
    await until(() => list.getByRole('listitem').count()).toBe(12);
    const vlogs = () =>
      deliverablesOf(page, dealId).then((all) =>
        all.filter((d) => d.title === 'Weekly vlog').map((d) => local(d.publishAt)),
      );
    expect(await vlogs()).toEqual([`${day(3)}T09:30`, `${day(10)}T09:30`, `${day(17)}T09:30`]);

    // The second occurrence moves a day on its own; the others stay.
    const second = (await deliverablesOf(page, dealId)).find(
      (d) => d.title === 'Weekly vlog' && local(d.publishAt) === `${day(10)}T09:30`,
    )!;
    await list.locator('li', { hasText: 'Weekly vlog' }).nth(1).getByRole('button').click();
    const occurrence = page.getByRole('dialog', { name: 'Edit deliverable' });
    expect(await occurrence.getByLabel('Go-live').inputValue()).toBe(`${day(10)}T09:30`);
    expect(await occurrence.getByRole('switch', { name: 'Repeat' }).count()).toBe(0);
    await occurrence.getByLabel('Go-live').fill(`${day(11)}T09:30`);
    await occurrence.getByRole('button', { name: 'Save deliverable' }).click();
    await until(() => occurrence.count()).toBe(0);
    await until(vlogs).toEqual([`${day(3)}T09:30`, `${day(11)}T09:30`, `${day(17)}T09:30`]);
    expect((await call(page, 'GET', `/api/deliverables/${second.id}`)).version).toBe(2);

    // Deleting one from its dialog offers Undo, which brings it back whole, with its id.
    await list.locator('li', { hasText: 'Weekly vlog' }).nth(1).getByRole('button').click();
    const doomed = page.getByRole('dialog', { name: 'Edit deliverable' });
    await doomed.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Delete this deliverable?' })
      .getByRole('button', { name: 'Delete deliverable' })
      .click();
    await until(() => list.getByRole('listitem').count()).toBe(11);
    await page
      .getByRole('status')
      .filter({ hasText: 'Deliverable deleted' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await until(() => list.getByRole('listitem').count()).toBe(12);
    const back = await call(page, 'GET', `/api/deliverables/${second.id}`);
    expect(local(back.publishAt)).toBe(`${day(11)}T09:30`);
    expect(back.title).toBe('Weekly vlog');

    expect(app.session.problems).toEqual([]);
  });
});
