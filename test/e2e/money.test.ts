import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, setUpDeal, until, useBrowserApp } from './browser';

const app = useBrowserApp({ timezoneId: 'America/Chicago' });

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();

describe('money in Chromium', () => {
  it('records a payment on the deal page and the money totals change', async () => {
    const page = await app.open();
    const { deal } = await setUpDeal(page, {
      owner: { timeZone: 'America/Chicago' },
      deal: { title: 'Spring serum launch', feeCents: 450_000, currency: 'USD' },
    });
    const invoice = await call(page, 'POST', '/api/invoices', {
      dealId: deal.id,
      amountCents: 450_000,
      status: 'sent',
    });

    // Before: nothing earned, all of it outstanding.
    await page.goto(`${app.server.url}/money`);
    await until(() => text(page, 'money-outstanding-USD')).toBe('$4,500.00');
    expect(await text(page, 'money-earned-USD')).toBe('$0.00');
    await expectAccessible(page, 'the money page');

    // Record $1,500.00 on the deal page.
    await page.goto(`${app.server.url}/deals/${deal.id}`);
    const card = page.getByRole('article', { name: `Invoice ${invoice.number}` });
    await until(() => card.count()).toBe(1);
    await card.getByRole('button', { name: /Record payment/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Record payment' });
    await dialog.getByLabel('Amount').fill('1,500.00');
    await dialog.getByLabel('Method').fill('Bank transfer');
    await expectAccessible(page, 'the deal page with the payment dialog open');
    await dialog.getByRole('button', { name: 'Save payment' }).click();
    await until(() => card.getByTestId('invoice-balance').textContent()).toBe('$3,000.00');
    expect(await card.getByTestId('invoice-paid').textContent()).toBe('$1,500.00');
    await until(() => text(page, 'deal-paid')).toContain('$1,500.00');

    // After: the money page agrees, and so does the API, to the cent.
    await page.getByRole('link', { name: 'Money' }).first().click();
    await until(() => text(page, 'money-earned-USD')).toBe('$1,500.00');
    expect(await text(page, 'money-outstanding-USD')).toBe('$3,000.00');
    await expectAccessible(page, 'the money page with a payment');
    const saved = await call(page, 'GET', `/api/invoices/${invoice.id}`);
    expect(saved).toMatchObject({ paidCents: 150_000, balanceCents: 300_000 });
    expect(saved.payments.map((p) => p.method)).toEqual(['Bank transfer']);

    expect(app.session.problems).toEqual([]);
  });
});
