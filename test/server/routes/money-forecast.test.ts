import { describe, expect, it } from 'vitest';
import { moneyForecastSchema, type MoneyForecast } from '../../../shared/schemas/money-forecast';
import { createDeliverable } from '../../support/alerts';
import { signInAs } from '../../support/app';
import {
  createInvoice,
  moneySnapshot,
  pay,
  trackInvoiceApps,
  type Workspace,
} from '../../support/invoices';
import { expectApiError } from '../helpers';

const apps = trackInvoiceApps();

async function deal(t: Workspace, fields: Record<string, unknown>): Promise<{ id: string }> {
  const res = await t.owner.post('/api/deals', { brandId: t.brand.id, title: 'Deal', ...fields });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function forecastOf(t: Workspace): Promise<MoneyForecast> {
  const res = await t.owner.get('/api/money/forecast');
  expect(res.status, res.text).toBe(200);
  expect(moneyForecastSchema.parse(res.body)).toEqual(res.body);
  return res.body;
}

describe('GET /api/money/forecast', () => {
  it('splits what is to come into uninvoiced, not yet due and overdue, per currency and month', async () => {
    // Today is 2026-03-01 (UTC); the workspace's terms are net 30.
    const t = await apps.workspace();
    // Invoiced when issued: expected 30 days after its last go-live (2026-04-10).
    const launch = await deal(t, { status: 'contracted', feeCents: 100_000 });
    await createDeliverable(t.owner, launch.id, { publishAt: '2026-04-10T15:00:00.000Z' });
    await createDeliverable(t.owner, launch.id, {
      publishAt: '2026-06-01T15:00:00.000Z',
      status: 'cancelled',
    });
    const sent = await createInvoice(t.owner, {
      dealId: launch.id,
      amountCents: 30_000,
      issuedOn: '2026-02-01',
      dueOn: '2026-02-15',
      status: 'sent',
    });
    await pay(t.owner, sent.id, { amountCents: 10_000, paidOn: '2026-02-20' });
    // A draft is not invoiced yet; a void invoice never was.
    await createInvoice(t.owner, { dealId: launch.id, amountCents: 5_000, status: 'draft' });
    await createInvoice(t.owner, { dealId: launch.id, amountCents: 7_000, status: 'void' });

    // Paid net 14 from a signed contract: 2026-02-20 + 14 days.
    const euro = await deal(t, {
      status: 'in_progress',
      feeCents: 50_000,
      currency: 'EUR',
      paymentTrigger: 'contract_signed',
      contractSignedOn: '2026-02-20',
      paymentTermsDays: 14,
    });
    await createInvoice(t.owner, {
      dealId: euro.id,
      amountCents: 20_000,
      issuedOn: '2026-03-01',
      dueOn: '2026-04-20',
      status: 'sent',
    });
    // Nothing dated to expect it by.
    await deal(t, { status: 'delivered', feeCents: 40_000 });
    // Its work went live long ago: expected now, not in the past.
    const late = await deal(t, { status: 'contracted', feeCents: 10_000 });
    await createDeliverable(t.owner, late.id, { publishAt: '2026-01-10T15:00:00.000Z' });
    // Not counted: not contracted, closed, or invoiced in full.
    await deal(t, { status: 'pitched', feeCents: 999 });
    await deal(t, { status: 'completed', feeCents: 5_000 });
    await deal(t, { status: 'cancelled', feeCents: 6_000 });
    const settled = await deal(t, { status: 'delivered', feeCents: 8_000 });
    const paid = await createInvoice(t.owner, {
      dealId: settled.id,
      amountCents: 8_000,
      status: 'sent',
    });
    await pay(t.owner, paid.id, { amountCents: 8_000, paidOn: '2026-02-25' });

    const body = await forecastOf(t);
    expect(body).toEqual({
      asOf: '2026-03-01',
      timeZone: 'UTC',
      totals: [
        { currency: 'EUR', uninvoicedCents: 30_000, notDueCents: 20_000, overdueCents: 0 },
        { currency: 'USD', uninvoicedCents: 120_000, notDueCents: 0, overdueCents: 20_000 },
      ],
      months: [
        {
          currency: 'EUR',
          month: '2026-03',
          uninvoicedCents: 30_000,
          notDueCents: 0,
          overdueCents: 0,
        },
        {
          currency: 'EUR',
          month: '2026-04',
          uninvoicedCents: 0,
          notDueCents: 20_000,
          overdueCents: 0,
        },
        {
          currency: 'USD',
          month: '2026-02',
          uninvoicedCents: 0,
          notDueCents: 0,
          overdueCents: 20_000,
        },
        {
          currency: 'USD',
          month: '2026-03',
          uninvoicedCents: 10_000,
          notDueCents: 0,
          overdueCents: 0,
        },
        {
          currency: 'USD',
          month: '2026-05',
          uninvoicedCents: 70_000,
          notDueCents: 0,
          overdueCents: 0,
        },
        { currency: 'USD', month: null, uninvoicedCents: 40_000, notDueCents: 0, overdueCents: 0 },
      ],
    });
  });

  it('decides "today" and the months in the workspace zone', async () => {
    const t = await apps.workspace({ now: '2026-03-31T23:30:00.000Z', timeZone: 'Asia/Tokyo' });
    const d = await deal(t, { status: 'contracted', feeCents: 12_000 });
    await createInvoice(t.owner, {
      dealId: d.id,
      amountCents: 12_000,
      issuedOn: '2026-03-01',
      dueOn: '2026-03-31',
      status: 'sent',
    });
    // In Tokyo it is already 2026-04-01: the invoice due on 03-31 is overdue.
    const body = await forecastOf(t);
    expect(body.asOf).toBe('2026-04-01');
    expect(body.totals).toEqual([
      { currency: 'USD', uninvoicedCents: 0, notDueCents: 0, overdueCents: 12_000 },
    ]);
    expect(body.months.map((m) => m.month)).toEqual(['2026-03']);
  });

  it('answers empty lists with nothing to come, to every role, and writes nothing', async () => {
    const t = await apps.workspace();
    const { client: viewer } = await signInAs(t, 'viewer');
    const before = await moneySnapshot(t);
    const res = await viewer.get('/api/money/forecast');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ asOf: '2026-03-01', timeZone: 'UTC', totals: [], months: [] });
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it('returns 401 signed out', async () => {
    const t = await apps.workspace();
    expectApiError(await t.client().get('/api/money/forecast'), 401);
  });
});
