import { addDays, todayIn } from '../../../shared/days';
import { describeDay } from '../time';
import { invoiceNamed, invoiceOverdueMoment, invoiceStale, unpaid } from './invoice-days';
import { soonAfter, staleWhen, type AlertRuleModule } from './rule';

/**
 * A sent invoice is due within the lead (in days) of the end of its due day,
 * decided in the workspace's zone. A range scan on (status, due_on).
 */
export const invoiceDueSoon: AlertRuleModule<'invoice'> = {
  rule: 'invoice_due_soon',
  subjectType: 'invoice',
  headline: 'Invoice due soon',
  async findDue(db, window) {
    const lead = window.settings.leadTimes.invoiceDueSoonDays;
    if (lead <= 0) return [];
    const zone = window.settings.timeZone;
    // The due day's end is ahead (and beyond any moment a scan already passed).
    const rows = await db
      .selectFrom('invoices')
      .select(['id', 'dueOn', 'amountCents', 'paidCents'])
      .where('status', '=', 'sent')
      .where('dueOn', '>=', todayIn(soonAfter(window), zone))
      .where('dueOn', '<=', addDays(todayIn(window.now, zone), lead - 1))
      .execute();
    return unpaid(rows).map((row) => ({
      rule: 'invoice_due_soon',
      subjectType: 'invoice',
      subjectId: row.id,
      dueAt: invoiceOverdueMoment(row.dueOn, zone),
      severity: 'warning',
      assigneeId: null,
    }));
  },
  // Past its moment, the overdue rule takes over.
  stale: staleWhen<'invoice'>(
    (a, now, timeZone) => invoiceStale(a, timeZone) || Date.parse(a.dueAt) <= now.getTime(),
  ),
  message: (alert, subject, now, timeZone) =>
    `${invoiceNamed(subject)} is due ${describeDay(
      subject.dueOn ?? alert.dueAt.slice(0, 10),
      now,
      subject.zone ?? timeZone,
    )}`,
};
