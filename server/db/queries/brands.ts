import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../transaction';
import type { z } from 'zod';
import {
  BRAND_PALETTE,
  type Brand,
  type brandCreateSchema,
  type brandPatchSchema,
  type Contact,
} from '../../../shared/schemas/brand';
import type { LadderOverride } from '../../../shared/schemas/billing';
import { AppError, notFound } from '../../errors';
import { newId } from '../../ids';
import { assertVersionedRow } from './versioned';
import type { BrandRow, Database } from '../schema';

/** A contact as written: not a billing contact unless it says so. */
type ContactInput = Omit<Contact, 'billing'> & { billing?: boolean };
export type BrandCreateInput = Omit<z.output<typeof brandCreateSchema>, 'contacts'> & {
  contacts?: ContactInput[];
};
export type BrandPatchInput = Omit<z.output<typeof brandPatchSchema>, 'contacts'> & {
  contacts?: ContactInput[];
};

function toBrand(
  row: BrandRow,
  contacts: Contact[],
  dealCount: number,
  lastContactedOn: string | null,
): Brand {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    category: row.category,
    stage: row.stage,
    nextFollowUpOn: row.nextFollowUpOn,
    notes: row.notes,
    color: row.color,
    contacts,
    invoiceReminders: row.invoiceReminders
      ? (JSON.parse(row.invoiceReminders) as LadderOverride)
      : null,
    dealCount,
    lastContactedOn,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function hydrate(db: Kysely<Database>, rows: BrandRow[]): Promise<Brand[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [contacts, counts, lastContacts] = await Promise.all([
    db
      .selectFrom('brandContacts')
      .select(['brandId', 'name', 'email', 'role', 'billing'])
      .where('brandId', 'in', ids)
      .orderBy('brandId')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('deals')
      .select((eb) => ['brandId', eb.fn.countAll<number | string>().as('count')])
      .where('brandId', 'in', ids)
      .groupBy('brandId')
      .execute(),
    db
      .selectFrom('brandPitches')
      .select((eb) => ['brandId', eb.fn.max('pitchedOn').as('lastContactedOn')])
      .where('brandId', 'in', ids)
      .groupBy('brandId')
      .execute(),
  ]);
  const contactsByBrand = new Map<string, Contact[]>();
  for (const c of contacts) {
    const list = contactsByBrand.get(c.brandId) ?? [];
    list.push({ name: c.name, email: c.email, role: c.role, billing: Boolean(c.billing) });
    contactsByBrand.set(c.brandId, list);
  }
  const countByBrand = new Map(counts.map((c) => [c.brandId, Number(c.count)]));
  const lastContactByBrand = new Map(lastContacts.map((p) => [p.brandId, p.lastContactedOn]));
  return rows.map((row) =>
    toBrand(
      row,
      contactsByBrand.get(row.id) ?? [],
      countByBrand.get(row.id) ?? 0,
      lastContactByBrand.get(row.id) ?? null,
    ),
  );
}

export interface BrandListFilter {
  stage?: string;
  q?: string;
  /**
   * Only brands last contacted on or before this day, or never: the "not
   * contacted in N days" view. Inactive brands are left out, since nobody
   * means to follow them up.
   */
  notContactedSince?: string;
}

export async function listBrands(
  db: Kysely<Database>,
  filter: BrandListFilter = {},
): Promise<Brand[]> {
  let query = db.selectFrom('brands').selectAll();
  if (filter.stage) query = query.where('stage', '=', filter.stage as BrandRow['stage']);
  if (filter.q) {
    const q = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where(sql<boolean>`lower(name) like ${q} escape '\\'`);
  }
  if (filter.notContactedSince) {
    const since = filter.notContactedSince;
    query = query
      .where('stage', '!=', 'inactive')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('brandPitches')
              .select('brandPitches.id')
              .whereRef('brandPitches.brandId', '=', 'brands.id')
              .where('brandPitches.pitchedOn', '>', since),
          ),
        ),
      );
  }
  const rows = await query.orderBy('name').orderBy('id').execute();
  return hydrate(db, rows);
}

export async function getBrand(db: Kysely<Database>, id: string): Promise<Brand> {
  const row = await db.selectFrom('brands').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Brand');
  const [brand] = await hydrate(db, [row]);
  return brand!;
}

async function replaceContacts(
  db: Kysely<Database>,
  brandId: string,
  contacts: ContactInput[],
): Promise<void> {
  await db.deleteFrom('brandContacts').where('brandId', '=', brandId).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('brandContacts')
    .values(
      contacts.map((c, position) => ({
        id: newId(),
        brandId,
        position,
        name: c.name,
        email: c.email,
        role: c.role,
        billing: c.billing ?? false,
      })),
    )
    .execute();
}

async function nextColor(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('brands')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return BRAND_PALETTE[Number(row.count) % BRAND_PALETTE.length]!;
}

export async function insertBrand(
  db: Kysely<Database>,
  input: BrandCreateInput,
  now: Date,
): Promise<Brand> {
  const id = newId();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('brands')
      .values({
        id,
        name: input.name,
        website: input.website ?? null,
        category: input.category || null,
        stage: input.stage ?? 'prospect',
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        notes: input.notes ?? '',
        color: input.color ?? (await nextColor(trx)),
        invoiceReminders: input.invoiceReminders ? JSON.stringify(input.invoiceReminders) : null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    await replaceContacts(trx, id, input.contacts ?? []);
  });
  return getBrand(db, id);
}

export async function updateBrand(
  db: Kysely<Database>,
  id: string,
  patch: BrandPatchInput,
  now: Date,
): Promise<Brand> {
  const { version, contacts, invoiceReminders, ...changes } = patch;
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('brands')
      .set({
        ...changes,
        ...(changes.category !== undefined ? { category: changes.category || null } : {}),
        ...(invoiceReminders !== undefined
          ? { invoiceReminders: invoiceReminders ? JSON.stringify(invoiceReminders) : null }
          : {}),
        version: version + 1,
        updatedAt: now.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    const after = await assertVersionedRow(trx, row, 'brands', id, 'Brand');
    if (contacts) await replaceContacts(trx, id, contacts);
    // The row as the update returned it, with its contacts and counts.
    const [brand] = await hydrate(trx, [after]);
    return brand!;
  });
}

/** Deletes a brand; refused while deals still point at it, so no deal is orphaned. */
export async function deleteBrand(db: Kysely<Database>, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const brand = await trx
      .selectFrom('brands')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!brand) throw notFound('Brand');
    const deals = await trx
      .selectFrom('deals')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('brandId', '=', id)
      .executeTakeFirstOrThrow();
    const count = Number(deals.count);
    if (count > 0) {
      throw new AppError(
        409,
        'conflict',
        `${brand.name} still has ${count} deal${count === 1 ? '' : 's'}. Delete or move ${
          count === 1 ? 'it' : 'them'
        } to another brand first.`,
      );
    }
    await trx.deleteFrom('brands').where('id', '=', id).execute();
  });
}
