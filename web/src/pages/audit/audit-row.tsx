import type { AuditEntry } from '../../../../shared/schemas/team';
import { formatDay, formatInstant } from '../../format';
import { ACTION_LABELS, ENTITY_LABELS } from './audit-labels';

const VIA_LABELS: Record<AuditEntry['via'], string> = {
  session: 'App',
  token: 'API token',
  // Signing up: the first owner's setup, or an invite accepted.
  public: 'Sign-up',
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LONG_TEXT = 160;

/** "publishAt" → "Publish at", "feeCents" → "Fee cents": good enough for field names. */
function fieldLabel(field: string): string {
  const words = field
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A changed value as text (never markup): instants in the reader's zone, long text cut short. */
function formatValue(value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return formatInstant(value, timeZone);
    if (DAY.test(value)) return formatDay(value);
    return value.length > LONG_TEXT ? `${value.slice(0, LONG_TEXT)}…` : value;
  }
  const json = JSON.stringify(value);
  return json.length > LONG_TEXT ? `${json.slice(0, LONG_TEXT)}…` : json;
}
/** One entry: when, who (and how), what, and each field's old and new value. */
export function AuditRow({ entry, timeZone }: { entry: AuditEntry; timeZone: string }) {
  const changes = Object.entries(entry.changes);
  return (
    <tr data-testid="audit-row">
      <td data-label="When" className="audit-table__when">
        <time dateTime={entry.at} title={entry.at}>
          {formatInstant(entry.at, timeZone)}
        </time>
      </td>
      <td data-label="Who">
        <span className="strong">{entry.actor?.name ?? 'Someone'}</span>
        <span className="muted small block">via {VIA_LABELS[entry.via]}</span>
      </td>
      <td data-label="Action">
        <span className={`chip chip--audit-${entry.action}`}>{ACTION_LABELS[entry.action]}</span>
      </td>
      <td data-label="What" className="audit-table__what">
        <span className="audit-table__summary">{entry.summary}</span>
        <span className="muted small block">{ENTITY_LABELS[entry.entityType]}</span>
      </td>
      <td data-label="Changes" className="audit-table__changes">
        {changes.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <dl className="audit-changes">
            {changes.map(([field, change]) => (
              <div key={field} className="audit-change" data-field={field}>
                <dt>{fieldLabel(field)}</dt>
                <dd>
                  {'from' in change && (
                    <span className="audit-change__from">{formatValue(change.from, timeZone)}</span>
                  )}
                  {'from' in change && 'to' in change && (
                    <>
                      <span className="audit-change__arrow" aria-hidden="true">
                        →
                      </span>
                      <span className="visually-hidden"> changed to </span>
                    </>
                  )}
                  {'to' in change && (
                    <span className="audit-change__to">{formatValue(change.to, timeZone)}</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}
