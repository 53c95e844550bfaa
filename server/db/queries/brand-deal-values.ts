import type { Kysely } from 'kysely';
import { OPEN_DEAL_STATUSES, type BrandDealValue } from '../../../shared/schemas/brand';
import type { Database } from '../schema';

/** The fees of every brand's open deals per currency: one grouped query, brands without open deals left out. */
export async function listBrandDealValues(db: Kysely<Database>): Promise<BrandDealValue[]> {
  const rows = await db
    .selectFrom('deals')
    .select((eb) => [
      'brandId',
      'currency',
      eb.fn.sum<number | string>('feeCents').as('openCents'),
      eb.fn.countAll<number | string>().as('openDeals'),
    ])
    .where('status', 'in', [...OPEN_DEAL_STATUSES])
    .groupBy(['brandId', 'currency'])
    .orderBy('brandId')
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({
    brandId: row.brandId,
    currency: row.currency,
    openCents: Number(row.openCents),
    openDeals: Number(row.openDeals),
  }));
}
