import { describe, expect, it } from 'vitest';
import { moneyFeesSchema } from '../../../shared/schemas/money-fees';
import { signInAs } from '../../support/app';
import {
  addInvoice,
  createBrand,
  createDeal,
  createInvoice,
  trackInvoiceApps,
  type Workspace,
} from '../../support/invoices';
import { expectApiError } from '../helpers';

const apps = trackInvoiceApps();

async function payWithFee(
  t: Workspace,
  invoiceId: string,
  amountCents: number,
  feeCents: number,
  paidOn: string,
) {
  const res = await t.owner.post(`/api/invoices/${invoiceId}/payments`, {
    amountCents,
    feeCents,
    paidOn,
  });
  expect(res.status, res.text).toBe(201);
}

/** Acme pays in USD (two payments) and EUR; Globex in USD. */
async function withPayments() {
  const t = await apps.workspace();
  const globex = await createBrand(t.owner, 'Globex');
  const euroDeal = await createDeal(t.owner, { brandId: t.brand.id, currency: 'EUR' });
  const globexDeal = await createDeal(t.owner, { brandId: globex.id });
  const acmeUsd = await addInvoice(t, { amountCents: 100_000, status: 'sent' });
  const acmeEur = await createInvoice(t.owner, {
    dealId: euroDeal.id,
    amountCents: 50_000,
    status: 'sent',
  });
  const globexUsd = await createInvoice(t.owner, {
    dealId: globexDeal.id,
    amountCents: 200_000,
    status: 'sent',
  });
  await payWithFee(t, acmeUsd.id, 60_000, 1_770, '2026-01-15');
  await payWithFee(t, acmeUsd.id, 40_000, 0, '2026-02-20');
  await payWithFee(t, acmeEur.id, 50_000, 1_450, '2026-02-01');
  await payWithFee(t, globexUsd.id, 200_000, 5_830, '2026-02-28');
  return { t, globex };
}

describe('GET /api/money/fees', () => {
  it('answers gross, fees and net per currency and per brand, never mixing currencies', async () => {
    const { t, globex } = await withPayments();
    const res = await t.owner.get('/api/money/fees');
    expect(res.status, res.text).toBe(200);
    expect(moneyFeesSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      asOf: '2026-03-01',
      byCurrency: [
        { currency: 'EUR', grossCents: 50_000, feeCents: 1_450, netCents: 48_550 },
        { currency: 'USD', grossCents: 300_000, feeCents: 7_600, netCents: 292_400 },
      ],
      byBrand: [
        {
          brandId: globex.id,
          brandName: 'Globex',
          currency: 'USD',
          grossCents: 200_000,
          feeCents: 5_830,
          netCents: 194_170,
        },
        {
          brandId: t.brand.id,
          brandName: 'Acme',
          currency: 'USD',
          grossCents: 100_000,
          feeCents: 1_770,
          netCents: 98_230,
        },
        {
          brandId: t.brand.id,
          brandName: 'Acme',
          currency: 'EUR',
          grossCents: 50_000,
          feeCents: 1_450,
          netCents: 48_550,
        },
      ],
    });
  });

  it('counts only payments received on days from `from` to `to`, both included', async () => {
    const { t } = await withPayments();
    const feb = await t.owner.get('/api/money/fees?from=2026-02-01&to=2026-02-20');
    expect(feb.status).toBe(200);
    expect(feb.body.byCurrency).toEqual([
      { currency: 'EUR', grossCents: 50_000, feeCents: 1_450, netCents: 48_550 },
      { currency: 'USD', grossCents: 40_000, feeCents: 0, netCents: 40_000 },
    ]);
    expect(feb.body.byBrand.map((b) => `${b.brandName}/${b.currency}`)).toEqual([
      'Acme/EUR',
      'Acme/USD',
    ]);
    const since = await t.owner.get('/api/money/fees?from=2026-02-21');
    expect(since.body.byCurrency).toEqual([
      { currency: 'USD', grossCents: 200_000, feeCents: 5_830, netCents: 194_170 },
    ]);
    const until = await t.owner.get('/api/money/fees?to=2026-01-15');
    expect(until.body.byCurrency).toEqual([
      { currency: 'USD', grossCents: 60_000, feeCents: 1_770, netCents: 58_230 },
    ]);
  });

  it('answers empty lists without payments, as of today in the workspace zone', async () => {
    const t = await apps.workspace({ now: '2026-03-01T23:30:00.000Z', timeZone: 'Asia/Tokyo' });
    expect((await t.owner.get('/api/money/fees')).body).toEqual({
      asOf: '2026-03-02',
      byCurrency: [],
      byBrand: [],
    });
  });

  it('returns 400 naming a bad day or a range that ends before it starts', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/money/fees?from=2026-02-30'), 400, { paths: ['from'] });
    expectApiError(await t.owner.get('/api/money/fees?from=2026-03-02&to=2026-03-01'), 400, {
      paths: ['to'],
    });
  });

  it('may be read by a viewer, not without a session', async () => {
    const t = await apps.workspace();
    const { client: viewer } = await signInAs(t, 'viewer');
    expect((await viewer.get('/api/money/fees')).status).toBe(200);
    expectApiError(await t.client().get('/api/money/fees'), 401, { code: 'unauthorized' });
  });
});
