import { addDays, daysBetween, todayIn } from '../../../shared/days';
import { yieldToEventLoop } from '../../event-loop';
import { describeDay } from '../time';
import {
  INVOICE_REMINDER_DAYS,
  invoiceNamed,
  invoiceOverdueMoment,
  invoiceStale,
  unpaid,
} from './invoice-days';
import { staleWhen, type AlertRuleModule, type DueAlert } from './rule';

/**
 * A sent invoice that payments do not cover is overdue at the end of its due
 * day, and again 7, 14 and 30 days later (in the workspace's zone). Range
 * scans on (status, due_on).
 */
export const invoiceOverdue: AlertRuleModule<'invoice'> = {
  rule: 'invoice_overdue',
  subjectType: 'invoice',
  headline: 'Invoice overdue',
  async findDue(db, { now, since, settings }) {
    const zone = settings.timeZone;
    const today = todayIn(now, zone);
    const maxReminder = INVOICE_REMINDER_DAYS[INVOICE_REMINDER_DAYS.length - 1]!;
    const sinceDay = todayIn(since, zone);
    // Two bounded range searches (a reminder may have come due; edited since), not one open-ended one.
    const lateQuery = () =>
      db
        .selectFrom('invoices')
        .select(['id', 'dueOn', 'amountCents', 'paidCents', 'updatedAt'])
        .where('status', '=', 'sent')
        .where('dueOn', '<', today);
    const late = new Map<
      string,
      Awaited<ReturnType<ReturnType<typeof lateQuery>['execute']>>[number]
    >();
    for (const row of await lateQuery()
      .where('dueOn', '>=', addDays(sinceDay, -1 - maxReminder))
      .execute()) {
      late.set(row.id, row);
    }
    await yieldToEventLoop();
    for (const row of await lateQuery().where('updatedAt', '>', since.toISOString()).execute())
      late.set(row.id, row);
    await yieldToEventLoop();
    const sinceMs = since.getTime();
    const due: DueAlert[] = [];
    for (const row of unpaid([...late.values()])) {
      const passed = INVOICE_REMINDER_DAYS.map((days) =>
        invoiceOverdueMoment(row.dueOn, zone, days),
      ).filter((moment) => Date.parse(moment) <= now.getTime());
      // Reminders that fell due since the last scan; for an invoice edited since, its latest one only.
      const fresh = passed.filter((moment) => Date.parse(moment) > sinceMs);
      const edited = row.updatedAt > since.toISOString();
      const moments = fresh.length > 0 ? fresh : edited ? passed.slice(-1) : [];
      for (const moment of moments) {
        due.push({
          rule: 'invoice_overdue',
          subjectType: 'invoice',
          subjectId: row.id,
          dueAt: moment,
          severity: 'critical',
          assigneeId: null,
        });
      }
    }
    return due;
  },
  stale: staleWhen<'invoice'>((a, _now, timeZone) => invoiceStale(a, timeZone)),
  message(_alert, subject, now, timeZone) {
    const zone = subject.zone ?? timeZone;
    const late = subject.dueOn ? Math.max(daysBetween(subject.dueOn, todayIn(now, zone)), 1) : 1;
    return `${invoiceNamed(subject)} is ${late} day${late === 1 ? '' : 's'} overdue — it was due ${describeDay(subject.dueOn ?? '', now, zone)}`;
  },
};
