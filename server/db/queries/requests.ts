import type { Insertable, Kysely, Selectable } from 'kysely';
import {
  REQUEST_STATUSES,
  requestedItemSchema,
  type BrandRequest,
  type BrandRequestDetail,
  type RequestList,
  type RequestStatus,
  type RequestedItem,
} from '../../../shared/schemas/request';
import { AppError, notFound } from '../../errors';
import type { BrandRequestsTable, Database } from '../schema';

type RequestRow = Selectable<BrandRequestsTable> & { decidedByName: string | null };

/** The most requests one inbox page lists (newest first). */
export const REQUEST_LIST_LIMIT = 200;

function parseItems(json: string): RequestedItem[] {
  try {
    return requestedItemSchema.array().safeParse(JSON.parse(json)).data ?? [];
  } catch {
    return [];
  }
}

const day = (value: string | null) => (value === null ? null : String(value).slice(0, 10));
const cents = (value: number | null) => (value === null ? null : Number(value));
const instant = (value: string | null) => (value === null ? null : new Date(value).toISOString());

function toBrandRequest(row: RequestRow): BrandRequest {
  return {
    id: row.id,
    status: row.status,
    company: row.company,
    name: row.name,
    email: row.email,
    website: row.website,
    items: parseItems(row.items),
    want: row.want,
    budgetCents: cents(row.budgetCents),
    budgetMaxCents: cents(row.budgetMaxCents),
    currency: row.currency,
    datesFrom: day(row.datesFrom),
    datesTo: day(row.datesTo),
    usageRights: row.usageRights,
    exclusivity: row.exclusivity,
    message: row.message,
    createdAt: instant(row.createdAt)!,
    decidedAt: instant(row.decidedAt),
    decidedBy: row.decidedBy === null ? null : { id: row.decidedBy, name: row.decidedByName ?? '' },
    brandId: row.brandId,
    dealId: row.dealId,
  };
}

function selectRequests(db: Kysely<Database>) {
  return db
    .selectFrom('brandRequests')
    .leftJoin('users', 'users.id', 'brandRequests.decidedBy')
    .selectAll('brandRequests')
    .select('users.name as decidedByName');
}

export interface RequestListFilter {
  state?: RequestStatus;
  dealId?: string;
}

/** One status's requests (default: new), newest first, with how many there are of each status. */
export async function listRequests(
  db: Kysely<Database>,
  filter: RequestListFilter,
): Promise<RequestList> {
  let query = selectRequests(db);
  if (filter.dealId !== undefined) query = query.where('brandRequests.dealId', '=', filter.dealId);
  else query = query.where('brandRequests.status', '=', filter.state ?? 'new');
  const rows = await query
    .orderBy('brandRequests.createdAt', 'desc')
    .orderBy('brandRequests.id', 'desc')
    .limit(REQUEST_LIST_LIMIT)
    .execute();
  const grouped = await db
    .selectFrom('brandRequests')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as RequestList['counts'];
  for (const row of grouped) counts[row.status] = Number(row.count);
  return { items: rows.map(toBrandRequest), counts };
}

export async function getRequest(db: Kysely<Database>, id: string): Promise<BrandRequest> {
  const row = await selectRequests(db).where('brandRequests.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Request');
  return toBrandRequest(row);
}

/** Mail providers whose domain says nothing about the company behind an address. */
const PERSONAL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'web.de',
]);

const hostOf = (url: string | null): string | null => {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
};

/**
 * The known brand a request seems to come from: one with a contact at the
 * sender's e-mail domain or a website on it, else one of the same name
 * (case-insensitive). A suggestion for the team, never applied on its own.
 */
export async function suggestBrand(
  db: Kysely<Database>,
  request: Pick<BrandRequest, 'email' | 'company'>,
): Promise<BrandRequestDetail['suggestedBrand']> {
  const domain = request.email.split('@')[1]?.toLowerCase() ?? '';
  if (domain !== '' && !PERSONAL_DOMAINS.has(domain)) {
    const byContact = await db
      .selectFrom('brandContacts')
      .innerJoin('brands', 'brands.id', 'brandContacts.brandId')
      .select(['brands.id', 'brands.name'])
      .where('brandContacts.email', 'like', `%@${domain.replace(/[%_\\]/g, '')}`)
      .orderBy('brands.createdAt')
      .executeTakeFirst();
    if (byContact) return { ...byContact, matchedBy: 'email_domain' };
    const withSites = await db
      .selectFrom('brands')
      .select(['id', 'name', 'website'])
      .where('website', 'is not', null)
      .orderBy('createdAt')
      .execute();
    const bySite = withSites.find((b) => hostOf(b.website) === domain);
    if (bySite) return { id: bySite.id, name: bySite.name, matchedBy: 'email_domain' };
  }
  const byName = await db
    .selectFrom('brands')
    .select(['id', 'name'])
    .where((eb) => eb(eb.fn('lower', ['name']), '=', request.company.trim().toLowerCase()))
    .orderBy('createdAt')
    .executeTakeFirst();
  return byName ? { ...byName, matchedBy: 'name' } : null;
}

export async function insertRequest(
  db: Kysely<Database>,
  values: Insertable<BrandRequestsTable>,
): Promise<void> {
  await db.insertInto('brandRequests').values(values).execute();
}

export async function isBlockedSender(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('blockedSenders')
    .select('email')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function blockSender(db: Kysely<Database>, email: string, now: Date): Promise<void> {
  await db
    .insertInto('blockedSenders')
    .values({ email: email.toLowerCase(), createdAt: now.toISOString() })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}

export interface RequestDecision {
  status: Exclude<RequestStatus, 'new'>;
  by: string;
  brandId?: string;
  dealId?: string;
}

/**
 * Records the decision on a request that is still new; 409 when someone
 * decided on it first (the update is conditional, so two at once cannot both win).
 */
export async function decideRequest(
  db: Kysely<Database>,
  id: string,
  { status, by, brandId, dealId }: RequestDecision,
  now: Date,
): Promise<void> {
  const result = await db
    .updateTable('brandRequests')
    .set({
      status,
      decidedAt: now.toISOString(),
      decidedBy: by,
      brandId: brandId ?? null,
      dealId: dealId ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'new')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    await getRequest(db, id);
    throw alreadyDecided();
  }
}

export const alreadyDecided = () =>
  new AppError(409, 'conflict', 'This request has already been decided.');
