import type { Kysely, Selectable } from 'kysely';
import type { ReportLink, Testimonial } from '../../../shared/schemas/report';
import { hashToken } from '../../auth/tokens';
import { notFound } from '../../errors';
import type { Database, ReportLinksTable } from '../schema';

export type ReportLinkRow = Selectable<ReportLinksTable>;

export function reportLinkStateOf(row: ReportLinkRow, now: Date): ReportLink['state'] {
  if (row.revokedAt) return 'revoked';
  if (Date.parse(row.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

function toReportLink(row: ReportLinkRow, now: Date): ReportLink {
  return {
    id: row.id,
    dealId: row.dealId,
    summary: row.summary,
    state: reportLinkStateOf(row, now),
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
  };
}

export async function insertReportLink(
  trx: Kysely<Database>,
  input: Pick<ReportLinkRow, 'id' | 'dealId' | 'tokenHash' | 'summary' | 'expiresAt' | 'createdBy'>,
  now: Date,
): Promise<ReportLink> {
  const row = await trx
    .insertInto('reportLinks')
    .values({ ...input, revokedAt: null, createdAt: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReportLink(row, now);
}

/** A deal's report links, newest first. */
export async function listReportLinks(
  db: Kysely<Database>,
  dealId: string,
  now: Date,
): Promise<ReportLink[]> {
  const rows = await db
    .selectFrom('reportLinks')
    .selectAll()
    .where('dealId', '=', dealId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => toReportLink(r, now));
}

export async function getReportLink(
  db: Kysely<Database>,
  dealId: string,
  id: string,
  now: Date,
): Promise<ReportLink> {
  const row = await db
    .selectFrom('reportLinks')
    .selectAll()
    .where('dealId', '=', dealId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Report link');
  return toReportLink(row, now);
}

/** Revokes a link that is not revoked yet; answers whether it did. */
export async function revokeReportLink(
  trx: Kysely<Database>,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('reportLinks')
    .set({ revokedAt: now.toISOString() })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The open link behind a token (not revoked, not expired), or undefined: the caller answers 404 either way. */
export async function activeReportLinkOfToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<ReportLinkRow | undefined> {
  if (token.length === 0 || token.length > 200) return undefined;
  return db
    .selectFrom('reportLinks')
    .selectAll()
    .where('tokenHash', '=', hashToken(token))
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
}

const testimonialColumns = [
  'testimonials.id',
  'testimonials.dealId',
  'testimonials.quote',
  'testimonials.name',
  'testimonials.title',
  'testimonials.mayPublish',
  'testimonials.featured',
  'testimonials.createdAt',
  'deals.title as dealTitle',
  'brands.name as brandName',
] as const;

function testimonialsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('testimonials')
    .innerJoin('deals', 'deals.id', 'testimonials.dealId')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .select(testimonialColumns);
}

type TestimonialRow = Awaited<ReturnType<ReturnType<typeof testimonialsQuery>['execute']>>[number];

function toTestimonial(row: TestimonialRow): Testimonial {
  return {
    id: row.id,
    dealId: row.dealId,
    dealTitle: row.dealTitle,
    brandName: row.brandName,
    quote: row.quote,
    name: row.name,
    title: row.title,
    mayPublish: Boolean(row.mayPublish),
    featured: Boolean(row.featured),
    createdAt: row.createdAt,
  };
}

export async function insertTestimonial(
  trx: Kysely<Database>,
  input: {
    id: string;
    dealId: string;
    reportLinkId: string;
    quote: string;
    name: string;
    title: string;
    mayPublish: boolean;
  },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await trx
    .insertInto('testimonials')
    .values({ ...input, featured: false, createdAt: at, updatedAt: at })
    .execute();
}

/** Testimonials, newest first; of one deal with `dealId`. */
export async function listTestimonials(
  db: Kysely<Database>,
  filter: { dealId?: string },
): Promise<Testimonial[]> {
  let query = testimonialsQuery(db);
  if (filter.dealId) query = query.where('testimonials.dealId', '=', filter.dealId);
  const rows = await query
    .orderBy('testimonials.createdAt', 'desc')
    .orderBy('testimonials.id', 'desc')
    .execute();
  return rows.map(toTestimonial);
}

export async function getTestimonial(db: Kysely<Database>, id: string): Promise<Testimonial> {
  const row = await testimonialsQuery(db).where('testimonials.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Testimonial');
  return toTestimonial(row);
}

export async function setTestimonialFeatured(
  trx: Kysely<Database>,
  id: string,
  featured: boolean,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('testimonials')
    .set({ featured, updatedAt: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** What the public kit shows: featured testimonials the brand allowed, newest first. */
export async function listFeaturedTestimonials(db: Kysely<Database>) {
  return db
    .selectFrom('testimonials')
    .innerJoin('deals', 'deals.id', 'testimonials.dealId')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .select([
      'testimonials.quote',
      'testimonials.name',
      'testimonials.title',
      'brands.name as brandName',
    ])
    .where('testimonials.featured', '=', true)
    .where('testimonials.mayPublish', '=', true)
    .orderBy('testimonials.createdAt', 'desc')
    .limit(12)
    .execute();
}
