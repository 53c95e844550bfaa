import type { Kysely } from 'kysely';
import type { MoneyFees, MoneyFeesQuery } from '../../../shared/schemas/money-fees';
import type { Database } from '../schema';

/**
 * Gross, fees and net of the payments received in [from, to] (either end
 * open), per currency and per brand and currency: two grouped queries.
 */
export async function moneyFees(
  db: Kysely<Database>,
  { from, to }: MoneyFeesQuery,
  asOf: string,
): Promise<MoneyFees> {
  const paymentsOf = () => {
    let query = db
      .selectFrom('payments')
      .innerJoin('invoices', 'invoices.id', 'payments.invoiceId')
      .innerJoin('deals', 'deals.id', 'invoices.dealId')
      .innerJoin('brands', 'brands.id', 'deals.brandId');
    if (from) query = query.where('payments.paidOn', '>=', from);
    if (to) query = query.where('payments.paidOn', '<=', to);
    return query;
  };
  const sums = paymentsOf().select((eb) => [
    eb.fn.sum<number | string>('payments.amountCents').as('gross'),
    eb.fn.sum<number | string>('payments.feeCents').as('fee'),
  ]);
  const [byCurrency, byBrand] = await Promise.all([
    sums.select('payments.currency').groupBy('payments.currency').execute(),
    sums
      .select(['payments.currency', 'brands.id as brandId', 'brands.name as brandName'])
      .groupBy(['payments.currency', 'brands.id', 'brands.name'])
      .execute(),
  ]);
  const money = (row: { currency: string; gross: number | string; fee: number | string }) => {
    const grossCents = Number(row.gross ?? 0);
    const feeCents = Number(row.fee ?? 0);
    return { currency: row.currency, grossCents, feeCents, netCents: grossCents - feeCents };
  };
  return {
    asOf,
    byCurrency: byCurrency.map(money).sort((a, b) => a.currency.localeCompare(b.currency)),
    byBrand: byBrand
      .map((row) => ({ brandId: row.brandId, brandName: row.brandName, ...money(row) }))
      .sort(
        (a, b) =>
          b.grossCents - a.grossCents ||
          a.brandName.localeCompare(b.brandName) ||
          a.currency.localeCompare(b.currency),
      ),
  };
}
