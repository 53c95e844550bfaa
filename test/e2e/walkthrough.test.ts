import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectAccessible, screenshot, setUpDeal, until, useBrowserApp } from './browser';

// Details seen walking through the app as a new user (issue 19), on a server without SMTP.
const BROWSER_ZONE = 'America/Los_Angeles';
const SCREENSHOT = screenshot('deal-delete-refused.png');

const app = useBrowserApp({ timezoneId: BROWSER_ZONE, viewport: { width: 1366, height: 900 } });
let invitee: BrowserContext;

beforeAll(async () => {
  invitee = await app.session.browser.newContext({ timezoneId: BROWSER_ZONE, locale: 'en-US' });
});

describe('walkthrough details in Chromium', () => {
  it('warns before a refused deal delete, ticks #ad from the caption, says e-mail is off, and offers the browser zone on the invite page', async () => {
    const page = await app.open();
    const { deal } = await setUpDeal(page, {
      owner: { timeZone: 'Europe/Berlin' },
      deal: { title: 'Spring launch', feeCents: 250_000 },
    });
    const invoice = await call(page, 'POST', '/api/invoices', {
      dealId: deal.id,
      amountCents: 250_000,
      status: 'sent',
    });

    // The deal has a sent invoice: "Delete deal" says why it cannot, and offers no delete.
    await page.goto(`${app.server.url}/deals/${deal.id}`);
    await page.getByRole('button', { name: 'Delete deal' }).click();
    const refused = page.getByRole('dialog', { name: 'This deal cannot be deleted' });
    await until(() => refused.count()).toBe(1);
    expect(await refused.textContent()).toContain(invoice.number!);
    expect(await refused.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    await expectAccessible(page, 'the refused deal delete');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });
    await refused.getByRole('button', { name: 'Close', exact: true }).last().click();
    await until(() => refused.count()).toBe(0);

    // A caption with #AD (any case) ticks the "#ad hashtag" box; unticking it stays unticked.
    await page.getByRole('button', { name: 'Add deliverable' }).click();
    const dialog = page.getByRole('dialog', { name: /deliverable/i });
    await until(() => dialog.count()).toBe(1);
    const adBox = dialog.getByRole('checkbox', { name: '#ad hashtag' });
    expect(await adBox.isChecked()).toBe(false);
    await dialog.getByLabel('Caption').fill('Launch day! #AD');
    await until(() => adBox.isChecked()).toBe(true);
    await adBox.uncheck();
    await dialog.getByLabel('Caption').fill('Launch day! #AD, truly');
    expect(await adBox.isChecked()).toBe(false);
    await expectAccessible(page, 'the deliverable form with a tagged caption');
    await page.keyboard.press('Escape');
    await until(() => dialog.count()).toBe(0);

    // Without SMTP the e-mail switch is off, disabled, and says why.
    await page.goto(`${app.server.url}/settings`);
    const emailSwitch = page.getByRole('switch', { name: 'E-mail me alerts' });
    await until(() => emailSwitch.count()).toBe(1);
    await until(() => emailSwitch.isDisabled()).toBe(true);
    expect(await emailSwitch.isChecked()).toBe(false);
    expect(await page.getByText('so no alert e-mails can be sent').count()).toBe(1);
    await expectAccessible(page, 'the settings without SMTP');

    // The invite page offers the browser's zone, and the new account takes it.
    const { token } = await call(page, 'POST', '/api/invites', {
      role: 'editor',
    });
    const join = await invitee.newPage();
    await join.goto(`${app.server.url}/invite/${token}`);
    const note = join.getByTestId('browser-zone-note');
    await until(() => note.count()).toBe(1);
    expect(await note.textContent()).toContain('America/Los Angeles');
    await expectAccessible(join, 'the invite page');
    await join.getByLabel('Your name').fill('Eddie Editor');
    await join.getByLabel('Email').fill('eddie@example.com');
    await join.getByLabel('Password').fill('eddie has a long password');
    await join.getByRole('button', { name: /^Join/ }).click();
    await until(async () => join.url()).toBe(`${app.server.url}/`);
    const me = await call(join, 'GET', '/api/auth/me');
    expect(me.timeZone).toBe(BROWSER_ZONE);

    expect(app.session.problems).toEqual([]);
  });
});
