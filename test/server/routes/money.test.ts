import { describe, expect, it } from 'vitest';
import type { MoneySummary } from '../../../shared/schemas/invoice';
import {
  addInvoice,
  createBrand,
  createDeal,
  createInvoice,
  pay,
  plusDays,
  trackInvoiceApps,
  type Workspace,
} from '../../support/invoices';
import { expectApiError } from '../helpers';

const apps = trackInvoiceApps();

// "Now" for the fixture: 2026-03-15 in the (UTC) workspace.
const NOW = '2026-03-15T12:00:00.000Z';
const TODAY = '2026-03-15';

interface FixtureInvoice {
  number: string;
  brand: 'Acme' | 'Globex' | 'Initech';
  currency: 'USD' | 'EUR';
  amountCents: number;
  dueOn: string;
  /** draft and void stay so; otherwise the invoice is sent and its payments decide. */
  status?: 'draft' | 'void';
  payments?: Array<[amountCents: number, paidOn: string]>;
}

/**
 * Invoices in USD and EUR across three brands, payments over the last 14
 * months: paid ones, part-paid ones (some overdue), one due today, one not yet
 * due, a draft and a void one (neither counts as money anyone owes).
 */
const FIXTURE: FixtureInvoice[] = [
  {
    number: 'A-1',
    brand: 'Acme',
    currency: 'USD',
    amountCents: 500_000,
    dueOn: '2025-02-15',
    payments: [[500_000, '2025-02-10']],
  },
  {
    number: 'A-2',
    brand: 'Acme',
    currency: 'USD',
    amountCents: 300_000,
    dueOn: '2025-05-31',
    payments: [
      [100_000, '2025-04-30'],
      [200_000, '2025-06-01'],
    ],
  },
  {
    number: 'A-3',
    brand: 'Acme',
    currency: 'USD',
    amountCents: 250_000,
    dueOn: '2026-02-20',
    payments: [[50_000, '2026-02-01']],
  },
  { number: 'A-4', brand: 'Acme', currency: 'USD', amountCents: 120_000, dueOn: '2026-04-10' },
  {
    number: 'A-5',
    brand: 'Acme',
    currency: 'USD',
    amountCents: 999_999,
    dueOn: '2026-01-10',
    status: 'draft',
  },
  {
    number: 'G-1',
    brand: 'Globex',
    currency: 'EUR',
    amountCents: 400_000,
    dueOn: '2025-01-31',
    payments: [[400_000, '2025-01-20']],
  },
  {
    number: 'G-2',
    brand: 'Globex',
    currency: 'EUR',
    amountCents: 180_000,
    dueOn: '2025-12-31',
    payments: [
      [60_000, '2025-12-15'],
      [60_000, '2026-01-15'],
    ],
  },
  {
    number: 'G-3',
    brand: 'Globex',
    currency: 'EUR',
    amountCents: 90_000,
    dueOn: '2026-03-15',
    payments: [[90_000, '2026-03-01']],
  },
  { number: 'G-4', brand: 'Globex', currency: 'EUR', amountCents: 70_000, dueOn: '2026-03-15' },
  {
    number: 'G-5',
    brand: 'Globex',
    currency: 'USD',
    amountCents: 200_000,
    dueOn: '2025-10-01',
    payments: [[150_000, '2025-09-30']],
  },
  {
    number: 'G-6',
    brand: 'Globex',
    currency: 'EUR',
    amountCents: 55_000,
    dueOn: '2025-11-01',
    status: 'void',
  },
  {
    number: 'I-1',
    brand: 'Initech',
    currency: 'USD',
    amountCents: 75_000,
    dueOn: '2025-08-15',
    payments: [[75_000, '2025-08-15']],
  },
  { number: 'I-2', brand: 'Initech', currency: 'USD', amountCents: 60_000, dueOn: '2026-03-14' },
  {
    number: 'I-3',
    brand: 'Initech',
    currency: 'USD',
    amountCents: 100_000,
    dueOn: '2026-03-31',
    payments: [
      [33_333, '2026-03-02'],
      [33_333, '2026-03-09'],
      [33_333, '2026-03-10'],
    ],
  },
];

interface Built {
  t: Workspace;
  brandIds: Record<string, string>;
  dealIds: Record<string, string>;
  invoiceIds: Record<string, string>;
}

/** Creates the fixture through the API. */
async function buildFixture(t: Workspace): Promise<Built> {
  const brandIds: Record<string, string> = { Acme: t.brand.id };
  brandIds.Globex = (await createBrand(t.owner, 'Globex')).id;
  brandIds.Initech = (await createBrand(t.owner, 'Initech')).id;
  const dealIds: Record<string, string> = { 'Acme|USD': t.deal.id };
  const invoiceIds: Record<string, string> = {};
  for (const inv of FIXTURE) {
    const key = `${inv.brand}|${inv.currency}`;
    dealIds[key] ??= (
      await createDeal(t.owner, {
        brandId: brandIds[inv.brand]!,
        title: `${inv.brand} in ${inv.currency}`,
        currency: inv.currency,
      })
    ).id;
    const created = await createInvoice(t.owner, {
      dealId: dealIds[key]!,
      number: inv.number,
      amountCents: inv.amountCents,
      issuedOn: plusDays(inv.dueOn, -30),
      dueOn: inv.dueOn,
      status: inv.status ?? 'sent',
    });
    invoiceIds[inv.number] = created.id;
    for (const [amountCents, paidOn] of inv.payments ?? [])
      await pay(t.owner, created.id, { amountCents, paidOn });
  }
  return { t, brandIds, dealIds, invoiceIds };
}

/** `count` months ending with the month of `today`, oldest first, by plain year/month arithmetic. */
function monthsUpTo(today: string, count: number): string[] {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** Whole days from one calendar day to a later one, counted one day at a time. */
function daysFrom(from: string, to: string): number {
  let n = 0;
  for (let d = from; d < to; d = plusDays(d, 1)) n++;
  return n;
}

/** What the summary must say about FIXTURE, worked out from the fixture alone. */
function expectedSummary(
  built: Built,
  today: string,
  months: number,
  timeZone: string,
): MoneySummary {
  const window = monthsUpTo(today, months);
  const currencies = new Set<string>();
  const totals: Record<
    string,
    { earnedCents: number; outstandingCents: number; overdueCents: number }
  > = {};
  const total = (c: string) =>
    (totals[c] ??= { earnedCents: 0, outstandingCents: 0, overdueCents: 0 });
  const byBrand: Record<string, MoneySummary['byBrand'][number]> = {};
  const overdue: MoneySummary['overdue'] = [];
  const paidByMonth: Record<string, number> = {};

  for (const inv of FIXTURE) {
    let paid = 0;
    for (const [amount, paidOn] of inv.payments ?? []) {
      paid += amount;
      total(inv.currency).earnedCents += amount;
      currencies.add(inv.currency);
      const month = paidOn.slice(0, 7);
      if (window.includes(month) && paidOn <= today) {
        paidByMonth[`${month}|${inv.currency}`] =
          (paidByMonth[`${month}|${inv.currency}`] ?? 0) + amount;
      }
    }
    if (inv.status === 'draft' || inv.status === 'void') continue;
    currencies.add(inv.currency);
    const isPaid = paid >= inv.amountCents;
    const balance = isPaid ? 0 : inv.amountCents - paid;
    total(inv.currency).outstandingCents += balance;
    const late = !isPaid && inv.dueOn < today;
    if (late) {
      total(inv.currency).overdueCents += balance;
      overdue.push({
        invoiceId: built.invoiceIds[inv.number]!,
        number: inv.number,
        brandName: inv.brand,
        dealId: built.dealIds[`${inv.brand}|${inv.currency}`]!,
        dealTitle: inv.brand === 'Acme' ? 'Launch' : `${inv.brand} in ${inv.currency}`,
        currency: inv.currency,
        balanceCents: balance,
        dueOn: inv.dueOn,
        daysOverdue: daysFrom(inv.dueOn, today),
      });
    }
    const key = `${inv.brand}|${inv.currency}`;
    byBrand[key] ??= {
      brandId: built.brandIds[inv.brand]!,
      brandName: inv.brand,
      currency: inv.currency,
      invoicedCents: 0,
      paidCents: 0,
      outstandingCents: 0,
    };
    byBrand[key].invoicedCents += inv.amountCents;
    byBrand[key].paidCents += paid;
    byBrand[key].outstandingCents += balance;
  }

  const sortedCurrencies = [...currencies].sort();
  const byMonth: MoneySummary['byMonth'] = [];
  for (const month of window) {
    for (const currency of sortedCurrencies) {
      byMonth.push({ month, currency, paidCents: paidByMonth[`${month}|${currency}`] ?? 0 });
    }
  }
  return {
    asOf: today,
    invoiceCount: FIXTURE.length,
    timeZone,
    totals: sortedCurrencies.map((currency) => ({ currency, ...total(currency) })),
    byMonth,
    // Biggest invoiced first (no ties in the fixture).
    byBrand: Object.values(byBrand).sort((a, b) => b.invoicedCents - a.invoicedCents),
    // Longest overdue first (no ties in the fixture).
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue),
  };
}

describe('GET /api/money/summary', () => {
  it('answers totals, payments by month, per brand and the overdue list, exactly', async () => {
    const t = await apps.workspace({ now: NOW });
    const built = await buildFixture(t);
    const res = await t.owner.get('/api/money/summary');
    expect(res.status).toBe(200);
    const expected = expectedSummary(built, TODAY, 12, 'UTC');
    expect(res.body).toEqual(expected);

    // A few of the numbers spelled out, so a mistake in the expectation itself would show.
    expect(expected.totals).toEqual([
      { currency: 'EUR', earnedCents: 610_000, outstandingCents: 130_000, overdueCents: 60_000 },
      { currency: 'USD', earnedCents: 1_174_999, outstandingCents: 430_001, overdueCents: 310_000 },
    ]);
    expect(expected.overdue.map((o) => [o.number, o.daysOverdue, o.balanceCents])).toEqual([
      ['G-5', 165, 50_000],
      ['G-2', 74, 60_000],
      ['A-3', 23, 200_000],
      ['I-2', 1, 60_000],
    ]);
    expect(expected.byMonth).toHaveLength(24);
    expect(expected.byMonth.slice(0, 2)).toEqual([
      { month: '2025-04', currency: 'EUR', paidCents: 0 },
      { month: '2025-04', currency: 'USD', paidCents: 100_000 },
    ]);
    expect(expected.byMonth.slice(-2)).toEqual([
      { month: '2026-03', currency: 'EUR', paidCents: 90_000 },
      { month: '2026-03', currency: 'USD', paidCents: 99_999 },
    ]);
  });

  it.each([1, 2, 13, 14, 15, 36])(
    'covers the last %i calendar months with ?months',
    async (months) => {
      const t = await apps.workspace({ now: NOW });
      const built = await buildFixture(t);
      const res = await t.owner.get(`/api/money/summary?months=${months}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expectedSummary(built, TODAY, months, 'UTC'));
      expect(new Set(res.body.byMonth.map((m) => m.month)).size).toBe(months);
    },
  );

  it('follows the clock: a later today moves the window and the overdue days', async () => {
    const t = await apps.workspace({ now: NOW });
    const built = await buildFixture(t);
    t.clock.set('2026-04-11T12:00:00.000Z');
    const res = await t.owner.get('/api/money/summary');
    expect(res.body).toEqual(expectedSummary(built, '2026-04-11', 12, 'UTC'));
    // A-4 (due 04-10), G-4 (due 03-15) and I-3 (due 03-31, 1 cent short) have joined the overdue list.
    expect(res.body.overdue.map((o) => o.number).sort()).toEqual([
      'A-3',
      'A-4',
      'G-2',
      'G-4',
      'G-5',
      'I-2',
      'I-3',
    ]);
  });

  it('answers zeros and no rows for an empty workspace', async () => {
    const t = await apps.workspace({ now: NOW });
    const res = await t.owner.get('/api/money/summary?months=3');
    expect(res.body).toEqual({
      asOf: TODAY,
      invoiceCount: 0,
      timeZone: 'UTC',
      totals: [],
      byMonth: [],
      byBrand: [],
      overdue: [],
    });
  });

  it('leaves drafts and void invoices out of every sum, though it counts them', async () => {
    const t = await apps.workspace({ now: NOW });
    await addInvoice(t, { amountCents: 1000, issuedOn: '2026-01-01', dueOn: '2026-01-31' });
    await addInvoice(t, {
      amountCents: 1000,
      issuedOn: '2026-01-01',
      dueOn: '2026-01-31',
      status: 'void',
    });
    const res = await t.owner.get('/api/money/summary?months=1');
    expect(res.body).toEqual({
      asOf: TODAY,
      invoiceCount: 2,
      timeZone: 'UTC',
      totals: [],
      byMonth: [],
      byBrand: [],
      overdue: [],
    });
  });

  it.each(['0', '37', '-1', '1.5', 'abc', ''])(
    'returns 400 naming months for ?months=%s',
    async (months) => {
      const t = await apps.workspace({ now: NOW });
      expectApiError(await t.owner.get(`/api/money/summary?months=${months}`), 400, {
        paths: ['months'],
      });
    },
  );

  it('returns 401 without a session', async () => {
    const t = await apps.workspace({ now: NOW });
    expectApiError(await t.client().get('/api/money/summary'), 401);
  });
});

describe('GET /api/money/summary in the workspace time zone', () => {
  async function paymentOnTheFirst(zone: string) {
    // 2026-03-31T23:30Z is 12:30 on 1 April in Auckland (UTC+13), 16:30 on 31 March in Los Angeles.
    const t = await apps.workspace({ now: '2026-03-31T23:30:00.000Z', timeZone: zone });
    const inv = await addInvoice(t, {
      amountCents: 10_000,
      issuedOn: '2026-03-01',
      dueOn: '2026-03-31',
      status: 'sent',
    });
    await pay(t.owner, inv.id, { amountCents: 2_500, paidOn: '2026-03-31' });
    await pay(t.owner, inv.id, { amountCents: 4_000, paidOn: '2026-04-01' });
    return t;
  }

  it('puts a payment made on the 1st local, just after midnight UTC-wise the day before, in the new month', async () => {
    const t = await paymentOnTheFirst('Pacific/Auckland');
    const res = await t.owner.get('/api/money/summary?months=2');
    expect(res.body.asOf).toBe('2026-04-01');
    expect(res.body.timeZone).toBe('Pacific/Auckland');
    expect(res.body.byMonth).toEqual([
      { month: '2026-03', currency: 'USD', paidCents: 2_500 },
      { month: '2026-04', currency: 'USD', paidCents: 4_000 },
    ]);
    // Due 31 March, and it is 1 April in Auckland: one day overdue.
    expect(res.body.overdue).toEqual([
      expect.objectContaining({ balanceCents: 3_500, daysOverdue: 1 }),
    ]);
    expect(res.body.totals).toEqual([
      { currency: 'USD', earnedCents: 6_500, outstandingCents: 3_500, overdueCents: 3_500 },
    ]);
  });

  it('still ends the chart with March where it is still 31 March', async () => {
    const t = await paymentOnTheFirst('America/Los_Angeles');
    const res = await t.owner.get('/api/money/summary?months=2');
    expect(res.body.asOf).toBe('2026-03-31');
    expect(res.body.byMonth).toEqual([
      { month: '2026-02', currency: 'USD', paidCents: 0 },
      { month: '2026-03', currency: 'USD', paidCents: 2_500 },
    ]);
    // Due today there: not overdue yet.
    expect(res.body.overdue).toEqual([]);
    expect(res.body.totals).toEqual([
      expect.objectContaining({ currency: 'USD', outstandingCents: 3_500, overdueCents: 0 }),
    ]);
  });

  it('turns the month at local midnight on the 1st', async () => {
    const t = await apps.workspace({
      now: '2026-03-31T10:00:00.000Z',
      timeZone: 'Pacific/Auckland',
    });
    const inv = await addInvoice(t, {
      amountCents: 10_000,
      issuedOn: '2026-03-01',
      status: 'sent',
    });
    await pay(t.owner, inv.id, { amountCents: 1_000, paidOn: '2026-04-01' });
    const months = async (instant: string) => {
      t.clock.set(instant);
      return (await t.owner.get('/api/money/summary?months=1')).body.byMonth;
    };
    // Auckland midnight 1 April = 2026-03-31T11:00Z (NZDT, UTC+13).
    expect(await months('2026-03-31T10:59:59.999Z')).toEqual([
      { month: '2026-03', currency: 'USD', paidCents: 0 },
    ]);
    expect(await months('2026-03-31T11:00:00.000Z')).toEqual([
      { month: '2026-04', currency: 'USD', paidCents: 1_000 },
    ]);
  });
});
