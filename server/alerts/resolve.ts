import type { Kysely } from 'kysely';
import type { AlertRule, Database } from '../db/schema';
import {
  DRAFT_PENDING_STATUSES,
  INVOICE_REMINDER_DAYS,
  invoiceOverdueMoment,
  PUBLISH_PENDING_STATUSES,
} from './rules';

const DRAFT_RULES: AlertRule[] = ['draft_due_soon', 'draft_overdue'];
const PUBLISH_RULES: AlertRule[] = ['publish_due_soon', 'publish_overdue'];
const SOON_RULES: AlertRule[] = ['draft_due_soon', 'publish_due_soon', 'invoice_due_soon'];

/**
 * Marks open alerts that no longer matter as resolved and cancels their
 * pending deliveries: the deliverable was published, cancelled, handed in,
 * rescheduled (its due moment changed) or deleted; the invoice was paid,
 * voided or given another due day; or a "due soon" whose moment has passed
 * (the overdue rule takes over). Returns how many.
 */
export async function resolveStaleAlerts(db: Kysely<Database>, now: Date, timeZone: string): Promise<number> {
  const nowIso = now.toISOString();
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
    .execute();

  const stale = open
    .filter((a) => {
      if (!a.deliverableId || !a.status) return true;
      const dueTime = Date.parse(a.dueAt);
      if (SOON_RULES.includes(a.rule) && dueTime <= now.getTime()) return true;
      if (DRAFT_RULES.includes(a.rule)) {
        return !DRAFT_PENDING_STATUSES.includes(a.status) || Date.parse(a.draftDueAt ?? '') !== dueTime;
      }
      if (PUBLISH_RULES.includes(a.rule)) {
        return !PUBLISH_PENDING_STATUSES.includes(a.status) || Date.parse(a.publishAt ?? '') !== dueTime;
      }
      return false;
    })
    .map((a) => a.id);

  // Invoices: paid, voided, back to draft, deleted, or given another due day.
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
      !INVOICE_REMINDER_DAYS.some((days) => Date.parse(invoiceOverdueMoment(a.dueOn!, timeZone, days)) === dueTime);
    if (gone || moved) stale.push(a.id);
  }

  for (let i = 0; i < stale.length; i += 500) {
    const ids = stale.slice(i, i + 500);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('alerts').set({ resolvedAt: nowIso }).where('id', 'in', ids).where('resolvedAt', 'is', null).execute();
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
