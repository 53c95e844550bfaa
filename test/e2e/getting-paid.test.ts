import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPage,
  OWNER,
  setUpOwner,
  until,
  SCREENSHOT_DIR,
  useBrowserApp,
} from './browser';

const ZONE = 'Europe/Berlin';
const BILLING = 'ap@glow.example';

// Invoice links are built from APP_URL, so it must name this very server.
const app = useBrowserApp(
  { timezoneId: ZONE },
  {
    appUrl: true,
    smtp: true,
    env: {
      SMTP_FROM: 'ava-studio@example.com',
      APP_SECRET: 'e2e-link-secret-0123456789abcdef0123456789',
    },
  },
);
let payer: Page;
let payerProblems: string[];

beforeAll(async () => {
  // The payer: a separate profile (no cookies), someone who has never seen the app.
  ({ page: payer, problems: payerProblems } = await openSignedOutPage(app.session.browser, {
    timezoneId: 'Europe/London',
    acceptDownloads: true,
  }));
});

describe('getting paid: invoice, send, the payer’s page, confirm, in Chromium', () => {
  let dealId: string;
  let invoiceNumber: string;
  let payLink: string;

  it('the team writes a two-line invoice with 20 % VAT and sends it by e-mail', async () => {
    const page = await app.open();
    await setUpOwner(page, { timeZone: ZONE, workspaceName: 'Ava Studio' });
    const settings = await call(page, 'GET', '/api/settings');
    await call(page, 'PATCH', '/api/settings', {
      version: settings.version,
      currency: 'EUR',
      creator: {
        legalName: 'Ava Creator Studio',
        address: '12 Canal Street\n10115 Berlin',
        email: 'billing@ava.example',
        paymentInstructions: 'IBAN DE89 3704 0044 0532 0130 00',
        paymentLink: 'https://pay.example.com/ava',
      },
    });
    const brand = await call(page, 'POST', '/api/brands', {
      name: 'Glow Skincare',
      contacts: [{ name: 'Accounts payable', email: BILLING, role: 'Finance', billing: true }],
    });
    const deal = await call(page, 'POST', '/api/deals', {
      brandId: brand.id,
      title: 'Spring serum launch',
      feeCents: 120_000,
      currency: 'EUR',
    });
    dealId = deal.id;

    await page.goto(`${app.server.url}/deals/${dealId}`);
    await page.getByRole('button', { name: 'New invoice' }).click();
    const dialog = page.getByRole('dialog', { name: 'New invoice' });
    // One amount to begin with: the fee, described by the deal.
    await until(() => dialog.getByLabel('Amount').inputValue()).toBe('1200.00');
    await dialog.getByLabel('Amount').fill('1000');
    await dialog.getByLabel('Description').fill('Instagram reel');
    await dialog.getByRole('button', { name: 'Add line' }).click();
    await dialog.getByLabel('Line 2 Description').fill('Story set');
    await dialog.getByLabel('Line 2 Qty').fill('2');
    await dialog.getByLabel('Line 2 Unit price').fill('100');
    await dialog.getByRole('button', { name: 'Add tax' }).click();
    expect(await dialog.getByLabel('Tax 1 Tax').inputValue()).toBe('VAT');
    expect(await dialog.getByLabel('Tax 1 Rate').inputValue()).toBe('20');
    // Live totals: 1,000 + 2 × 100 = 1,200; VAT 240; total 1,440.
    await until(() => dialog.getByTestId('invoice-total').textContent()).toBe('€1,440.00');
    expect(await dialog.getByTestId('invoice-totals').textContent()).toContain('VAT 20 %€240.00');
    // Billed to the brand's billing contact by default.
    expect(await dialog.getByTestId('payer').textContent()).toContain(BILLING);
    await dialog.getByRole('button', { name: 'Save invoice' }).click();
    await until(() => dialog.count()).toBe(0);

    const card = page.getByTestId('invoice');
    await until(() => card.getByTestId('invoice-amount').textContent()).toBe('€1,440.00');
    invoiceNumber = (await card.getByRole('heading').textContent())!.replace('Invoice ', '');
    expect(await card.getByRole('link', { name: /Download PDF/ }).getAttribute('href')).toMatch(
      /\/api\/invoices\/.+\/pdf$/,
    );

    await card.getByRole('button', { name: /Send invoice/ }).click();
    const send = page.getByRole('dialog', { name: `Send invoice ${invoiceNumber}` });
    await until(() => send.getByLabel('To').inputValue()).toBe(BILLING);
    expect(await send.getByLabel('Subject').inputValue()).toContain(invoiceNumber);
    await send.getByLabel('Subject').fill(`Invoice ${invoiceNumber}: Spring serum launch`);
    await send.getByRole('button', { name: 'Send invoice' }).click();
    await until(() => send.count()).toBe(0);
    await until(() => card.getByRole('button', { name: /Send again/ }).count()).toBe(1);

    // The payer's inbox: the subject as edited, the PDF attached, the page linked.
    await until(async () => app.smtp.messages.length).toBe(1);
    const { envelopeTo, mail } = app.smtp.messages[0]!;
    expect(envelopeTo).toEqual([BILLING]);
    expect(mail.subject).toBe(`Invoice ${invoiceNumber}: Spring serum launch`);
    expect(mail.attachments.some((a) => a.contentType === 'application/pdf')).toBe(true);
    const match = new RegExp(`${app.server.url}/pay/[A-Za-z0-9._~-]+`).exec(mail.text ?? '');
    expect(match).not.toBeNull();
    payLink = match![0];
    expect(app.session.problems).toEqual([]);
  });

  it('the payer opens the link signed out, downloads the PDF and says it has paid', async () => {
    await payer.goto(payLink);
    await until(() => payer.getByRole('heading', { name: invoiceNumber }).count()).toBe(1);
    expect(await payer.getByTestId('pay-balance').textContent()).toBe('€1,440.00');
    const text = (await payer.locator('body').textContent()) ?? '';
    for (const shown of [
      'Ava Creator Studio',
      'Glow Skincare',
      'Instagram reel',
      'Story set',
      'IBAN DE89',
    ]) {
      expect(text).toContain(shown);
    }
    // Nothing else of the workspace: no navigation, no deal, no team.
    for (const hidden of ['Spring serum launch', OWNER.email, 'Calendar'])
      expect(text).not.toContain(hidden);
    expect(await payer.getByRole('navigation').count()).toBe(0);
    expect(await payer.getByRole('link', { name: 'Pay online' }).getAttribute('href')).toBe(
      'https://pay.example.com/ava',
    );
    await expectAccessible(payer, "the payer's invoice page");

    const downloading = payer.waitForEvent('download');
    await payer.getByRole('link', { name: 'Download PDF' }).click();
    const file = await (await downloading).path();
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    if (SCREENSHOT_DIR) {
      await payer.screenshot({
        path: path.join(SCREENSHOT_DIR, 'getting-paid-public.png'),
        fullPage: true,
      });
      const phone = await app.session.browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'en-US',
      });
      const phonePage = await phone.newPage();
      await phonePage.goto(payLink);
      await until(() => phonePage.getByRole('heading', { name: invoiceNumber }).count()).toBe(1);
      await phonePage.screenshot({
        path: path.join(SCREENSHOT_DIR, 'getting-paid-public-phone.png'),
        fullPage: true,
      });
      await phone.close();
    }

    // "We've paid": the amount is the balance; the day and a reference are the payer's.
    expect(await payer.getByLabel('Amount').inputValue()).toBe('1440.00');
    await payer.getByLabel('Paid on').fill('2026-03-04');
    await payer.getByLabel('Reference').fill('42');
    const told = payer.waitForResponse((r) => r.url().endsWith('/paid'));
    await payer.getByRole('button', { name: /We.ve paid/ }).click();
    expect((await told).status()).toBe(202);
    await until(() => payer.getByTestId('pay-notice').textContent()).toBe(
      'Thanks — we’ll confirm once it arrives.',
    );
    // Said once: the page remembers it on the next visit.
    await payer.reload();
    await until(() => payer.getByTestId('pay-notice').count()).toBe(1);
    expect(await payer.getByRole('button', { name: /We.ve paid/ }).count()).toBe(0);
    expect(payerProblems).toEqual([]);
  });

  it('the team confirms it as a payment: the invoice is paid, and its timeline tells the story', async () => {
    const page = app.session.page;
    await page.goto(`${app.server.url}/deals/${dealId}`);
    const card = page.getByTestId('invoice');
    const notice = card.getByTestId('remittance');
    await until(() => notice.textContent()).toContain('€1,440.00 paid on Mar 4, 2026');
    expect(await notice.textContent()).toContain('ref 42');
    await notice.getByRole('button', { name: /Confirm as payment/ }).click();
    await until(() => card.getByTestId('invoice-balance').textContent()).toBe('€0.00');
    expect(await card.getByTestId('invoice-paid').textContent()).toBe('€1,440.00');
    expect(await card.locator('.chip--invoice-paid').count()).toBe(1);
    expect(await card.getByTestId('remittance').count()).toBe(0);

    await card.getByRole('button', { name: /Timeline/ }).click();
    const timeline = card.getByTestId('invoice-timeline');
    await until(() => timeline.textContent()).toContain('Payment of €1,440.00 recorded');
    const entries = await timeline.locator('.timeline__text').allTextContents();
    expect(entries).toEqual([
      'Payment of €1,440.00 recorded (paid Mar 4, 2026)',
      'Payer says paid €1,440.00 on Mar 4, 2026, ref 42',
      `Sent to ${BILLING}`,
      'Created',
    ]);
    await expectAccessible(page, 'the invoice card', { selector: '[data-testid="invoice"]' });
    if (SCREENSHOT_DIR) {
      // The "payment recorded" toast would cover the timeline: wait for it to go.
      await until(() => page.locator('.toast__title').count(), 20_000).toBe(0);
      await card.screenshot({ path: path.join(SCREENSHOT_DIR, 'getting-paid-timeline.png') });
    }
    expect(app.session.problems).toEqual([]);
  });

  it('the team revokes the payer link, and gives a second invoice no reminders', async () => {
    const page = app.session.page;
    const card = page.getByTestId('invoice');
    await card.getByRole('button', { name: /Revoke link/ }).click();
    const confirm = page.getByRole('dialog', {
      name: `Revoke the payer link of ${invoiceNumber}?`,
    });
    await confirm.getByRole('button', { name: 'Revoke link' }).click();
    await until(() => confirm.count()).toBe(0);
    await until(() => card.getByRole('button', { name: /Copy payer link/ }).count()).toBe(0);
    await payer.goto(payLink);
    const inactive = payer.getByRole('heading', { name: 'This invoice link is not active' });
    await until(() => inactive.count()).toBe(1);

    // A draft's own ladder set to Off is still Off after a reload; a step previews for real.
    const body = { dealId, amountCents: 50_000 };
    const second = await call(page, 'POST', '/api/invoices', body);
    await page.reload();
    const draft = page.getByTestId('invoice').filter({ hasText: second.number });
    const dialog = page.getByRole('dialog', { name: `Reminders for ${second.number}` });
    await draft.getByRole('button', { name: /^Reminders/ }).click();
    await dialog.getByRole('radio', { name: 'Off' }).check();
    await dialog.getByRole('button', { name: 'Save reminders' }).click();
    await until(() => dialog.count()).toBe(0);
    await page.reload();
    await until(() => draft.getByTestId('invoice-ladder').textContent()).toBe('Reminders off');
    await draft.getByRole('button', { name: /^Reminders/ }).click();
    expect(await dialog.getByRole('radio', { name: 'Off' }).isChecked()).toBe(true);
    await dialog.getByLabel('Step', { exact: true }).selectOption({ label: 'due today' });
    await until(() => dialog.getByTestId('invoice-reminder-preview').textContent()).toContain(
      `Invoice ${second.number} is due today`,
    );
    await expectAccessible(page, 'the reminders dialog', { selector: 'dialog[open]' });
    expect(app.session.problems).toEqual([]);
  });
});
