import { addDays, startOfDay } from '../../../shared/days';
import type { OpenAlertOf } from '../subjects';

/**
 * What the invoice rules share. Invoices are due on days, and late by days, in
 * the workspace's zone whoever reads it.
 */

/**
 * When an unpaid invoice is chased, in days overdue: the first day it is late
 * (the end of its due day), then at 7, 14 and 30 days overdue.
 */
export const INVOICE_REMINDER_DAYS = [1, 7, 14, 30] as const;

/**
 * The moment an invoice becomes `daysOverdue` days overdue: the start of that
 * day in the workspace's zone (1 = the end of the due day).
 */
export function invoiceOverdueMoment(dueOn: string, timeZone: string, daysOverdue = 1): string {
  return startOfDay(addDays(dueOn, daysOverdue), timeZone).toISOString();
}

/** Rows whose payments do not cover the invoice yet. */
export const unpaid = <T extends { amountCents: number; paidCents: number }>(rows: T[]): T[] =>
  rows.filter((r) => Number(r.paidCents) < Number(r.amountCents));

/** The invoice was paid, voided, put back to draft, deleted, or given another due day. */
export function invoiceStale(a: OpenAlertOf['invoice'], timeZone: string): boolean {
  const gone = !a.invoiceId || a.status !== 'sent' || Number(a.paidCents) >= Number(a.amountCents);
  // Only an edit can move the due day; a workspace that changed its zone keeps its alerts.
  const dueTime = Date.parse(a.dueAt);
  const moved =
    a.dueOn !== null &&
    a.updatedAt !== null &&
    a.updatedAt > a.createdAt &&
    !INVOICE_REMINDER_DAYS.some(
      (days) => Date.parse(invoiceOverdueMoment(a.dueOn!, timeZone, days)) === dueTime,
    );
  return gone || moved;
}

/** “Invoice 2026-014 for Brand ($4,500.00)”. */
export const invoiceNamed = (subject: {
  title: string;
  brandName: string;
  balanceText?: string;
}): string => `${subject.title} for ${subject.brandName} (${subject.balanceText ?? 'unpaid'})`;
