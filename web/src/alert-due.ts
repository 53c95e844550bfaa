import type { AlertRule } from '../../shared/schemas/alert';
import { todayIn as dayIn } from '../../shared/days';
import { formatDay, formatInstant } from './format';

/**
 * An alert's due, as its message states it. Rules about days (invoices, usage rights,
 * follow-ups) are decided in the workspace's zone and store a moment at a day's edge —
 * the end of an invoice's due day is the next day's 00:00 — so a moment shown in another
 * zone would name another day ("due Dec 12" beside "Dec 11, 11:00 PM"): they show the day.
 */
export function formatAlertDue(
  alert: { rule: AlertRule; dueAt: string },
  timeZone: string,
  workspaceZone: string,
): string {
  const dayOf = (ms: number) => formatDay(dayIn(new Date(ms), workspaceZone));
  const at = Date.parse(alert.dueAt);
  switch (alert.rule) {
    case 'invoice_due_soon':
    case 'usage_rights_ending':
      return `Due by end of ${dayOf(at - 1)}`;
    case 'invoice_overdue':
      return `Overdue since ${dayOf(at)}`;
    case 'follow_up_due':
      return `Due ${dayOf(at)}`;
    default:
      return `Due ${formatInstant(alert.dueAt, timeZone)}`;
  }
}
