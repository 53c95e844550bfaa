import type { Kysely } from 'kysely';
import type { AlertRule, AlertSubjectType, Database } from '../db/schema';
import { yieldToEventLoop } from '../event-loop';
import { startOfDay } from '../money';
import {
  DRAFT_PENDING_STATUSES,
  INVOICE_REMINDER_DAYS,
  invoiceOverdueMoment,
  PUBLISH_PENDING_STATUSES,
  USAGE_RIGHTS_DEAL_STATUSES,
  usageRightsEndMoment,
} from './rules';

const DRAFT_RULES: AlertRule[] = ['draft_due_soon', 'draft_overdue'];
const PUBLISH_RULES: AlertRule[] = ['publish_due_soon', 'publish_overdue'];
const SOON_RULES: AlertRule[] = ['draft_due_soon', 'publish_due_soon', 'invoice_due_soon'];

/** Open alerts are checked this many at a time, letting the API's requests in between. */
const RESOLVE_BATCH = 500;

/**
 * The ids of open (unresolved, unacknowledged) alerts about one kind of
 * subject, in batches, but for `fresh` ones: raised by this very run, from
 * what its rules just read, they cannot be stale yet (the next run checks them).
 */
async function openAlertIds(
  db: Kysely<Database>,
  subjectType: AlertSubjectType,
  fresh: ReadonlySet<string>,
): Promise<string[][]> {
  const rows = await db
    .selectFrom('alerts')
    .select('id')
    .where('resolvedAt', 'is', null)
    .where('acknowledgedAt', 'is', null)
    .where('subjectType', '=', subjectType)
    .execute();
  const ids = rows.map((r) => r.id).filter((id) => !fresh.has(id));
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += RESOLVE_BATCH) batches.push(ids.slice(i, i + RESOLVE_BATCH));
  return batches;
}

/** What has been sent (or paid) on each deal's invoices in its own currency. */
async function sentCentsOf(db: Kysely<Database>, dealIds: string[]): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  if (dealIds.length === 0) return sums;
  const rows = await db
    .selectFrom('invoices')
    .innerJoin('deals', 'deals.id', 'invoices.dealId')
    .select((eb) => [
      'invoices.dealId',
      eb.fn.sum<number | string>('invoices.amountCents').as('total'),
    ])
    .where('invoices.dealId', 'in', [...new Set(dealIds)])
    .whereRef('invoices.currency', '=', 'deals.currency')
    .where('invoices.status', 'in', ['sent', 'paid'])
    .groupBy('invoices.dealId')
    .execute();
  for (const row of rows) sums.set(row.dealId, Number(row.total));
  return sums;
}

/**
 * Marks open alerts that no longer matter as resolved and cancels their
 * pending deliveries: the deliverable was published, cancelled, handed in,
 * rescheduled (its due moment changed) or deleted; the invoice was paid,
 * voided or given another due day; or a "due soon" whose moment has passed
 * (the overdue rule takes over). Returns how many. Alerts in `fresh` (just
 * raised by the same run) are left for the next run.
 */
export async function resolveStaleAlerts(
  db: Kysely<Database>,
  now: Date,
  timeZone: string,
  fresh: ReadonlySet<string> = new Set(),
): Promise<number> {
  const nowIso = now.toISOString();
  const stale: string[] = [];
  for (const ids of await openAlertIds(db, 'deliverable', fresh)) {
    const open = await db
      .selectFrom('alerts')
      .leftJoin('deliverables', 'deliverables.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'deliverables.id as deliverableId',
        'deliverables.status',
        'deliverables.draftDueAt',
        'deliverables.publishAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'deliverable')
      .where('alerts.id', 'in', ids)
      .execute();

    const staleHere = open
      .filter((a) => {
        if (!a.deliverableId || !a.status) return true;
        const dueTime = Date.parse(a.dueAt);
        if (SOON_RULES.includes(a.rule) && dueTime <= now.getTime()) return true;
        if (DRAFT_RULES.includes(a.rule)) {
          return (
            !DRAFT_PENDING_STATUSES.includes(a.status) || Date.parse(a.draftDueAt ?? '') !== dueTime
          );
        }
        if (PUBLISH_RULES.includes(a.rule)) {
          return (
            !PUBLISH_PENDING_STATUSES.includes(a.status) ||
            Date.parse(a.publishAt ?? '') !== dueTime
          );
        }
        return false;
      })
      .map((a) => a.id);
    stale.push(...staleHere);
    await yieldToEventLoop();
  }

  // Invoices: paid, voided, back to draft, deleted, or given another due day.
  for (const ids of await openAlertIds(db, 'invoice', fresh)) {
    const openInvoiceAlerts = await db
      .selectFrom('alerts')
      .leftJoin('invoices', 'invoices.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'invoices.id as invoiceId',
        'invoices.status',
        'invoices.dueOn',
        'invoices.amountCents',
        'invoices.paidCents',
        'invoices.updatedAt',
        'alerts.createdAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'invoice')
      .where('alerts.id', 'in', ids)
      .execute();
    for (const a of openInvoiceAlerts) {
      const dueTime = Date.parse(a.dueAt);
      const gone =
        !a.invoiceId ||
        a.status !== 'sent' ||
        Number(a.paidCents) >= Number(a.amountCents) ||
        (a.rule === 'invoice_due_soon' && dueTime <= now.getTime());
      // Only an edit can move the due day; a workspace that changed its zone keeps its alerts.
      const moved =
        a.dueOn !== null &&
        a.updatedAt !== null &&
        a.updatedAt > a.createdAt &&
        !INVOICE_REMINDER_DAYS.some(
          (days) => Date.parse(invoiceOverdueMoment(a.dueOn!, timeZone, days)) === dueTime,
        );
      if (gone || moved) stale.push(a.id);
    }
    await yieldToEventLoop();
  }

  // Follow-ups: the brand was deleted, became inactive, or got another follow-up day (or none).
  for (const ids of await openAlertIds(db, 'brand', fresh)) {
    const openBrandAlerts = await db
      .selectFrom('alerts')
      .leftJoin('brands', 'brands.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.dueAt',
        'alerts.createdAt',
        'brands.id as brandId',
        'brands.stage',
        'brands.nextFollowUpOn',
        'brands.updatedAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'brand')
      .where('alerts.id', 'in', ids)
      .execute();
    for (const a of openBrandAlerts) {
      const gone = !a.brandId || a.stage === 'inactive' || a.nextFollowUpOn === null;
      const moved =
        !gone &&
        a.updatedAt !== null &&
        a.updatedAt > a.createdAt &&
        startOfDay(String(a.nextFollowUpOn).slice(0, 10), timeZone).toISOString() !==
          new Date(a.dueAt).toISOString();
      if (gone || moved) stale.push(a.id);
    }
    await yieldToEventLoop();
  }

  // Usage rights: the deal was deleted or cancelled, its end day changed, or the rights have ended.
  // Ready to invoice: the deal was deleted or cancelled, or invoices sent for it cover its fee.
  for (const ids of await openAlertIds(db, 'deal', fresh)) {
    const openDealAlerts = await db
      .selectFrom('alerts')
      .leftJoin('deals', 'deals.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'alerts.createdAt',
        'deals.id as dealId',
        'deals.status',
        'deals.usageRightsUntil',
        'deals.feeCents',
        'deals.updatedAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'deal')
      .where('alerts.id', 'in', ids)
      .execute();
    const sent = await sentCentsOf(
      db,
      openDealAlerts.filter((a) => a.rule === 'ready_to_invoice' && a.dealId).map((a) => a.dealId!),
    );
    for (const a of openDealAlerts) {
      if (a.rule === 'ready_to_invoice') {
        if (
          !a.dealId ||
          a.status === 'cancelled' ||
          (sent.get(a.dealId) ?? 0) >= Number(a.feeCents)
        ) {
          stale.push(a.id);
        }
        continue;
      }
      const dueTime = Date.parse(a.dueAt);
      const gone =
        !a.dealId ||
        a.usageRightsUntil === null ||
        !(USAGE_RIGHTS_DEAL_STATUSES as readonly string[]).includes(a.status ?? '') ||
        dueTime <= now.getTime();
      const moved =
        !gone &&
        a.updatedAt !== null &&
        a.updatedAt > a.createdAt &&
        Date.parse(usageRightsEndMoment(String(a.usageRightsUntil).slice(0, 10), timeZone)) !==
          dueTime;
      if (gone || moved) stale.push(a.id);
    }
    await yieldToEventLoop();
  }

  for (let i = 0; i < stale.length; i += 500) {
    const ids = stale.slice(i, i + 500);
    await yieldToEventLoop();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('alerts')
        .set({ resolvedAt: nowIso })
        .where('id', 'in', ids)
        .where('resolvedAt', 'is', null)
        .execute();
      await trx
        .updateTable('deliveries')
        .set({ status: 'cancelled', lastError: 'The alert no longer applies' })
        .where('alertId', 'in', ids)
        .where('status', '=', 'pending')
        .execute();
    });
  }
  return stale.length;
}
