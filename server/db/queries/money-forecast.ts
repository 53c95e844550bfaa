import type { Kysely } from 'kysely';
import { FORECAST_DEAL_STATUSES, type MoneyForecast } from '../../../shared/schemas/money-forecast';
import { addDays, todayIn } from '../../../shared/days';
import type { Database } from '../schema';
import {
  loadTriggerFired,
  readClockWorkspace,
  termsOf,
  type ClockDeal,
  type ClockWorkspace,
} from './payment-clock';

export interface MoneyForecastOptions {
  now: Date;
}

type Sums = Omit<MoneyForecast['totals'][number], 'currency'>;
const zero = (): Sums => ({ uninvoicedCents: 0, notDueCents: 0, overdueCents: 0 });

/** A latest moment of two (either may be missing), as the day it falls on in `zone`. */
function latestDay(
  a: string | Date | null | undefined,
  b: string | Date | null | undefined,
  zone: string,
): string | null {
  const moments = [a, b].filter((m) => m !== null && m !== undefined).map((m) => new Date(m));
  if (moments.length === 0) return null;
  return todayIn(new Date(Math.max(...moments.map((m) => m.getTime()))), zone);
}

/**
 * The day a deal's uninvoiced remainder is expected to be paid, or null:
 * the payment clock's day (trigger fired + terms; a signed contract dated
 * ahead counts from that day); otherwise — invoicing on issue, or work not
 * yet approved or published — the day its last deliverable is due (go-live,
 * else draft) plus the terms. Never before today: what is expected is
 * expected from now on.
 */
function expectedPayDay(
  deal: ClockDeal,
  fired: string | undefined,
  lastWorkDay: string | null,
  workspace: ClockWorkspace,
  today: string,
): string | null {
  const terms = termsOf(deal, workspace);
  const start =
    fired ??
    (deal.paymentTrigger === 'contract_signed' ? deal.contractSignedOn : null) ??
    lastWorkDay;
  if (start === null) return null;
  const day = addDays(String(start).slice(0, 10), terms);
  return day < today ? today : day;
}

/**
 * Money still to come in: contracted deals' fees not yet on a sent invoice,
 * sent invoices not yet due, and overdue ones, per currency and per month
 * (see `moneyForecastSchema`). Four grouped queries and the payment clock's
 * batched reads, whatever the number of deals.
 */
export async function moneyForecast(
  db: Kysely<Database>,
  { now }: MoneyForecastOptions,
): Promise<MoneyForecast> {
  const workspace = await readClockWorkspace(db);
  const zone = workspace.timeZone;
  const today = todayIn(now, zone);

  const [deals, invoicedByDeal, lastWork, invoices] = await Promise.all([
    db
      .selectFrom('deals')
      .select([
        'id',
        'feeCents',
        'currency',
        'paymentTrigger',
        'paymentTermsDays',
        'contractSignedOn',
      ])
      .where('status', 'in', [...FORECAST_DEAL_STATUSES])
      .where('feeCents', '>', 0)
      .execute(),
    db
      .selectFrom('invoices')
      .select((eb) => ['dealId', 'currency', eb.fn.sum<number | string>('amountCents').as('total')])
      .where('status', 'in', ['sent', 'paid'])
      .groupBy(['dealId', 'currency'])
      .execute(),
    db
      .selectFrom('deliverables')
      .innerJoin('deals', 'deals.id', 'deliverables.dealId')
      .select((eb) => [
        'deliverables.dealId',
        eb.fn.max('deliverables.publishAt').as('lastPublishAt'),
        eb.fn.max('deliverables.draftDueAt').as('lastDraftDueAt'),
      ])
      .where('deals.status', 'in', [...FORECAST_DEAL_STATUSES])
      .where('deliverables.status', '!=', 'cancelled')
      .groupBy('deliverables.dealId')
      .execute(),
    db
      .selectFrom('invoices')
      .select(['currency', 'amountCents', 'paidCents', 'dueOn'])
      .where('status', '=', 'sent')
      .whereRef('paidCents', '<', 'amountCents')
      .execute(),
  ]);

  const invoiced = new Map(
    invoicedByDeal.map((r) => [`${r.dealId}|${r.currency}`, Number(r.total)]),
  );
  const workDay = new Map(
    lastWork.map((r) => [r.dealId, latestDay(r.lastPublishAt, r.lastDraftDueAt, zone)]),
  );
  const fired = await loadTriggerFired(
    db,
    deals.filter((d) => d.paymentTrigger !== 'invoice_issued'),
    workspace,
    now,
  );

  const totals = new Map<string, Sums>();
  const months = new Map<string, Sums>();
  const add = (currency: string, month: string | null, field: keyof Sums, cents: number) => {
    if (cents <= 0) return;
    const total = totals.get(currency) ?? zero();
    total[field] += cents;
    totals.set(currency, total);
    const key = `${currency}|${month ?? ''}`;
    const row = months.get(key) ?? zero();
    row[field] += cents;
    months.set(key, row);
  };

  for (const deal of deals) {
    const left = Number(deal.feeCents) - (invoiced.get(`${deal.id}|${deal.currency}`) ?? 0);
    const day = expectedPayDay(
      deal,
      fired.get(deal.id)?.day,
      workDay.get(deal.id) ?? null,
      workspace,
      today,
    );
    add(deal.currency, day?.slice(0, 7) ?? null, 'uninvoicedCents', left);
  }
  for (const inv of invoices) {
    const dueOn = String(inv.dueOn).slice(0, 10);
    const balance = Number(inv.amountCents) - Number(inv.paidCents);
    add(inv.currency, dueOn.slice(0, 7), today > dueOn ? 'overdueCents' : 'notDueCents', balance);
  }

  return {
    asOf: today,
    timeZone: zone,
    totals: [...totals.entries()]
      .map(([currency, sums]) => ({ currency, ...sums }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    months: [...months.entries()]
      .map(([key, sums]) => {
        const [currency, month] = key.split('|') as [string, string];
        return { currency, month: month === '' ? null : month, ...sums };
      })
      // Per currency, month by month; money with no day yet last.
      .sort(
        (a, b) =>
          a.currency.localeCompare(b.currency) ||
          (a.month ?? '9999').localeCompare(b.month ?? '9999'),
      ),
  };
}
