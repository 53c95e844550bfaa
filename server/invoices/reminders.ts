import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { BusinessHours, LadderOverride, ReminderStep } from '../../shared/schemas/billing';
import type { Invoice } from '../../shared/schemas/invoice';
import type { WorkspaceSettings } from '../../shared/schemas/settings';
import { recordInvoiceEvent } from '../db/queries/invoice-events';
import { inChunks } from '../db/in-chunks';
import { getInvoice } from '../db/queries/invoices';
import type { Database, InvoiceReminderRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { newId } from '../ids';
import { addDays } from '../../shared/days';
import { ensureInvoiceLink, type LinkSigner } from './links';
import type { Mailer } from './mailer';
import { mailInvoice, messageIdFor } from './send';
import { renderEmail, templateValues } from './templates';
import { workspaceInvoiceView } from './view';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A failed send is tried again after 5, 10, 20, 40 minutes; then it is given up and shown. */
const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 5 * 60 * 1000;
/** How long a claimed reminder is held before another run (or instance) may send it again. */
export const DEFAULT_REMINDER_LEASE_MS = 2 * 60 * 1000;

export interface ReminderDeps extends LinkSigner {
  db: Kysely<Database>;
  mailer: Mailer | null;
  now: Date;
  leaseMs?: number;
}

export interface ReminderRunResult {
  sent: number;
  skipped: number;
  failed: number;
  /** False when nothing could go out: no SMTP, reminders off, or outside business hours. */
  open: boolean;
}

/** The ladder an invoice follows: its own, else its brand's, else the workspace's. */
export function effectiveLadder(
  invoiceOwn: LadderOverride,
  brandOwn: LadderOverride,
  workspace: WorkspaceSettings['invoiceReminders'],
): { enabled: boolean; steps: ReminderStep[] } {
  const own = invoiceOwn ?? brandOwn;
  if (!workspace.enabled) return { enabled: false, steps: [] };
  return own ?? { enabled: true, steps: workspace.steps };
}

/** Whether `now` is inside the business hours in the zone (weekday and wall-clock time there). */
export function inBusinessHours(now: Date, timeZone: string, hours: BusinessHours): boolean {
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  if (!hours.weekdays.includes(local.dayOfWeek)) return false;
  const clock = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return clock >= hours.from && clock < hours.to;
}

/** The latest step whose day (due day + offset) has come: only it is sent, never a burst of the missed ones. */
export function latestDueStep(
  steps: readonly ReminderStep[],
  dueOn: string,
  today: string,
): ReminderStep | undefined {
  let latest: ReminderStep | undefined;
  for (const step of steps) {
    if (addDays(dueOn, step.offsetDays) <= today) {
      if (!latest || step.offsetDays > latest.offsetDays) latest = step;
    }
  }
  return latest;
}

/** Paused, and the "until" day (if any) has not come yet. */
export function isPaused(
  invoice: Pick<Invoice, 'remindersPaused' | 'remindersPausedUntil'>,
  today: string,
): boolean {
  if (!invoice.remindersPaused) return false;
  return invoice.remindersPausedUntil === null || today < invoice.remindersPausedUntil;
}

/** A step's e-mail for this invoice, with the real values (the preview, and what is sent). */
function reminderEmail(
  step: Pick<ReminderStep, 'subject' | 'body'>,
  invoice: Invoice,
  settings: WorkspaceSettings,
  invoiceUrl: string,
  today: string,
) {
  return renderEmail(step, templateValues(invoice, settings, { invoiceUrl, today }));
}

/** The e-mail the ladder step at `offsetDays` would send for this invoice today. */
export async function previewReminder(
  deps: ReminderDeps,
  invoiceId: string,
  offsetDays: number,
): Promise<{ subject: string; message: string; to: string[] }> {
  const { view, settings } = await workspaceInvoiceView(deps.db, deps, deps.now);
  const invoice = await getInvoice(deps.db, invoiceId, view);
  const brand = await brandLadder(deps.db, invoice.brandId);
  const ladder = effectiveLadder(invoice.invoiceReminders, brand, settings.invoiceReminders);
  const step =
    ladder.steps.find((s) => s.offsetDays === offsetDays) ??
    settings.invoiceReminders.steps.find((s) => s.offsetDays === offsetDays);
  if (!step) throw notFound('Reminder step');
  const url = invoice.publicUrl ?? `${deps.appUrl.replace(/\/+$/, '')}/pay/…`;
  const email = reminderEmail(step, invoice, settings, url, view.today);
  return { subject: email.subject, message: email.text, to: invoice.payer.emails };
}

async function brandLadder(db: Kysely<Database>, brandId: string): Promise<LadderOverride> {
  const row = await db
    .selectFrom('brands')
    .select('invoiceReminders')
    .where('id', '=', brandId)
    .executeTakeFirst();
  return row?.invoiceReminders ? (JSON.parse(row.invoiceReminders) as LadderOverride) : null;
}

/**
 * Sends the reminders that are due to payers, each (invoice, step) once: the
 * row for it is claimed before the e-mail goes (a unique key keeps a second
 * run, or instance, out), and a send that a crash cut short is tried again
 * after the lease with the same Message-ID. Runs only inside the workspace's
 * business hours; a reminder due at night waits for the morning.
 */
export async function runInvoiceReminders(deps: ReminderDeps): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { sent: 0, skipped: 0, failed: 0, open: false };
  const { db, now } = deps;
  if (!deps.mailer) return result;
  const { view, settings } = await workspaceInvoiceView(db, deps, now);
  const { businessHours } = settings.invoiceReminders;
  if (!inBusinessHours(now, settings.timeZone, businessHours)) return result;
  result.open = true;
  const today = view.today;

  // First what a crash or a failure left: claims whose lease ran out, retries whose time came.
  const left = await db
    .selectFrom('invoiceReminders')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'sending'), eb('claimedUntil', '<', now.toISOString())]),
        eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', now.toISOString())]),
      ]),
    )
    .execute();
  for (const row of left) {
    if (!(await reclaim(deps, row))) continue;
    await deliver(deps, settings, today, row.invoiceId, row.stepOffsetDays, row, result);
  }

  // Then the steps that have come: sent, unpaid invoices, the latest step of each not yet done.
  const horizon = addDays(today, 60);
  const candidates = await db
    .selectFrom('invoices')
    .innerJoin('deals', 'deals.id', 'invoices.dealId')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .select([
      'invoices.id as id',
      'invoices.dueOn as dueOn',
      'invoices.invoiceReminders as own',
      'brands.invoiceReminders as brand',
    ])
    .where('invoices.status', '=', 'sent')
    .whereRef('invoices.paidCents', '<', 'invoices.amountCents')
    .where('invoices.dueOn', '<=', horizon)
    .orderBy('invoices.dueOn')
    .execute();
  if (candidates.length === 0) return result;
  const done = new Map<string, number>();
  const sent = await inChunks(
    candidates.map((c) => c.id),
    (chunk) =>
      db
        .selectFrom('invoiceReminders')
        .select(['invoiceId', 'stepOffsetDays'])
        .where('invoiceId', 'in', chunk)
        .execute(),
  );
  for (const r of sent) {
    done.set(r.invoiceId, Math.max(done.get(r.invoiceId) ?? -Infinity, r.stepOffsetDays));
  }
  for (const candidate of candidates) {
    const ladder = effectiveLadder(
      candidate.own ? (JSON.parse(candidate.own) as LadderOverride) : null,
      candidate.brand ? (JSON.parse(candidate.brand) as LadderOverride) : null,
      settings.invoiceReminders,
    );
    if (!ladder.enabled) continue;
    const step = latestDueStep(ladder.steps, candidate.dueOn, today);
    if (!step) continue;
    // This step, or a later one, was already sent, skipped or is in hand.
    if ((done.get(candidate.id) ?? -Infinity) >= step.offsetDays) continue;
    await deliver(deps, settings, today, candidate.id, step.offsetDays, undefined, result, step);
  }
  return result;
}

/** Takes a left-over row for this run; false when another run took it first. */
async function reclaim(deps: ReminderDeps, row: InvoiceReminderRow): Promise<boolean> {
  const result = await deps.db
    .updateTable('invoiceReminders')
    .set({
      status: 'sending',
      claimedUntil: new Date(
        deps.now.getTime() + (deps.leaseMs ?? DEFAULT_REMINDER_LEASE_MS),
      ).toISOString(),
    })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where((eb) =>
      row.claimedUntil === null
        ? eb('claimedUntil', 'is', null)
        : eb('claimedUntil', '=', row.claimedUntil),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Checks the invoice is still owed a reminder, claims (invoice, step) when it
 * is new, sends, and records what happened on the row and the timeline.
 */
async function deliver(
  deps: ReminderDeps,
  settings: WorkspaceSettings,
  today: string,
  invoiceId: string,
  offsetDays: number,
  claimed: InvoiceReminderRow | undefined,
  result: ReminderRunResult,
  stepOfLadder?: ReminderStep,
): Promise<void> {
  const { db, now } = deps;
  const { view } = await workspaceInvoiceView(db, deps, now);
  const invoice = await getInvoice(db, invoiceId, view).catch(() => undefined);
  const finish = async (
    status: 'sent' | 'skipped' | 'failed' | 'pending',
    changes: Partial<InvoiceReminderRow> = {},
  ) => {
    await db
      .updateTable('invoiceReminders')
      .set({ status, claimedUntil: null, ...changes })
      .where('invoiceId', '=', invoiceId)
      .where('stepOffsetDays', '=', offsetDays)
      .execute();
  };
  if (!invoice) return;

  const pending = invoice.remittances.some((r) => r.status === 'pending');
  const owed = invoice.status === 'sent' && invoice.balanceCents > 0;
  const step =
    stepOfLadder ??
    effectiveLadder(
      invoice.invoiceReminders,
      await brandLadder(db, invoice.brandId),
      settings.invoiceReminders,
    ).steps.find((s) => s.offsetDays === offsetDays);
  // Paid, voided, paused, a "we've paid" waiting, nobody to write to, or the step is gone: nothing goes.
  const hold =
    !owed || pending || isPaused(invoice, today) || invoice.payer.emails.length === 0 || !step;
  if (hold) {
    // A retry that should no longer go is closed; a new step simply waits (it may go after a resume).
    if (claimed) {
      await finish('skipped', { lastError: 'No longer due' });
      result.skipped++;
    }
    return;
  }
  const recentlySent =
    invoice.sentAt !== null && now.getTime() - Date.parse(invoice.sentAt) < DAY_MS;
  const messageId = messageIdFor('reminder', `${invoice.id}-${offsetDays}`, deps.appUrl);
  const invoiceUrl = await ensureInvoiceLink(db, deps, invoiceId, now);
  const email = reminderEmail(step, invoice, settings, invoiceUrl, today);
  if (!claimed) {
    const inserted = await db
      .insertInto('invoiceReminders')
      .values({
        id: newId(),
        invoiceId,
        stepOffsetDays: offsetDays,
        status: recentlySent ? 'skipped' : 'sending',
        recipients: JSON.stringify(invoice.payer.emails),
        subject: email.subject,
        attempts: recentlySent ? 0 : 1,
        nextAttemptAt: now.toISOString(),
        claimedUntil: recentlySent
          ? null
          : new Date(now.getTime() + (deps.leaseMs ?? DEFAULT_REMINDER_LEASE_MS)).toISOString(),
        messageId,
        lastError: recentlySent ? 'The invoice went out less than 24 hours before' : null,
        sentAt: null,
        createdAt: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['invoiceId', 'stepOffsetDays']).doNothing())
      .executeTakeFirst();
    // Another run or instance has this step: it is theirs.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return;
    if (recentlySent) {
      await recordInvoiceEvent(db, invoiceId, 'reminder_skipped', now, null, {
        step: offsetDays,
        reason: 'The invoice went out less than 24 hours before',
      });
      result.skipped++;
      return;
    }
  }

  const attempts = (claimed?.attempts ?? 0) + 1;
  try {
    const sent = await mailInvoice(deps.mailer!, invoice, settings, {
      to: invoice.payer.emails,
      replyTo: settings.creator.email.trim() || null,
      email,
      messageId,
      invoiceUrl,
      automatic: true,
    });
    await inTransaction(db, async (trx) => {
      await trx
        .updateTable('invoiceReminders')
        .set({
          status: 'sent',
          claimedUntil: null,
          attempts,
          sentAt: now.toISOString(),
          lastError: null,
        })
        .where('invoiceId', '=', invoiceId)
        .where('stepOffsetDays', '=', offsetDays)
        .execute();
      await recordInvoiceEvent(trx, invoiceId, 'reminder', now, null, {
        step: offsetDays,
        to: invoice.payer.emails,
        subject: email.subject,
        template: `step ${offsetDays}`,
        messageId: sent.messageId,
        status: sent.rejected.length > 0 ? 'partly_rejected' : 'accepted',
        accepted: sent.accepted,
        rejected: sent.rejected,
      });
    });
    result.sent++;
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    if (attempts >= MAX_ATTEMPTS) {
      await finish('failed', { attempts, lastError: reason });
      await recordInvoiceEvent(db, invoiceId, 'reminder_failed', now, null, {
        step: offsetDays,
        to: invoice.payer.emails,
        error: reason,
      });
      result.failed++;
    } else {
      const retryAt = new Date(now.getTime() + RETRY_BASE_MS * 2 ** (attempts - 1)).toISOString();
      await finish('pending', { attempts, lastError: reason, nextAttemptAt: retryAt });
    }
  }
}
