import type { Kysely } from 'kysely';
import { isUniqueViolation, lockTransaction } from '../../db/dialect';
import { insertInvoice, type InvoiceCreateInput } from '../../db/queries/invoices';
import {
  loadTriggerFired,
  termsOf,
  type ClockDeal,
  type ClockWorkspace,
} from '../../db/queries/payment-clock';
import type { Database } from '../../db/schema';
import { yieldToEventLoop } from '../../event-loop';
import { addDays, todayIn } from '../../../shared/days';
import { findDealsChangedSince, noDealAlertYet } from './deal-changes';
import type { AlertRuleModule, DueAlert, RaiseInTransaction, RuleWindow } from './rule';

/**
 * `ready_to_invoice`: a deal whose payment clock started at a fact of the deal
 * (contract signed, drafts approved, last post published; see
 * `loadTriggerFired` for what each reads) while its invoices (not void, in its
 * currency) do not add up to its fee. The team is told once, and a draft
 * invoice for what is left is prepared with it, never sent.
 */

/** A deal the rule found ready: its alert, and what its draft invoice needs. */
interface ReadyToInvoice {
  alert: DueAlert;
  dealId: string;
  title: string;
  currency: string;
  feeCents: number;
  paymentTermsDays: number;
}

/** Deals the rule may fire for: a fee, a clock that is not the invoice's own, not cancelled. */
const CANDIDATE_STATUSES = [
  'pitched',
  'negotiating',
  'contracted',
  'in_progress',
  'delivered',
  'completed',
] as const;

/** What the deal's invoices that count (not void, in its currency) add up to. */
async function invoicedCents(db: Kysely<Database>, dealId: string, currency: string) {
  const row = await db
    .selectFrom('invoices')
    .select((eb) => eb.fn.sum<number | string | null>('amountCents').as('total'))
    .where('dealId', '=', dealId)
    .where('currency', '=', currency)
    .where('status', '!=', 'void')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Deals checked per query: well inside either engine's parameter limit. */
const BATCH = 500;

/**
 * The deals that may have become ready in the window: those whose contract
 * day began in it (`contract_signed`), and those changed since — the deal,
 * its deliverables (a review decision moves its deliverable too) or its
 * invoices (`findDealsChangedSince`). After the workspace settings changed
 * (its zone decides the day), every deal: `undefined`.
 */
async function findCandidateDeals(
  db: Kysely<Database>,
  { now, since, settings }: RuleWindow,
): Promise<string[] | undefined> {
  if (Date.parse(settings.updatedAt) > since.getTime()) return undefined;
  const zone = settings.timeZone;
  const ids = await findDealsChangedSince(db, since, { invoices: true });
  const signed = await db
    .selectFrom('deals')
    .select('id')
    .where('contractSignedOn', '>=', addDays(todayIn(since, zone), -1))
    .where('contractSignedOn', '<=', todayIn(now, zone))
    .where('paymentTrigger', '=', 'contract_signed')
    .execute();
  for (const row of signed) ids.add(row.id);
  return [...ids].sort();
}

/**
 * Of `dealIds` (every deal when undefined), those ready to invoice at `now`.
 * One alert per deal, ever: a deal that already has one is not read again,
 * so a draft the team deleted is not prepared a second time. The due moment
 * is when the trigger fired.
 */
async function findDealsReadyToInvoice(
  db: Kysely<Database>,
  workspace: ClockWorkspace,
  now: Date,
  dealIds: string[] | undefined,
): Promise<ReadyToInvoice[]> {
  let candidates = db
    .selectFrom('deals')
    .select([
      'deals.id',
      'deals.title',
      'deals.currency',
      'deals.feeCents',
      'deals.contractSignedOn',
      'deals.paymentTrigger',
      'deals.paymentTermsDays',
    ])
    .select((eb) =>
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
    )
    .where('deals.paymentTrigger', '!=', 'invoice_issued')
    .where('deals.status', 'in', [...CANDIDATE_STATUSES])
    .where('deals.feeCents', '>', 0)
    .where(noDealAlertYet('ready_to_invoice'));
  if (dealIds) candidates = candidates.where('deals.id', 'in', dealIds);
  const deals = await candidates.execute();
  const uncovered = deals.filter((d) => Number(d.invoicedCents ?? 0) < Number(d.feeCents));
  if (uncovered.length === 0) return [];
  const clocks: ClockDeal[] = uncovered.map((d) => ({
    id: d.id,
    paymentTrigger: d.paymentTrigger,
    paymentTermsDays: d.paymentTermsDays === null ? null : Number(d.paymentTermsDays),
    contractSignedOn: d.contractSignedOn,
  }));
  const fired = await loadTriggerFired(db, clocks, workspace, now);
  const ready: ReadyToInvoice[] = [];
  for (const [i, deal] of uncovered.entries()) {
    const when = fired.get(deal.id);
    if (!when) continue;
    ready.push({
      alert: {
        rule: 'ready_to_invoice',
        subjectType: 'deal',
        subjectId: deal.id,
        dueAt: when.at,
        severity: 'info',
        assigneeId: null,
      },
      dealId: deal.id,
      title: deal.title,
      currency: deal.currency,
      feeCents: Number(deal.feeCents),
      paymentTermsDays: termsOf(clocks[i]!, workspace),
    });
  }
  return ready;
}

/**
 * The draft invoice for what is left of a deal's fee: one line, the deal's title, in its
 * currency and terms. Built as `invoiceCreateSchema` would leave it, from values checked when
 * the deal was written (a non-blank title, whole cents, its terms), not parsed: the alert
 * scan's process loads no zod (the test parses it with the schema).
 */
export function draftInvoiceOf(
  deal: Pick<ReadyToInvoice, 'dealId' | 'title' | 'currency' | 'paymentTermsDays'>,
  remainingCents: number,
  today: string,
): InvoiceCreateInput {
  return {
    dealId: deal.dealId,
    lines: [{ description: deal.title, quantity: 1, unitCents: remainingCents }],
    currency: deal.currency,
    issuedOn: today,
    paymentTermsDays: deal.paymentTermsDays,
    status: 'draft',
  };
}

/** Attempts per deal when an invoice created elsewhere at the same moment took the number. */
const ATTEMPTS = 3;

/**
 * Raises each deal's alert and prepares its draft in one transaction per
 * deal: the draft is written only when this transaction's alert insert was
 * the one that counted (the alert's unique key), so however many scans run,
 * in however many processes, a deal gets one alert and one draft. Numbers are
 * taken under the same lock as the API's. Returns how many alerts were new.
 */
async function raiseReadyToInvoice(
  db: Kysely<Database>,
  ready: readonly ReadyToInvoice[],
  raise: RaiseInTransaction,
  now: Date,
  timeZone: string,
): Promise<number> {
  const today = todayIn(now, timeZone);
  let raised = 0;
  for (const deal of ready) {
    await yieldToEventLoop();
    for (let attempt = 1; ; attempt++) {
      try {
        raised += await db.transaction().execute(async (trx) => {
          await lockTransaction(trx, 'invoiceNumber');
          // Read again under the lock: an invoice made since the rule read the deal may cover it.
          const remaining = deal.feeCents - (await invoicedCents(trx, deal.dealId, deal.currency));
          if (remaining <= 0) return 0;
          if ((await raise(trx, [deal.alert])) === 0) return 0;
          const input = draftInvoiceOf(deal, remaining, today);
          await insertInvoice(trx, input, { today, paymentTermsDays: deal.paymentTermsDays }, now);
          return 1;
        });
        break;
      } catch (error) {
        // The whole transaction is tried again: on PostgreSQL a failed statement ends it.
        if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
  return raised;
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

export const readyToInvoice: AlertRuleModule<'deal'> = {
  rule: 'ready_to_invoice',
  subjectType: 'deal',
  headline: 'Ready to invoice',
  // Like the overdue rules, a scan reads only the deals that may have become ready since the last.
  async raiseDue(db, window, raise) {
    const { now, settings } = window;
    const candidates = await findCandidateDeals(db, window);
    let raised = 0;
    const batches = candidates
      ? Array.from({ length: Math.ceil(candidates.length / BATCH) }, (_, i) =>
          candidates.slice(i * BATCH, (i + 1) * BATCH),
        )
      : [undefined];
    for (const batch of batches) {
      const ready = await findDealsReadyToInvoice(db, settings, now, batch);
      raised += await raiseReadyToInvoice(db, ready, raise, now, settings.timeZone);
      await yieldToEventLoop();
    }
    return raised;
  },
  // The deal was deleted or cancelled, or invoices sent for it cover its fee.
  async stale(db, open) {
    const sent = await sentCentsOf(
      db,
      open.filter((a) => a.dealId).map((a) => a.dealId!),
    );
    return open
      .filter(
        (a) =>
          !a.dealId || a.status === 'cancelled' || (sent.get(a.dealId) ?? 0) >= Number(a.feeCents),
      )
      .map((a) => a.id);
  },
  message: (_alert, subject) =>
    `Ready to invoice: “${subject.title}” for ${subject.brandName} — a draft invoice is prepared for you to check and send`,
};
