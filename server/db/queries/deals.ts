import type { Kysely } from 'kysely';
import { inTransaction } from '../transaction';
import type { z } from 'zod';
import type {
  Deal,
  dealCreateSchema,
  dealPatchSchema,
  DealStatus,
} from '../../../shared/schemas/deal';
import { AppError, invalidField, notFound } from '../../errors';
import { newId } from '../../ids';
import type { Payer } from '../../../shared/schemas/billing';
import { assertVersionedRow } from './versioned';
import { dealDeletionRefusal } from './deal-deletion';
import { loadExpectedPayOn } from './payment-clock';
import type { Database } from '../schema';

export type DealCreateInput = z.output<typeof dealCreateSchema>;
export type DealPatchInput = z.output<typeof dealPatchSchema>;

export interface DealListFilter {
  status?: DealStatus[];
  brandId?: string[];
  id?: string;
}

function selectDeals(db: Kysely<Database>) {
  return db
    .selectFrom('deals')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .selectAll('deals')
    .select((eb) => [
      'brands.name as brandName',
      eb
        .selectFrom('deliverables')
        .select((inner) => inner.fn.countAll<number | string>().as('n'))
        .whereRef('deliverables.dealId', '=', 'deals.id')
        .as('deliverableCount'),
      // Fee vs invoiced vs paid: invoices that count (not void) in the deal's own currency.
      eb
        .selectFrom('invoices')
        .select((inner) =>
          inner.fn
            .coalesce(inner.fn.sum<number | string>('invoices.amountCents'), inner.lit(0))
            .as('s'),
        )
        .whereRef('invoices.dealId', '=', 'deals.id')
        .whereRef('invoices.currency', '=', 'deals.currency')
        .where('invoices.status', '!=', 'void')
        .as('invoicedCents'),
      eb
        .selectFrom('invoices')
        .select((inner) =>
          inner.fn
            .coalesce(inner.fn.sum<number | string>('invoices.paidCents'), inner.lit(0))
            .as('s'),
        )
        .whereRef('invoices.dealId', '=', 'deals.id')
        .whereRef('invoices.currency', '=', 'deals.currency')
        .where('invoices.status', '!=', 'void')
        .as('paidCents'),
    ]);
}

type DealQueryRow = Awaited<ReturnType<ReturnType<typeof selectDeals>['executeTakeFirstOrThrow']>>;

function toDeal(row: DealQueryRow, expectedPayOn: string | null): Deal {
  return {
    id: row.id,
    brandId: row.brandId,
    brandName: row.brandName,
    title: row.title,
    status: row.status,
    feeCents: Number(row.feeCents),
    currency: row.currency,
    source: row.source,
    contractSignedOn: row.contractSignedOn,
    exclusivityCategory: row.exclusivityCategory,
    exclusivityUntil: row.exclusivityUntil,
    usageRightsUntil: row.usageRightsUntil,
    notes: row.notes,
    payer: row.payer ? (JSON.parse(row.payer) as Payer) : null,
    paymentTermsDays: row.paymentTermsDays === null ? null : Number(row.paymentTermsDays),
    paymentTrigger: row.paymentTrigger,
    expectedPayOn,
    deliverableCount: Number(row.deliverableCount ?? 0),
    invoicedCents: Number(row.invoicedCents ?? 0),
    paidCents: Number(row.paidCents ?? 0),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The rows as deals, with their payment clocks worked out in a few batched queries. */
async function toDeals(db: Kysely<Database>, rows: DealQueryRow[], now: Date): Promise<Deal[]> {
  const expected = await loadExpectedPayOn(db, rows, now);
  return rows.map((row) => toDeal(row, expected.get(row.id) ?? null));
}

export async function listDeals(
  db: Kysely<Database>,
  filter: DealListFilter,
  now: Date,
): Promise<Deal[]> {
  let query = selectDeals(db);
  if (filter.status?.length) query = query.where('deals.status', 'in', filter.status);
  if (filter.brandId?.length) query = query.where('deals.brandId', 'in', filter.brandId);
  if (filter.id) query = query.where('deals.id', '=', filter.id);
  const rows = await query.orderBy('deals.createdAt', 'desc').orderBy('deals.id').execute();
  return toDeals(db, rows, now);
}

export async function getDeal(db: Kysely<Database>, id: string, now: Date): Promise<Deal> {
  const row = await selectDeals(db).where('deals.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deal');
  const [deal] = await toDeals(db, [row], now);
  return deal!;
}

/** Optional JSON columns: undefined leaves them, null clears them. */
function jsonOrNull<T>(value: T | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value === null ? null : JSON.stringify(value);
}

async function assertBrandExists(db: Kysely<Database>, brandId: string): Promise<void> {
  const brand = await db
    .selectFrom('brands')
    .select('id')
    .where('id', '=', brandId)
    .executeTakeFirst();
  if (!brand) throw invalidField('brandId', 'No brand with this id');
}

export async function insertDeal(
  db: Kysely<Database>,
  input: DealCreateInput,
  defaults: { currency: string },
  now: Date,
): Promise<Deal> {
  const id = newId();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    await assertBrandExists(trx, input.brandId);
    await trx
      .insertInto('deals')
      .values({
        id,
        brandId: input.brandId,
        title: input.title,
        status: input.status ?? 'pitched',
        feeCents: input.feeCents ?? 0,
        currency: input.currency ?? defaults.currency,
        source: input.source ?? 'direct',
        contractSignedOn: input.contractSignedOn ?? null,
        exclusivityCategory: input.exclusivityCategory || null,
        exclusivityUntil: input.exclusivityUntil ?? null,
        usageRightsUntil: input.usageRightsUntil ?? null,
        notes: input.notes ?? '',
        payer: jsonOrNull(input.payer) ?? null,
        paymentTermsDays: input.paymentTermsDays ?? null,
        paymentTrigger: input.paymentTrigger ?? 'invoice_issued',
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
  });
  return getDeal(db, id, now);
}

export async function updateDeal(
  db: Kysely<Database>,
  id: string,
  patch: DealPatchInput,
  now: Date,
  /** The deal as read before the change (the audited PATCH has it): not read again. */
  before?: Deal,
): Promise<Deal> {
  const { version, payer, ...changes } = patch;
  return inTransaction(db, async (trx) => {
    if (changes.brandId !== undefined) await assertBrandExists(trx, changes.brandId);
    const row = await trx
      .updateTable('deals')
      .set({
        ...changes,
        ...(changes.exclusivityCategory !== undefined
          ? { exclusivityCategory: changes.exclusivityCategory || null }
          : {}),
        ...(payer !== undefined ? { payer: jsonOrNull(payer) } : {}),
        version: version + 1,
        updatedAt: now.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    const after = await assertVersionedRow(trx, row, 'deals', id, 'Deal');
    if (changes.status === 'cancelled') {
      // A cancelled deal takes no yes: the proposal still out is withdrawn with it.
      await trx
        .updateTable('proposals')
        .set({ status: 'withdrawn', updatedAt: now.toISOString() })
        .where('dealId', '=', id)
        .where('status', '=', 'sent')
        .execute();
    }
    if (changes.brandId !== undefined) {
      // Deliverables carry their deal's brand for fast calendar filtering; keep it true.
      await trx
        .updateTable('deliverables')
        .set({ brandId: changes.brandId })
        .where('dealId', '=', id)
        .execute();
    }
    // What the row does not hold (its brand's name, what its deliverables and invoices add
    // up to) is as before, unless the brand or the currency (which invoices count) changed.
    if (!before || after.brandId !== before.brandId || after.currency !== before.currency)
      return getDeal(trx, id, now);
    const { brandName, deliverableCount, invoicedCents, paidCents } = before;
    const [deal] = await toDeals(
      trx,
      [{ ...after, brandName, deliverableCount, invoicedCents, paidCents }],
      now,
    );
    return deal!;
  });
}

/**
 * Deletes a deal and, with it, every deliverable and every draft or void
 * invoice of the deal. Refused while it has sent or paid invoices: money
 * records are not deleted by the way.
 */
export async function deleteDeal(db: Kysely<Database>, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const deal = await trx
      .selectFrom('deals')
      .select(['id', 'title'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!deal) throw notFound('Deal');
    const refusal = await dealDeletionRefusal(trx, deal);
    if (refusal !== null) throw new AppError(409, 'conflict', refusal);
    await trx.deleteFrom('invoices').where('dealId', '=', id).execute();
    await trx.deleteFrom('deliverables').where('dealId', '=', id).execute();
    await trx.deleteFrom('deals').where('id', '=', id).execute();
  });
}
