import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPage,
  setUpOwner,
  until,
  useBrowserApp,
  VIEWER,
} from './browser';

const ZONE = 'Europe/Berlin';

// The browser's locale is en-US, so the import reads 03/04/2026 month first by default.
const app = useBrowserApp({ timezoneId: ZONE });
let viewer: Page;
let viewerProblems: string[];

beforeAll(async () => {
  ({ page: viewer, problems: viewerProblems } = await openSignedOutPage(app.session.browser, {
    timezoneId: ZONE,
  }));
});

/** Two months ahead: a month the calendar only shows after moving forward. */
const month = Temporal.Now.plainDateISO(ZONE).with({ day: 1 }).add({ months: 2 });
const day = (d: number) => month.with({ day: d });
/** As a US spreadsheet writes it: month first. */
const us = (date: Temporal.PlainDate) =>
  `${String(date.month).padStart(2, '0')}/${String(date.day).padStart(2, '0')}/${date.year}`;
const instant = (date: Temporal.PlainDate, hour: number, minute = 0) =>
  new Date(
    date.toPlainDateTime({ hour, minute }).toZonedDateTime(ZONE).epochMilliseconds,
  ).toISOString();

const HEADER = 'Brand,Campaign,Post title,Network,Go live,Draft due,Fee';
const ROWS = [
  `Glow Skincare,Spring serum launch,Serum reel,Instagram,${us(day(10))} 10:00,${us(day(5))},`,
  `Nordic Brew,Winter coffee,Cold brew short,YouTube,${us(day(12))} 18:30,,"2,500.00"`,
];
const BAD_ROW = `Nordic Brew,Winter coffee,Latte art story,Myspace,${us(day(20))} 09:00,,"2,500.00"`;
const GOOD_ROW = `Nordic Brew,Winter coffee,Latte art story,TikTok,${us(day(20))} 09:00,,"2,500.00"`;
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

const CALENDAR_IMPORT = 'Import from a spreadsheet';

describe('CSV import in Chromium', () => {
  it('offers import to the owner, not to a viewer', async () => {
    const page = await app.open();
    await setUpOwner(page, { timeZone: ZONE, workspaceName: 'Ava Studio' });
    const invite = await call(page, 'POST', '/api/invites', {
      role: 'viewer',
      email: VIEWER.email,
    });
    const token = invite.url.split('/invite/')[1]!;

    // The empty calendar offers the import to the owner.
    await page.reload();
    await until(() => page.getByRole('link', { name: CALENDAR_IMPORT }).count()).toBe(1);
    await expectAccessible(page, 'the empty calendar');

    // The viewer joins and sees neither entry point, nor an import page.
    await viewer.goto(app.server.url);
    await call(viewer, 'POST', `/api/invites/${token}/accept`, VIEWER);
    await viewer.reload();
    await until(() =>
      viewer.getByRole('heading', { name: 'Plan your first sponsored post' }).count(),
    ).toBe(1);
    expect(await viewer.getByRole('link', { name: CALENDAR_IMPORT }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Subscribe' }).count()).toBe(1);
    await viewer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Deals' })
      .click();
    await until(() => viewer.getByRole('heading', { name: 'Deals', exact: true }).count()).toBe(1);
    expect(await viewer.getByRole('button', { name: 'Export CSV' }).count()).toBe(1);
    expect(await viewer.getByRole('link', { name: /Import/ }).count()).toBe(0);
    await viewer.goto(`${app.server.url}/import`);
    await until(() => viewer.getByText('Only editors and owners can import').count()).toBe(1);
    await expectAccessible(viewer, "the import page (a viewer's)");
    expect(await viewer.getByLabel('CSV file', { exact: true }).count()).toBe(0);
    expect(viewerProblems).toEqual([]);

    // The owner's deals page has the import and the export menu.
    await page.goto(`${app.server.url}/deals`);
    await until(() => page.getByRole('link', { name: 'Import CSV' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const menu = page.getByRole('menu', { name: 'Export CSV' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      expect.stringContaining('Deals'),
      expect.stringContaining('Deliverables'),
    ]);
    expect(await menu.getByRole('menuitem', { name: /Deliverables/ }).getAttribute('href')).toBe(
      '/api/exports/deliverables.csv',
    );
    await expectAccessible(page, 'the deals page with its export menu open');
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
  });

  it('shows a bad row, takes a corrected file, imports it, and the posts are on the calendar and the brand on the brands page', async () => {
    const page = app.session.page;
    // A brand and deal that exist already: the import finds them by name.
    const brand = await call(page, 'POST', '/api/brands', {
      name: 'Glow Skincare',
    });
    await call(page, 'POST', '/api/deals', { brandId: brand.id, title: 'Spring serum launch' });

    await page.getByRole('link', { name: 'Import CSV' }).click();
    await until(() => page.getByRole('heading', { name: 'Import deliverables' }).count()).toBe(1);

    // A file that is not UTF-8 is refused at step 1, saying why.
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'latin1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([...Buffer.from('Brand,Deal\nCaf'), 0xe9, ...Buffer.from(',X\n')]),
    });
    const fileError = page.getByRole('alert').filter({ hasText: 'latin1.csv cannot be imported' });
    await until(() => fileError.count()).toBe(1);
    expect(await fileError.textContent()).toContain('not UTF-8');
    expect(app.session.problems).toEqual([
      'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    app.session.problems.length = 0;

    // The file with a bad row: its preview and a suggested mapping.
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: csv(...ROWS, BAD_ROW) });
    await until(() => page.getByRole('heading', { name: 'plan.csv' }).count()).toBe(1);
    expect(await page.getByText('3 rows · 7 columns').count()).toBe(1);
    const previewRows = page
      .getByRole('region', { name: 'The file’s first rows' })
      .locator('tbody tr');
    expect(await previewRows.count()).toBe(3);
    expect(await previewRows.nth(2).textContent()).toContain('Myspace');
    expect(await page.getByLabel('Brand', { exact: true }).inputValue()).toBe('Brand');
    expect(await page.getByLabel('Deal', { exact: true }).inputValue()).toBe('Campaign');
    expect(await page.getByLabel('Deliverable title').inputValue()).toBe('Post title');
    expect(await page.getByLabel('Platform').inputValue()).toBe('Network');
    expect(await page.getByLabel('Go live').inputValue()).toBe('Go live');
    expect(await page.getByLabel('Draft due').inputValue()).toBe('Draft due');
    expect(await page.getByLabel('Deal fee').inputValue()).toBe('Fee');
    expect(await page.getByLabel('Caption').inputValue()).toBe('');
    expect(await page.getByLabel('Time zone').inputValue()).toBe(ZONE);
    expect(await page.getByLabel('Date order').inputValue()).toBe('MDY');
    await expectAccessible(page, 'the import page: preview and mapping');

    // The check names the row, the field and what is wrong; nothing is imported.
    const checked = page.waitForResponse(
      (r) => r.url().endsWith('/api/imports/deliverables') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Check file' }).click();
    expect((await checked).status()).toBe(400);
    await until(() => page.getByRole('heading', { name: '1 problem in 1 row' }).count()).toBe(1);
    const problems = page.getByTestId('import-problem');
    expect(await problems.count()).toBe(1);
    const cells = await problems.first().locator('td').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('Platform column “Network”');
    expect(cells[2]).toMatch(/instagram|tiktok|expected/i);
    await expectAccessible(page, 'the import page: the problems found');
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    expect((await call(page, 'GET', '/api/deliverables')).items).toHaveLength(0);
    expect(app.session.problems).toEqual([
      'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    app.session.problems.length = 0;

    // The corrected file (same name, same columns) keeps the mapping and checks clean.
    await page
      .getByLabel('Upload corrected file')
      .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: csv(...ROWS, GOOD_ROW) });
    await until(() => problems.count()).toBe(0);
    await until(() =>
      page
        .getByRole('region', { name: 'The file’s first rows' })
        .locator('tbody tr')
        .nth(2)
        .textContent(),
    ).toContain('TikTok');
    expect(await page.getByLabel('Platform').inputValue()).toBe('Network');
    await page.getByRole('button', { name: 'Check file' }).click();
    await until(() =>
      page.getByRole('heading', { name: 'Ready: 3 deliverables, 1 new deal, 1 new brand' }).count(),
    ).toBe(1);
    expect((await call(page, 'GET', '/api/deliverables')).items).toHaveLength(0);

    const imported = page.waitForResponse(
      (r) => r.url().endsWith('/api/imports/deliverables') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Import 3 deliverables' }).click();
    expect((await imported).status()).toBe(201);
    await until(() => page.getByRole('heading', { name: 'Imported 3 deliverables' }).count()).toBe(
      1,
    );
    expect(await page.getByText('1 new deal and 1 new brand were created').count()).toBe(1);
    await expectAccessible(page, 'the import page: imported');

    // Dates were read month first, in the owner's zone.
    const items = (await call(page, 'GET', '/api/deliverables')).items;
    const byTitle = new Map(items.map((d) => [d.title, d]));
    expect(byTitle.get('Serum reel')).toMatchObject({
      publishAt: instant(day(10), 10),
      draftDueAt: instant(day(5), 9),
    });
    expect(byTitle.get('Cold brew short')).toMatchObject({
      publishAt: instant(day(12), 18, 30),
      draftDueAt: null,
    });
    expect(byTitle.get('Latte art story')).toMatchObject({ publishAt: instant(day(20), 9) });

    // On the calendar, two months on, each go-live sits on its day.
    await page.getByRole('link', { name: 'Open the calendar' }).click();
    await until(() => page.getByRole('heading', { name: 'Calendar' }).count()).toBe(1);
    const next = page.getByRole('button', { name: 'Next month' });
    await until(() => next.count()).toBe(1);
    await next.click();
    await next.click();
    for (const [title, date] of [
      ['Serum reel', day(10)],
      ['Cold brew short', day(12)],
      ['Latte art story', day(20)],
    ] as const) {
      const event = page.locator(
        `[data-date="${date}"] [data-kind="publish"][data-deliverable-id="${byTitle.get(title)!.id}"]`,
      );
      await until(() => event.count()).toBe(1);
      expect(await event.textContent()).toContain(title);
    }
    await expectAccessible(page, 'the calendar with the imported posts');

    // The new brand is on the brands page, beside the one that was reused.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Brands' })
      .click();
    await until(() => page.getByRole('heading', { name: 'Nordic Brew' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Glow Skincare' }).count()).toBe(1);
    await expectAccessible(page, 'the brands page');
    expect((await call(page, 'GET', '/api/brands')).items).toHaveLength(2);

    expect(app.session.problems).toEqual([]);
  });
});
