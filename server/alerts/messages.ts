import type { Kysely } from 'kysely';
import type { AlertRule, AlertSubjectType, Database } from '../db/schema';
import { formatMoney } from '../../shared/currency';
import { inChunks } from '../db/in-chunks';
import { yieldToEventLoop } from '../event-loop';
import { alertRule } from './rules';
import type { DeliverableFacts, RenderableAlert, SubjectContext } from './rules/rule';

/** Subjects read per query: a short block of the event loop the scan shares with the API. */
const CONTEXT_BATCH = 100;

/** Reads rows for `ids`, `CONTEXT_BATCH` per query, letting requests in before each query. */
function inContextBatches<R>(ids: string[], read: (batch: string[]) => Promise<R[]>): Promise<R[]> {
  return inChunks(
    ids,
    async (batch) => {
      // better-sqlite3 blocks while a query runs: requests get in between batches.
      await yieldToEventLoop();
      return read(batch);
    },
    CONTEXT_BATCH,
  );
}

/** Loads the context of deliverable subjects, `CONTEXT_BATCH` per query. */
export async function loadDeliverableContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const rows = await inContextBatches(ids, (batch) =>
    db
      .selectFrom('deliverables')
      .innerJoin('brands', 'brands.id', 'deliverables.brandId')
      .select([
        'deliverables.id',
        'deliverables.title',
        'deliverables.platform',
        'deliverables.publishAt',
        'deliverables.draftDueAt',
        'brands.name as brandName',
      ])
      .where('deliverables.id', 'in', batch)
      .execute(),
  );
  return byId(rows, (row) => deliverableContext(row.id, row, row.brandName));
}

function deliverableContext(
  id: string,
  facts: Pick<DeliverableFacts, 'title' | 'platform' | 'publishAt' | 'draftDueAt'>,
  brandName: string,
): SubjectContext {
  return {
    subjectType: 'deliverable',
    id,
    title: facts.title,
    brandName,
    platform: facts.platform,
    calendarAt: facts.publishAt ?? facts.draftDueAt,
    href: `/?deliverable=${encodeURIComponent(id)}`,
  };
}

/** Each row's context, by the row's id. */
function byId<R extends { id: string }>(
  rows: R[],
  contextOf: (row: R) => SubjectContext,
): Map<string, SubjectContext> {
  return new Map(rows.map((row) => [row.id, contextOf(row)]));
}

/**
 * `byId` for subjects whose due day is read in the workspace's zone (UTC
 * before its settings are saved); the zone is read only when there are rows.
 */
async function byIdInZone<R extends { id: string }>(
  db: Kysely<Database>,
  rows: R[],
  contextOf: (row: R, zone: string) => SubjectContext,
): Promise<Map<string, SubjectContext>> {
  if (rows.length === 0) return new Map();
  const workspace = await db
    .selectFrom('workspaceSettings')
    .select('timeZone')
    .where('id', '=', 1)
    .executeTakeFirst();
  const zone = workspace?.timeZone ?? 'UTC';
  return byId(rows, (row) => contextOf(row, zone));
}

/** `YYYY-MM-DD` of a date column (a PostgreSQL date may read as a longer string). */
const dayOf = (value: string | null) => (value === null ? undefined : String(value).slice(0, 10));

/** The names of these brands, in chunked `in` queries. */
async function brandNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const rows = await inChunks(ids, (chunk) =>
    db.selectFrom('brands').select(['id', 'name']).where('id', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Loads the context of invoice subjects, `CONTEXT_BATCH` per query. */
export async function loadInvoiceContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const rows = await inContextBatches(ids, (batch) =>
    db
      .selectFrom('invoices')
      .innerJoin('deals', 'deals.id', 'invoices.dealId')
      .innerJoin('brands', 'brands.id', 'deals.brandId')
      .select([
        'invoices.id',
        'invoices.number',
        'invoices.dueOn',
        'invoices.amountCents',
        'invoices.paidCents',
        'invoices.currency',
        'deals.id as dealId',
        'brands.name as brandName',
      ])
      .where('invoices.id', 'in', batch)
      .execute(),
  );
  return byIdInZone(db, rows, (row, zone) => ({
    subjectType: 'invoice',
    id: row.id,
    title: `Invoice ${row.number}`,
    brandName: row.brandName,
    calendarAt: null,
    // The deal page scrolls to and highlights the invoice named in the fragment.
    href: `/deals/${encodeURIComponent(row.dealId)}#invoice-${encodeURIComponent(row.id)}`,
    dueOn: row.dueOn,
    balanceText: formatMoney(
      Math.max(Number(row.amountCents) - Number(row.paidCents), 0),
      row.currency,
    ),
    zone,
  }));
}

/** Loads the context of brand subjects (follow-ups), in chunked `in` queries. */
export async function loadBrandContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('brands')
      .select(['id', 'name', 'nextFollowUpOn'])
      .where('id', 'in', chunk)
      .execute(),
  );
  return byId(rows, (row) => ({
    subjectType: 'brand',
    id: row.id,
    title: row.name,
    brandName: row.name,
    calendarAt: null,
    href: `/brands?brand=${encodeURIComponent(row.id)}`,
    dueOn: dayOf(row.nextFollowUpOn),
  }));
}

/** Loads the context of deal subjects (usage rights), in chunked `in` queries. */
export async function loadDealContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('deals')
      .innerJoin('brands', 'brands.id', 'deals.brandId')
      .select(['deals.id', 'deals.title', 'deals.usageRightsUntil', 'brands.name as brandName'])
      .where('deals.id', 'in', chunk)
      .execute(),
  );
  return byIdInZone(db, rows, (row, zone) => ({
    subjectType: 'deal',
    id: row.id,
    title: row.title,
    brandName: row.brandName,
    calendarAt: null,
    href: `/deals/${encodeURIComponent(row.id)}`,
    dueOn: dayOf(row.usageRightsUntil),
    zone,
  }));
}

/** Loads the context of brand requests (request received), in chunked `in` queries. */
export async function loadRequestContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('brandRequests')
      .select(['id', 'company', 'name'])
      .where('id', 'in', chunk)
      .execute(),
  );
  return byId(rows, (row) => ({
    subjectType: 'request',
    id: row.id,
    title: `Request from ${row.name}`,
    brandName: row.company,
    calendarAt: null,
    href: `/requests?request=${encodeURIComponent(row.id)}`,
  }));
}

/** Every subject the alerts name, by id, whatever their type. */
export async function loadSubjectContexts(
  db: Kysely<Database>,
  subjects: Array<{
    subjectType: AlertSubjectType;
    subjectId: string;
    deliverable?: DeliverableFacts;
  }>,
): Promise<Map<string, SubjectContext>> {
  // Deliverables whose rule read what the message names need only their brand's name.
  const read = new Map<string, DeliverableFacts>();
  for (const s of subjects)
    if (s.subjectType === 'deliverable' && s.deliverable) read.set(s.subjectId, s.deliverable);
  const names = await brandNames(db, [...new Set([...read.values()].map((f) => f.brandId))]);
  const fromRules = new Map<string, SubjectContext>();
  for (const [id, facts] of read) {
    const brandName = names.get(facts.brandId);
    if (brandName !== undefined) fromRules.set(id, deliverableContext(id, facts, brandName));
  }
  const idsOf = (type: AlertSubjectType) => [
    ...new Set(
      subjects
        .filter((s) => s.subjectType === type && !fromRules.has(s.subjectId))
        .map((s) => s.subjectId),
    ),
  ];
  const [deliverables, invoices, brands, deals, requests] = await Promise.all([
    loadDeliverableContexts(db, idsOf('deliverable')),
    loadInvoiceContexts(db, idsOf('invoice')),
    loadBrandContexts(db, idsOf('brand')),
    loadDealContexts(db, idsOf('deal')),
    loadRequestContexts(db, idsOf('request')),
  ]);
  return new Map([...fromRules, ...deliverables, ...invoices, ...brands, ...deals, ...requests]);
}

/** One line saying what is due and when, in the reader's time zone (the rule words it). */
export function renderAlertMessage(
  alert: RenderableAlert,
  subject: SubjectContext,
  now: Date,
  timeZone: string,
): string {
  return alertRule(alert.rule).message(alert, subject, now, timeZone);
}

/** A short headline for e-mail subjects and chat messages. */
export function alertHeadline(rule: AlertRule): string {
  return alertRule(rule).headline;
}
