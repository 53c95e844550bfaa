import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectAccessible, setUpDeal, until, useBrowserApp } from './browser';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>window.__pwned=1</script>';
const OWNER_NAME = `Ava ${IMG}`;
const WORKSPACE = `${SCRIPT} Studio`;
const BRAND = `${IMG} Glow ${SCRIPT}`;
const BRAND_NOTES = `Notes ${SCRIPT} ${IMG}`;
const CONTACT = `${IMG} Contact`;
const DEAL = `${IMG} Serum deal ${SCRIPT}`;
const DEAL_NOTES = `Deal notes ${IMG} ${SCRIPT}`;
const DELIVERABLE = `${IMG} Reel ${SCRIPT}`;
const CAPTION = `Caption ${SCRIPT}`;
const INVOICE_NOTES = `Invoice notes ${IMG} ${SCRIPT}`;
const PAYMENT_METHOD = `${IMG} wire`;

const dialogs: string[] = [];

const untilLong = <T>(fn: () => Promise<T>) => until(fn, 20_000);

const app = useBrowserApp(
  { timezoneId: 'Asia/Tokyo' },
  // The scheduler runs every second, so the go-live alert exists within moments.
  { env: { ALERT_CRON: '*/1 * * * * *' } },
);

beforeAll(() => {
  app.session.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

const bodyText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

/**
 * Waits until every text is on the page as text, then checks nothing ran or was parsed as markup
 * (and that the view passes axe).
 */
async function expectLiteral(page: Page, view: string, texts: string[]): Promise<void> {
  for (const text of texts) {
    await until(async () => (await bodyText(page)).includes(text)).toBe(true);
  }
  await expectNothingRan(page, view);
}

async function expectNothingRan(page: Page, view: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) =>
      s.textContent?.includes('__pwned'),
    ).length,
  }));
  expect({ view, ...state }).toEqual({ view, pwned: undefined, images: 0, scripts: 0 });
  expect(dialogs).toEqual([]);
  await expectAccessible(page, view);
}

describe('hostile names and notes in Chromium', () => {
  it('show as literal text on every page, and nothing in them runs', async () => {
    const page = await app.open();
    const { deal } = await setUpDeal(page, {
      owner: {
        name: OWNER_NAME,
        timeZone: 'Asia/Tokyo',
        workspaceName: WORKSPACE,
      },
      brand: {
        name: BRAND,
        notes: BRAND_NOTES,
        contacts: [{ name: CONTACT, email: 'pr@example.com', role: IMG }],
      },
      deal: { title: DEAL, notes: DEAL_NOTES, feeCents: 100_000, currency: 'USD' },
    });
    // Goes live in an hour: the scheduler raises a "go-live coming up" alert about it.
    const deliverable = await call(page, 'POST', '/api/deliverables', {
      dealId: deal.id,
      title: DELIVERABLE,
      caption: CAPTION,
      platform: 'instagram',
      publishAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    });
    // An edit, so the audit log shows a change field by field.
    await call(page, 'PATCH', `/api/deliverables/${deliverable.id}`, {
      version: deliverable.version,
      brief: `Brief ${IMG}`,
    });
    const invoice = await call(page, 'POST', '/api/invoices', {
      dealId: deal.id,
      amountCents: 100_000,
      status: 'sent',
      notes: INVOICE_NOTES,
    });
    await call(page, 'POST', `/api/invoices/${invoice.id}/payments`, {
      amountCents: 25_000,
      paidOn: new Date().toISOString().slice(0, 10),
      method: PAYMENT_METHOD,
      note: SCRIPT,
    });

    // Calendar, month view, with the deliverable's dialog open (?deliverable= jumps to its day).
    await page.goto(`${app.server.url}/?deliverable=${deliverable.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit deliverable' });
    await untilLong(() => dialog.count()).toBe(1);
    await untilLong(() => dialog.getByLabel('Title').inputValue()).toBe(DELIVERABLE);
    await expectLiteral(page, 'deliverable dialog', [DEAL]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const event = page.locator(`[data-kind="publish"][data-deliverable-id="${deliverable.id}"]`);
    // Within an hour of midnight (Tokyo) the hour-long event is drawn as two pieces, one per day,
    // in the month view as in the week view.
    await untilLong(() => event.count()).toBeGreaterThan(0);
    expect(await event.first().textContent()).toContain(DELIVERABLE);
    await expectLiteral(page, 'calendar month', [DELIVERABLE, OWNER_NAME]);

    // Week and list views of the same days.
    await page.getByRole('tab', { name: 'Week view' }).click();
    await untilLong(() => event.count()).toBeGreaterThan(0);
    expect(await event.first().textContent()).toContain(DELIVERABLE);
    await expectNothingRan(page, 'calendar week');
    await page.getByRole('tab', { name: 'List view' }).click();
    await untilLong(() =>
      page.locator('.sc-ev--in-list', { hasText: DELIVERABLE }).count(),
    ).toBeGreaterThan(0);
    await expectLiteral(page, 'calendar list', [DELIVERABLE, BRAND]);

    await page.goto(`${app.server.url}/deals`);
    await expectLiteral(page, 'deals', [DEAL, BRAND]);

    await page.goto(`${app.server.url}/deals/${deal.id}`);
    await expectLiteral(page, 'deal detail', [
      DEAL,
      BRAND,
      DEAL_NOTES,
      DELIVERABLE,
      INVOICE_NOTES,
      PAYMENT_METHOD,
    ]);

    await page.goto(`${app.server.url}/brands`);
    await expectLiteral(page, 'brands', [BRAND, BRAND_NOTES, CONTACT]);

    // The alert about the deliverable, once the scheduler has raised it.
    await until(async () => (await call(page, 'GET', '/api/alerts/count')).open).toBeGreaterThan(0);
    await page.goto(`${app.server.url}/alerts`);
    await expectLiteral(page, 'alerts', [DELIVERABLE]);

    await page.goto(`${app.server.url}/money`);
    await expectLiteral(page, 'money', [BRAND]);

    await page.goto(`${app.server.url}/invoices/${invoice.id}/print`);
    await expectLiteral(page, 'invoice print', [WORKSPACE, BRAND, CONTACT, DEAL, INVOICE_NOTES]);

    await page.goto(`${app.server.url}/audit`);
    await untilLong(() => page.getByTestId('audit-row').count()).toBeGreaterThan(4);
    await expectLiteral(page, 'audit', [DELIVERABLE, DEAL, BRAND, `Brief ${IMG}`]);

    await page.goto(`${app.server.url}/team`);
    await expectLiteral(page, 'team', [OWNER_NAME]);

    await page.goto(`${app.server.url}/settings`);
    await expectLiteral(page, 'settings', [OWNER_NAME]);
    expect(await page.getByLabel('Workspace name').inputValue()).toBe(WORKSPACE);

    expect(app.session.problems).toEqual([]);
  });
});
