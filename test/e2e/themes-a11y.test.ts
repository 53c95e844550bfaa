import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPage,
  setUpOwner,
  type Theme,
  until,
  SCREENSHOT_DIR,
  useBrowserApp,
} from './browser';

const ZONE = 'Europe/Berlin';

// The invoice link is built from APP_URL and only exists once the invoice is sent.
const app = useBrowserApp(
  { timezoneId: ZONE, viewport: { width: 1366, height: 900 } },
  {
    appUrl: true,
    smtp: true,
    env: {
      SMTP_FROM: 'ava-studio@example.com',
      APP_SECRET: 'e2e-theme-secret-0123456789abcdef0123456789',
    },
  },
);
/** A second profile without a session: the sign-in, invite and public pages. */
let visitor: Page;

beforeAll(async () => {
  ({ page: visitor } = await openSignedOutPage(app.session.browser, {
    viewport: { width: 1366, height: 900 },
    timezoneId: ZONE,
  }));
});

/** The page's own background colour, as the browser computed it. */
const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Waits until the page has its heading and nothing is loading any more. */
async function settled(page: Page, heading: string | RegExp): Promise<void> {
  await until(() => page.getByRole('heading', { name: heading }).first().count()).toBe(1);
  await until(() => page.locator('.spinner').count()).toBe(0);
}

/** Runs axe on what the page shows now, in the light theme and then in the dark one. */
async function expectAccessibleInBothThemes(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const satisfies readonly Theme[]) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `${what} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Switches the calendar to a view (its tab) and waits for its events. */
async function showView(page: Page, view: 'Month view' | 'Week view' | 'List view') {
  const tab = page.getByRole('tab', { name: view });
  await tab.click();
  await until(() => tab.getAttribute('aria-selected')).toBe('true');
  await until(() => page.locator('[data-deliverable-id]').count()).toBeGreaterThan(0);
}

async function visit(page: Page, url: string, heading: string | RegExp, what: string) {
  await page.goto(`${app.server.url}${url}`);
  await settled(page, heading);
  await expectAccessibleInBothThemes(page, what);
}

describe('every page in the light and the dark theme, in Chromium', () => {
  let invoiceId: string;

  it('signed out: the setup page before the workspace exists', async () => {
    const page = app.session.page;
    await visit(page, '/', 'Create the owner account', 'the setup page');
    await setUpOwner(page, { timeZone: ZONE, workspaceName: 'Ava Studio' });
    expect(await call(page, 'POST', '/api/seed')).toMatchObject({
      deliverables: expect.any(Number),
    });
  });

  it('signed in: the calendar in month, week and list, and its dark screenshots', async () => {
    const page = await app.open();
    await settled(page, 'Calendar');
    await until(() => page.locator('[data-deliverable-id]').count()).toBeGreaterThan(3);
    await expectAccessibleInBothThemes(page, 'the calendar, month');

    // The bell's name holds the count it shows, so speech input can say what is seen.
    const bell = page.locator('.bell__button');
    const badge = page.getByTestId('alert-count');
    if ((await badge.count()) > 0) {
      expect(await bell.getAttribute('aria-label')).toContain((await badge.textContent())!);
    }
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Alerts' });
    await until(() => panel.count()).toBe(1);
    await until(() => panel.locator('.spinner').count()).toBe(0);
    await expectAccessibleInBothThemes(page, "the bell's panel");
    await page.keyboard.press('Escape');
    await until(() => panel.count()).toBe(0);

    await showView(page, 'Week view');
    await expectAccessibleInBothThemes(page, 'the calendar, week');
    await showView(page, 'List view');
    await expectAccessibleInBothThemes(page, 'the calendar, list');
    if (SCREENSHOT_DIR) {
      await showView(page, 'Month view');
      await page.emulateMedia({ colorScheme: 'dark' });
      // Transitions finished: the theme just changed under the page.
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, 'calendar-dark.png'),
        animations: 'disabled',
      });
      await page.setViewportSize({ width: 390, height: 844 });
      await until(() => page.locator('[data-deliverable-id]').count()).toBeGreaterThan(0);
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, 'calendar-dark-phone.png'),
        animations: 'disabled',
      });
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(app.session.problems).toEqual([]);
  });

  it('signed in: the theme switch pins light or dark, remembered, and System follows the device', async () => {
    const page = await app.open();
    await settled(page, 'Calendar');
    const light = await pageBackground(page);
    const toggle = page.getByLabel('Theme', { exact: true });
    expect(await toggle.inputValue()).toBe('system');

    await toggle.selectOption('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await pageBackground(page);
    expect(dark).not.toBe(light);
    // Remembered: a reload starts dark although the device is light.
    await page.reload();
    await settled(page, 'Calendar');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await pageBackground(page)).toBe(dark);
    expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('dark');

    await page.getByLabel('Theme', { exact: true }).selectOption('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await pageBackground(page)).toBe(light);

    // System: the device decides again.
    await page.getByLabel('Theme', { exact: true }).selectOption('system');
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await pageBackground(page)).toBe(dark);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await pageBackground(page)).toBe(light);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('signed in: a deal, and its dialog whose text inputs take their direction from the text', async () => {
    const page = app.session.page;
    const deals = await call(page, 'GET', '/api/deals');
    const invoices = await call(page, 'GET', '/api/invoices');
    invoiceId = invoices.items[0]!.id;
    await visit(page, `/deals/${deals.items[0]!.id}`, /./, 'a deal');
    await page.getByRole('button', { name: 'Edit deal' }).first().click();
    const dialog = page.getByRole('dialog');
    await until(() => dialog.count()).toBe(1);
    // The form's fields render once the deal is read: wait for them before counting.
    await until(() => dialog.locator('input[dir="auto"]').count()).toBeGreaterThan(0);
    const undirected = dialog.locator(
      'input[type="text"]:not([dir="auto"]), textarea:not([dir="auto"])',
    );
    expect(await undirected.count()).toBe(0);
    await expectAccessibleInBothThemes(page, 'the deal dialog');
    await page.keyboard.press('Escape');
    expect(app.session.problems).toEqual([]);
  });

  it.for([
    ['/board', 'Board'],
    ['/deals', 'Deals'],
    ['/brands', 'Brands'],
    ['/money', 'Money'],
    ['/alerts', 'Alerts'],
    ['/team', 'Team'],
    ['/audit', 'Audit log'],
    ['/profile', 'Your profile'],
    ['/settings', 'Settings'],
    ['/import', 'Import deliverables'],
    ['/media-kit', 'Media kit'],
    ['/requests', 'Requests'],
  ] as const)('signed in: %s', async ([url, heading]) => {
    await visit(app.session.page, url, heading, `the page ${url}`);
    expect(app.session.problems).toEqual([]);
  });

  it('signed in: the print page of an invoice', async () => {
    await visit(
      app.session.page,
      `/invoices/${invoiceId}/print`,
      /Invoice/,
      'the invoice print page',
    );
  });

  it('signed out and public: sign-in, invite, review, media kit and invoice pages', async () => {
    const page = app.session.page;
    const invite = await call(page, 'POST', '/api/invites', { role: 'editor' });
    const inReview = (await call(page, 'GET', '/api/deliverables?status=in_review')).items[0]!;
    const review = await call(page, 'POST', `/api/deliverables/${inReview.id}/review-links`, {});
    const kit = await call(page, 'GET', '/api/kit');
    await call(page, 'PATCH', '/api/kit', {
      version: kit.version,
      slug: 'ava',
      displayName: 'Ava Creator',
      headline: 'Coffee, craft and cosy mornings',
      published: true,
      requestForm: { enabled: true, requiredFields: ['message'], declineTemplate: 'Thank you.' },
    });
    await call(page, 'POST', `/api/invoices/${invoiceId}/send`, { to: ['ap@brand.example'] });
    const sent = await call(page, 'GET', `/api/invoices/${invoiceId}`);

    await visit(visitor, '/', 'Sign in', 'the sign-in page');
    await visit(visitor, new URL(invite.url).pathname, /./, 'the invite page');
    await visit(visitor, new URL(review.url).pathname, /./, 'the review page');
    await visit(visitor, new URL(sent.publicUrl!).pathname, /./, 'the invoice page');
    await visit(visitor, '/kit/ava', 'Ava Creator', 'the public media kit');
    await visit(visitor, '/kit/ava/request', 'Ava Creator', 'the public request form');
    // The server-rendered kit follows the device too.
    await visitor.emulateMedia({ colorScheme: 'dark' });
    const darkKit = await pageBackground(visitor);
    await visitor.emulateMedia({ colorScheme: 'light' });
    expect(await pageBackground(visitor)).not.toBe(darkKit);
  });
});
