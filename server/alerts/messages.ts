import type { Kysely } from 'kysely';
import type { Platform } from '../../shared/schemas/deliverable';
import { PLATFORM_LABELS } from '../../shared/labels';
import type { AlertRule, AlertSubjectType, Database } from '../db/schema';
import { daysBetween, formatMoney, todayIn } from '../money';
import { yieldToEventLoop } from '../event-loop';
import type { DeliverableFacts } from './rules';
import { describeWhen } from './time';

/** What an alert is about, as people name it. */
export interface SubjectContext {
  subjectType: AlertSubjectType;
  id: string;
  title: string;
  brandName: string;
  platform?: string;
  /** The day the calendar should open on when the alert is followed. */
  calendarAt?: string | null;
  /** Where the web app shows the subject, e.g. `/?deliverable=…` or `/deals/…`. */
  href: string;
  /** Invoices: the due day and what is still owed, e.g. `$4,500.00`. */
  dueOn?: string;
  balanceText?: string;
  /** Invoices: the workspace's zone, where "overdue" and its day count are decided. */
  zone?: string;
}

/** "on YouTube", but "on the blog", and "on its platform" for `other`. */
export function platformName(platform: string | undefined): string {
  if (!platform || !(platform in PLATFORM_LABELS) || platform === 'other') return 'its platform';
  const label = PLATFORM_LABELS[platform as Platform];
  return ['blog', 'newsletter', 'podcast'].includes(platform)
    ? `the ${label.toLowerCase()}`
    : label;
}

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

/** Loads the context of brand subjects (follow-ups) in one query per 500. */
export async function loadBrandContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const contexts = new Map<string, SubjectContext>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('brands')
      .select(['id', 'name', 'nextFollowUpOn'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      contexts.set(row.id, {
        subjectType: 'brand',
        id: row.id,
        title: row.name,
        brandName: row.name,
        calendarAt: null,
        href: `/brands?brand=${encodeURIComponent(row.id)}`,
        dueOn: row.nextFollowUpOn === null ? undefined : String(row.nextFollowUpOn).slice(0, 10),
      });
    }
  }
  return contexts;
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
  const [deliverables, invoices, brands, deals] = await Promise.all([
    loadDeliverableContexts(db, idsOf('deliverable')),
    loadInvoiceContexts(db, idsOf('invoice')),
    loadBrandContexts(db, idsOf('brand')),
    loadDealContexts(db, idsOf('deal')),
  ]);
  return new Map([...fromRules, ...deliverables, ...invoices, ...brands, ...deals]);
}

// Made once: building a formatter costs far more than formatting with it.
const DAY_WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' });
const DAY_SHORT = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "today", "tomorrow", "on Friday, Nov 27": a due day said from the reader's today. */
export function describeDay(day: string, now: Date, timeZone: string): string {
  const days = daysBetween(todayIn(now, timeZone), day);
  const date = new Date(`${day}T12:00:00Z`);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 1 && days < 7) return `on ${DAY_WEEKDAY.format(date)}`;
  return `on ${DAY_SHORT.format(date)}`;
}

export interface RenderableAlert {
  rule: AlertRule;
  dueAt: string;
}

/** One line saying what is due and when, in the reader's time zone. */
export function renderAlertMessage(
  alert: RenderableAlert,
  subject: SubjectContext,
  now: Date,
  timeZone: string,
): string {
  const when = describeWhen(alert.dueAt, now, timeZone);
  const what = `“${subject.title}” for ${subject.brandName}`;
  switch (alert.rule) {
    case 'draft_due_soon':
      return `Draft due ${when}: ${what}`;
    case 'draft_overdue':
      return `Draft overdue: ${what} was due ${when}`;
    case 'publish_due_soon':
      return `Goes live on ${platformName(subject.platform)} ${when}: ${what}`;
    case 'publish_overdue':
      return `Not published yet: ${what} was due to go live on ${platformName(subject.platform)} ${when}`;
    // Invoices are due on days, and late by days, in the workspace's zone whoever reads it.
    case 'invoice_due_soon':
      return `${subject.title} for ${subject.brandName} (${subject.balanceText ?? 'unpaid'}) is due ${describeDay(
        subject.dueOn ?? alert.dueAt.slice(0, 10),
        now,
        subject.zone ?? timeZone,
      )}`;
    case 'invoice_overdue': {
      const zone = subject.zone ?? timeZone;
      const late = subject.dueOn ? Math.max(daysBetween(subject.dueOn, todayIn(now, zone)), 1) : 1;
      return `${subject.title} for ${subject.brandName} (${subject.balanceText ?? 'unpaid'}) is ${late} day${
        late === 1 ? '' : 's'
      } overdue — it was due ${describeDay(subject.dueOn ?? '', now, zone)}`;
    }
    // Follow-ups and usage rights are days, decided in the workspace's zone.
    case 'follow_up_due':
      return `Follow up with ${subject.brandName}: planned ${describeDay(
        subject.dueOn ?? alert.dueAt.slice(0, 10),
        now,
        subject.zone ?? timeZone,
      )}`;
    case 'usage_rights_ending':
      return `Usage rights for “${subject.title}” (${subject.brandName}) end ${describeDay(
        subject.dueOn ?? alert.dueAt.slice(0, 10),
        now,
        subject.zone ?? timeZone,
      )}: renew or take the content down`;
    case 'review_approved':
      return `${subject.brandName} approved ${what} ${when}`;
    case 'review_changes_requested':
      return `${subject.brandName} asked for changes to ${what} ${when}`;
    case 'ready_to_invoice':
      return `Ready to invoice: “${subject.title}” for ${subject.brandName} — a draft invoice is prepared for you to check and send`;
    case 'remittance_notice':
      return `${subject.brandName} says ${subject.title} is paid (${when}): confirm it as a payment when it arrives`;
  }
}

/** A short headline for e-mail subjects and chat messages. */
export function alertHeadline(rule: AlertRule): string {
  switch (rule) {
    case 'draft_due_soon':
      return 'Draft due soon';
    case 'draft_overdue':
      return 'Draft overdue';
    case 'publish_due_soon':
      return 'Go-live coming up';
    case 'publish_overdue':
      return 'Go-live missed';
    case 'invoice_due_soon':
      return 'Invoice due soon';
    case 'invoice_overdue':
      return 'Invoice overdue';
    case 'follow_up_due':
      return 'Follow-up due';
    case 'usage_rights_ending':
      return 'Usage rights ending';
    case 'review_approved':
      return 'Brand approved the draft';
    case 'review_changes_requested':
      return 'Brand asked for changes';
    case 'ready_to_invoice':
      return 'Ready to invoice';
    case 'remittance_notice':
      return 'Payer says it has paid';
  }
}
