import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { MoneySummary } from '../../../shared/schemas/invoice';
import { daysBetween, todayIn } from '../../../shared/days';
import type { Database } from '../schema';
import { isOverdue } from './invoices';

export interface MoneySummaryOptions {
  now: Date;
  /** The workspace's zone: months and "overdue" are decided in it. */
  timeZone: string;
  /** Months in the chart, ending with the current one. */
  months: number;
}

/** The `months` calendar months ending with the one `today` is in, oldest first (`YYYY-MM`). */
export function monthsEndingWith(today: string, months: number): string[] {
  const current = Temporal.PlainYearMonth.from(today.slice(0, 7));
  return Array.from({ length: months }, (_, i) =>
    current.subtract({ months: months - 1 - i }).toString(),
  );
}

/**
 * What the creator has earned, is owed and is owed late, per currency (sums
 * never mix currencies); payments by month for the chart; and per brand.
 * Drafts and void invoices are not money anyone owes.
 */
export async function moneySummary(
  db: Kysely<Database>,
  options: MoneySummaryOptions,
): Promise<MoneySummary> {
  const today = todayIn(options.now, options.timeZone);
  const months = monthsEndingWith(today, options.months);

  const invoices = await db
    .selectFrom('invoices')
    .innerJoin('deals', 'deals.id', 'invoices.dealId')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .select([
      'invoices.id',
      'invoices.number',
      'invoices.amountCents',
      'invoices.paidCents',
      'invoices.currency',
      'invoices.dueOn',
      'invoices.status',
      'deals.id as dealId',
      'deals.title as dealTitle',
      'brands.id as brandId',
      'brands.name as brandName',
    ])
    .where('invoices.status', 'in', ['sent', 'paid'])
    .execute();

  const count = await db
    .selectFrom('invoices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();

  const earned = await db
    .selectFrom('payments')
    .select((eb) => ['currency', eb.fn.sum<number | string>('amountCents').as('total')])
    .groupBy('currency')
    .execute();

  const recent = await db
    .selectFrom('payments')
    .select(['paidOn', 'currency', 'amountCents'])
    .where('paidOn', '>=', `${months[0]}-01`)
    .where('paidOn', '<=', today)
    .execute();

  const totals = new Map<
    string,
    { earnedCents: number; outstandingCents: number; overdueCents: number }
  >();
  const totalFor = (currency: string) => {
    let t = totals.get(currency);
    if (!t) totals.set(currency, (t = { earnedCents: 0, outstandingCents: 0, overdueCents: 0 }));
    return t;
  };
  for (const row of earned) totalFor(row.currency).earnedCents += Number(row.total);

  const brands = new Map<string, MoneySummary['byBrand'][number]>();
  const overdue: MoneySummary['overdue'] = [];
  for (const inv of invoices) {
    const amount = Number(inv.amountCents);
    const paid = Number(inv.paidCents);
    const balance = inv.status === 'sent' ? Math.max(amount - paid, 0) : 0;
    const total = totalFor(inv.currency);
    total.outstandingCents += balance;
    const late = isOverdue(
      { status: inv.status, amountCents: amount, paidCents: paid, dueOn: inv.dueOn },
      today,
    );
    if (late) {
      total.overdueCents += balance;
      overdue.push({
        invoiceId: inv.id,
        number: inv.number,
        brandName: inv.brandName,
        dealId: inv.dealId,
        dealTitle: inv.dealTitle,
        currency: inv.currency,
        balanceCents: balance,
        dueOn: inv.dueOn,
        daysOverdue: daysBetween(inv.dueOn, today),
      });
    }
    const key = `${inv.brandId}|${inv.currency}`;
    const brand = brands.get(key) ?? {
      brandId: inv.brandId,
      brandName: inv.brandName,
      currency: inv.currency,
      invoicedCents: 0,
      paidCents: 0,
      outstandingCents: 0,
    };
    brand.invoicedCents += amount;
    brand.paidCents += paid;
    brand.outstandingCents += balance;
    brands.set(key, brand);
  }

  const currencies = [...new Set([...totals.keys(), ...recent.map((p) => p.currency)])].sort();
  const byMonth = months.flatMap((month) =>
    currencies.map((currency) => ({
      month,
      currency,
      paidCents: recent
        .filter((p) => p.currency === currency && p.paidOn.startsWith(month))
        .reduce((sum, p) => sum + Number(p.amountCents), 0),
    })),
  );

  return {
    asOf: today,
    invoiceCount: Number(count.n),
    timeZone: options.timeZone,
    totals: [...totals.entries()]
      .map(([currency, t]) => ({ currency, ...t }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    byMonth,
    byBrand: [...brands.values()].sort(
      (a, b) => b.invoicedCents - a.invoicedCents || a.brandName.localeCompare(b.brandName),
    ),
    overdue: overdue.sort(
      (a, b) => b.daysOverdue - a.daysOverdue || a.number.localeCompare(b.number),
    ),
  };
}
