import type { Kysely } from 'kysely';
import type { PaymentTrigger } from '../../../shared/schemas/billing';
import type { DeliverableStatus } from '../../../shared/schemas/deliverable';
import { addDays, startOfDay, todayIn } from '../../../shared/days';
import { inChunks } from '../in-chunks';
import type { Database } from '../schema';

/** What a deal's payment clock reads of the deal itself. */
export interface ClockDeal {
  id: string;
  paymentTrigger: PaymentTrigger;
  paymentTermsDays: number | null;
  contractSignedOn: string | null;
}

/** The workspace's zone (days are decided in it) and its default terms. */
export interface ClockWorkspace {
  timeZone: string;
  defaultPaymentTermsDays: number;
}

/** When a deal's trigger fired: the day (workspace zone) and, for alerts, the moment. */
export interface TriggerFired {
  day: string;
  at: string;
}

/** A draft counts as approved in these statuses: approval, and everything after it. */
const APPROVED_OR_LATER: readonly DeliverableStatus[] = ['approved', 'scheduled', 'published'];

/** The workspace's zone and default terms (UTC and 30 days before the settings row exists). */
export async function readClockWorkspace(db: Kysely<Database>): Promise<ClockWorkspace> {
  const row = await db
    .selectFrom('workspaceSettings')
    .select(['timeZone', 'defaultPaymentTermsDays'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return {
    timeZone: row?.timeZone ?? 'UTC',
    defaultPaymentTermsDays: row?.defaultPaymentTermsDays ?? 30,
  };
}

/** The latest of two ISO instants (either may be missing). */
const later = (a: string | undefined, b: string): string => (a !== undefined && a > b ? a : b);

/**
 * When each deal's trigger fired, for deals whose clock starts at a fact of
 * the deal (not `invoice_issued`); deals whose trigger has not fired are left
 * out. What each trigger reads:
 *
 * - `contract_signed`: the deal's `contractSignedOn`, once that day has come.
 * - `draft_approved`: every deliverable that is not cancelled (at least one)
 *   is approved or past it (approved, scheduled, published) **and** carries
 *   the brand's approving decision on a review link; the day is the latest of
 *   those decisions (`review_links.decided_at`). A review decision is the
 *   only dated record of an approval: a status set by hand says that, not when.
 * - `last_published`: every deliverable that is not cancelled (at least one)
 *   is published with its go-live moment (`publish_at`); the day is the latest
 *   go-live. A published deliverable without one has no day, so the clock waits.
 *
 * Reads in batches: a few queries for any number of deals.
 */
export async function loadTriggerFired(
  db: Kysely<Database>,
  deals: readonly ClockDeal[],
  workspace: ClockWorkspace,
  now: Date,
): Promise<Map<string, TriggerFired>> {
  const zone = workspace.timeZone;
  const today = todayIn(now, zone);
  const fired = new Map<string, TriggerFired>();
  for (const deal of deals) {
    if (
      deal.paymentTrigger === 'contract_signed' &&
      deal.contractSignedOn !== null &&
      deal.contractSignedOn <= today
    ) {
      const day = String(deal.contractSignedOn).slice(0, 10);
      fired.set(deal.id, { day, at: startOfDay(day, zone).toISOString() });
    }
  }

  const byWork = deals.filter(
    (d) => d.paymentTrigger === 'draft_approved' || d.paymentTrigger === 'last_published',
  );
  if (byWork.length === 0) return fired;
  const trigger = new Map(byWork.map((d) => [d.id, d.paymentTrigger]));

  const deliverables = await inChunks(
    byWork.map((d) => d.id),
    (ids) =>
      db
        .selectFrom('deliverables')
        .select(['id', 'dealId', 'status', 'publishAt'])
        .where('dealId', 'in', ids)
        .where('status', '!=', 'cancelled')
        .execute(),
  );
  const approvalWanted = deliverables
    .filter((d) => trigger.get(d.dealId) === 'draft_approved')
    .map((d) => d.id);
  const approvals = await inChunks(approvalWanted, (ids) =>
    db
      .selectFrom('reviewLinks')
      .select((eb) => ['deliverableId', eb.fn.max('decidedAt').as('approvedAt')])
      .where('deliverableId', 'in', ids)
      .where('decision', '=', 'approve')
      .where('decidedAt', 'is not', null)
      .groupBy('deliverableId')
      .execute(),
  );
  const approvedAt = new Map<string, string>();
  for (const row of approvals) {
    if (row.approvedAt !== null) approvedAt.set(row.deliverableId, String(row.approvedAt));
  }

  // Per deal: the latest dated moment so far, or null once one deliverable has none.
  const latest = new Map<string, string | null>();
  for (const d of deliverables) {
    if (latest.get(d.dealId) === null) continue;
    const moment =
      trigger.get(d.dealId) === 'draft_approved'
        ? APPROVED_OR_LATER.includes(d.status)
          ? approvedAt.get(d.id)
          : undefined
        : d.status === 'published'
          ? (d.publishAt ?? undefined)
          : undefined;
    latest.set(
      d.dealId,
      moment === undefined ? null : later(latest.get(d.dealId) ?? undefined, moment),
    );
  }
  for (const [dealId, at] of latest) {
    if (at !== null)
      fired.set(dealId, { day: todayIn(new Date(at), zone), at: new Date(at).toISOString() });
  }
  return fired;
}

/**
 * The earliest due day of each deal's unpaid invoices (not void, not fully
 * paid, drafts included: they are what will be sent), in chunked `in` queries.
 */
async function loadEarliestUnpaidDue(
  db: Kysely<Database>,
  dealIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks(dealIds, (ids) =>
    db
      .selectFrom('invoices')
      .select((eb) => ['dealId', eb.fn.min('dueOn').as('dueOn')])
      .where('dealId', 'in', ids)
      .where('status', 'in', ['draft', 'sent'])
      .whereRef('paidCents', '<', 'amountCents')
      .groupBy('dealId')
      .execute(),
  );
  const due = new Map<string, string>();
  for (const row of rows) {
    if (row.dueOn !== null) due.set(row.dealId, String(row.dueOn).slice(0, 10));
  }
  return due;
}

/** The deal's own terms, else the workspace's. */
export function termsOf(
  deal: Pick<ClockDeal, 'paymentTermsDays'>,
  workspace: ClockWorkspace,
): number {
  return deal.paymentTermsDays ?? workspace.defaultPaymentTermsDays;
}

/**
 * Each deal's `expectedPayOn`: for `invoice_issued`, the earliest unpaid
 * invoice's due day (its terms are already in it); otherwise the day the
 * trigger fired plus the terms. Null while the trigger has not fired.
 */
export async function loadExpectedPayOn(
  db: Kysely<Database>,
  deals: readonly ClockDeal[],
  now: Date,
): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (deals.length === 0) return result;
  const workspace = await readClockWorkspace(db);
  const byInvoice = deals.filter((d) => d.paymentTrigger === 'invoice_issued').map((d) => d.id);
  const [dueOn, fired] = await Promise.all([
    byInvoice.length > 0 ? loadEarliestUnpaidDue(db, byInvoice) : new Map<string, string>(),
    loadTriggerFired(db, deals, workspace, now),
  ]);
  for (const deal of deals) {
    if (deal.paymentTrigger === 'invoice_issued') {
      result.set(deal.id, dueOn.get(deal.id) ?? null);
    } else {
      const day = fired.get(deal.id)?.day;
      result.set(deal.id, day === undefined ? null : addDays(day, termsOf(deal, workspace)));
    }
  }
  return result;
}
