import type { Kysely } from 'kysely';
import type { AlertRule, AlertSubjectType, Database } from '../db/schema';
import { formatMoney } from '../../shared/currency';
import { yieldToEventLoop } from '../event-loop';
import { alertRule } from './rules';
import type { DeliverableFacts, RenderableAlert, SubjectContext } from './rules/rule';

/** Subjects read per query: a short block of the event loop the scan shares with the API. */
const CONTEXT_BATCH = 100;

/** Loads the context of deliverable subjects in one query. */
export async function loadDeliverableContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const contexts = new Map<string, SubjectContext>();
  for (let i = 0; i < ids.length; i += CONTEXT_BATCH) {
    // Requests get in between batches (better-sqlite3 blocks while a query runs).
    await yieldToEventLoop();
    const rows = await db
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
      .where('deliverables.id', 'in', ids.slice(i, i + CONTEXT_BATCH))
      .execute();
    for (const row of rows) contexts.set(row.id, deliverableContext(row.id, row, row.brandName));
  }
  return contexts;
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

/** The names of these brands, 500 per query. */
async function brandNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('brands')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

/** Loads the context of invoice subjects in one query per 500. */
export async function loadInvoiceContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const contexts = new Map<string, SubjectContext>();
  if (ids.length === 0) return contexts;
  const workspace = await db
    .selectFrom('workspaceSettings')
    .select('timeZone')
    .where('id', '=', 1)
    .executeTakeFirst();
  for (let i = 0; i < ids.length; i += CONTEXT_BATCH) {
    await yieldToEventLoop();
    const rows = await db
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
      .where('invoices.id', 'in', ids.slice(i, i + CONTEXT_BATCH))
      .execute();
    for (const row of rows) {
      contexts.set(row.id, {
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
        zone: workspace?.timeZone ?? 'UTC',
      });
    }
  }
  return contexts;
}

/** Reads rows for `ids` in queries of at most 500 ids each (the engines' parameter limits). */
async function inBatches<T>(ids: string[], read: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await read(ids.slice(i, i + 500))));
  return rows;
}

/** Loads the context of brand subjects (follow-ups) in one query per 500. */
export async function loadBrandContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const rows = await inBatches(ids, (batch) =>
    db
      .selectFrom('brands')
      .select(['id', 'name', 'nextFollowUpOn'])
      .where('id', 'in', batch)
      .execute(),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        subjectType: 'brand',
        id: row.id,
        title: row.name,
        brandName: row.name,
        calendarAt: null,
        href: `/brands?brand=${encodeURIComponent(row.id)}`,
        dueOn: row.nextFollowUpOn === null ? undefined : String(row.nextFollowUpOn).slice(0, 10),
      },
    ]),
  );
}

/** Loads the context of deal subjects (usage rights) in one query per 500. */
export async function loadDealContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const contexts = new Map<string, SubjectContext>();
  if (ids.length === 0) return contexts;
  const workspace = await db
    .selectFrom('workspaceSettings')
    .select('timeZone')
    .where('id', '=', 1)
    .executeTakeFirst();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('deals')
      .innerJoin('brands', 'brands.id', 'deals.brandId')
      .select(['deals.id', 'deals.title', 'deals.usageRightsUntil', 'brands.name as brandName'])
      .where('deals.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      contexts.set(row.id, {
        subjectType: 'deal',
        id: row.id,
        title: row.title,
        brandName: row.brandName,
        calendarAt: null,
        href: `/deals/${encodeURIComponent(row.id)}`,
        dueOn:
          row.usageRightsUntil === null ? undefined : String(row.usageRightsUntil).slice(0, 10),
        zone: workspace?.timeZone ?? 'UTC',
      });
    }
  }
  return contexts;
}

/** Loads the context of brand requests (request received) in one query per 500. */
export async function loadRequestContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const rows = await inBatches(ids, (batch) =>
    db
      .selectFrom('brandRequests')
      .select(['id', 'company', 'name'])
      .where('id', 'in', batch)
      .execute(),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        subjectType: 'request',
        id: row.id,
        title: `Request from ${row.name}`,
        brandName: row.company,
        calendarAt: null,
        href: `/requests?request=${encodeURIComponent(row.id)}`,
      },
    ]),
  );
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
