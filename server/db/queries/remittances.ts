import type { Kysely } from 'kysely';
import type { RemittanceCreate } from '../../../shared/schemas/getting-paid';
import { AppError, notFound } from '../../errors';
import { newId } from '../../ids';
import { lockedForUpdate } from '../dialect';
import type { Database } from '../schema';
import { recordInvoiceEvent } from './invoice-events';
import { addPayment } from './invoices';

/** Records a payer's "we've paid" as pending; returns its id. */
export async function insertRemittance(
  db: Kysely<Database>,
  invoiceId: string,
  input: Required<RemittanceCreate>,
  now: Date,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('remittanceNotices')
    .values({
      id,
      invoiceId,
      amountCents: input.amountCents,
      paidOn: input.paidOn,
      reference: input.reference,
      createdAt: now.toISOString(),
      status: 'pending',
      paymentId: null,
      resolvedAt: null,
      resolvedBy: null,
    })
    .execute();
  await recordInvoiceEvent(db, invoiceId, 'remittance', now, null, {
    amountCents: input.amountCents,
    paidOn: input.paidOn,
    reference: input.reference,
  });
  return id;
}

/** Whether a "we've paid" waits for the team: reminders hold off meanwhile. */
export async function hasPendingRemittance(
  db: Kysely<Database>,
  invoiceId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('remittanceNotices')
    .select('id')
    .where('invoiceId', '=', invoiceId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

async function pendingNotice(db: Kysely<Database>, invoiceId: string, remittanceId: string) {
  const notice = await lockedForUpdate(
    db,
    db
      .selectFrom('remittanceNotices')
      .selectAll()
      .where('id', '=', remittanceId)
      .where('invoiceId', '=', invoiceId),
  ).executeTakeFirst();
  if (!notice) throw notFound('Remittance notice');
  if (notice.status !== 'pending') {
    throw new AppError(409, 'conflict', `This notice was already ${notice.status}.`);
  }
  return notice;
}

/** The team confirms the money arrived: the notice becomes a payment, as the payer told it. */
export async function confirmRemittance(
  db: Kysely<Database>,
  invoiceId: string,
  remittanceId: string,
  now: Date,
  actorId: string | null,
): Promise<string> {
  const notice = await pendingNotice(db, invoiceId, remittanceId);
  const amountCents = Number(notice.amountCents);
  const paymentId = await addPayment(
    db,
    invoiceId,
    {
      amountCents,
      paidOn: notice.paidOn,
      method: 'Payer notice',
      note: notice.reference ? `Ref. ${notice.reference}` : '',
    },
    now,
  );
  await db
    .updateTable('remittanceNotices')
    .set({ status: 'confirmed', paymentId, resolvedAt: now.toISOString(), resolvedBy: actorId })
    .where('id', '=', remittanceId)
    .execute();
  await recordInvoiceEvent(db, invoiceId, 'payment', now, actorId, {
    amountCents,
    feeCents: 0,
    paidOn: notice.paidOn,
    method: 'Payer notice',
    remittanceId,
  });
  return paymentId;
}

/** The team says the money did not come (or the notice was wrong): reminders resume. */
export async function dismissRemittance(
  db: Kysely<Database>,
  invoiceId: string,
  remittanceId: string,
  now: Date,
  actorId: string | null,
): Promise<void> {
  const notice = await pendingNotice(db, invoiceId, remittanceId);
  await db
    .updateTable('remittanceNotices')
    .set({ status: 'dismissed', resolvedAt: now.toISOString(), resolvedBy: actorId })
    .where('id', '=', remittanceId)
    .execute();
  await recordInvoiceEvent(db, invoiceId, 'remittance_dismissed', now, actorId, {
    amountCents: Number(notice.amountCents),
    paidOn: notice.paidOn,
  });
}
