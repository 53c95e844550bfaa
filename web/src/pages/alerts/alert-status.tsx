import type { Alert } from '../../../../shared/schemas/alert';
import { formatInstant } from '../../format';
import { isOpen } from '../../resources/alerts';

/** Where an alert stands: acknowledged (by whom), resolved, snoozed, or open. */
export function AlertStatus({
  alert,
  timeZone,
  names,
}: {
  alert: Alert;
  timeZone: string;
  names: Map<string, string>;
}) {
  if (alert.acknowledgedAt) {
    const who = alert.acknowledgedBy
      ? (names.get(alert.acknowledgedBy) ?? 'a former team member')
      : 'someone';
    return (
      <span className="alert-state alert-state--acknowledged">
        Acknowledged by {who} · {formatInstant(alert.acknowledgedAt, timeZone)}
      </span>
    );
  }
  if (alert.resolvedAt) {
    return (
      <span className="alert-state alert-state--resolved">
        Resolved · {formatInstant(alert.resolvedAt, timeZone)}
      </span>
    );
  }
  if (!isOpen(alert) && alert.snoozedUntil) {
    return (
      <span className="alert-state alert-state--snoozed">
        Snoozed until {formatInstant(alert.snoozedUntil, timeZone)}
      </span>
    );
  }
  return <span className="alert-state alert-state--open">Open</span>;
}
