import './audit-page.css';
import { useId, useMemo, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditEntityType,
  type AuditEntry,
} from '../../../shared/schemas/team';
import { errorMessage } from '../api';
import { Spinner } from '../components/badges';
import { OwnerOnly } from '../components/owner-only';
import { formatDay, formatInstant } from '../format';
import { useAuditLog, type AuditFilter } from '../resources/audit';
import { useUsers } from '../resources/users';
import { addDays, startOfDay } from '../time';

const ENTITY_LABELS: Record<AuditEntityType, string> = {
  brand: 'Brand',
  deal: 'Deal',
  deliverable: 'Deliverable',
  invoice: 'Invoice',
  payment: 'Payment',
  settings: 'Settings',
  channel: 'Channel',
  user: 'User',
  invite: 'Invite',
  api_token: 'API token',
  alert: 'Alert',
  calendar_feed: 'Calendar feed',
  workspace: 'Workspace',
  review_link: 'Review link',
  pitch: 'Pitch',
  media_kit: 'Media kit',
};

const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
};

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

interface FilterInputs {
  entityType: AuditEntityType | null;
  actorId: string | null;
  action: AuditAction | null;
  fromDay: string;
  toDay: string;
}

const NO_FILTERS: FilterInputs = {
  entityType: null,
  actorId: null,
  action: null,
  fromDay: '',
  toDay: '',
};

/** The owner's record of who changed what: newest first, filterable, paged back in time. */
export default function AuditPage({ user }: { user: User }) {
  if (user.role !== 'owner') return <OwnerOnly what="the audit log" />;
  return <AuditLog user={user} />;
}

function AuditLog({ user }: { user: User }) {
  const timeZone = user.effectiveTimeZone;
  const [inputs, setInputs] = useState<FilterInputs>(NO_FILTERS);
  const users = useUsers();
  const ids = {
    entity: useId(),
    actor: useId(),
    action: useId(),
    from: useId(),
    to: useId(),
  };

  // Days are read in the owner's zone: "to" includes the whole of its day.
  const filter = useMemo<AuditFilter>(
    () => ({
      entityType: inputs.entityType,
      actorId: inputs.actorId,
      action: inputs.action,
      from: inputs.fromDay ? startOfDay(inputs.fromDay, timeZone) : null,
      to: inputs.toDay ? startOfDay(addDays(inputs.toDay, 1), timeZone) : null,
    }),
    [inputs, timeZone],
  );
  const audit = useAuditLog(filter);
  const entries = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  const filtered =
    inputs.entityType !== null ||
    inputs.actorId !== null ||
    inputs.action !== null ||
    inputs.fromDay !== '' ||
    inputs.toDay !== '';

  return (
    <div className="page page--audit">
      <div className="page-header">
        <div>
          <h1 className="page-title">Audit log</h1>
          <p className="page-subtitle">
            Who changed what, newest first. Times in {timeZone.replace(/_/g, ' ')}.
          </p>
        </div>
      </div>

      <div className="filters audit-filters" role="group" aria-label="Filters">
        <label className="inline-select" htmlFor={ids.entity}>
          <span className="inline-select__label">Kind</span>
          <select
            id={ids.entity}
            value={inputs.entityType ?? ''}
            onChange={(e) =>
              setInputs((f) => ({
                ...f,
                entityType: (e.target.value || null) as AuditEntityType | null,
              }))
            }
          >
            <option value="">Everything</option>
            {AUDIT_ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {ENTITY_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select" htmlFor={ids.actor}>
          <span className="inline-select__label">Person</span>
          <select
            id={ids.actor}
            value={inputs.actorId ?? ''}
            onChange={(e) => setInputs((f) => ({ ...f, actorId: e.target.value || null }))}
          >
            <option value="">Everyone</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select" htmlFor={ids.action}>
          <span className="inline-select__label">Action</span>
          <select
            id={ids.action}
            value={inputs.action ?? ''}
            onChange={(e) =>
              setInputs((f) => ({ ...f, action: (e.target.value || null) as AuditAction | null }))
            }
          >
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select inline-select--date" htmlFor={ids.from}>
          <span className="inline-select__label">From</span>
          <input
            id={ids.from}
            type="date"
            value={inputs.fromDay}
            max={inputs.toDay || undefined}
            onChange={(e) => setInputs((f) => ({ ...f, fromDay: e.target.value }))}
          />
        </label>
        <label className="inline-select inline-select--date" htmlFor={ids.to}>
          <span className="inline-select__label">To</span>
          <input
            id={ids.to}
            type="date"
            value={inputs.toDay}
            min={inputs.fromDay || undefined}
            onChange={(e) => setInputs((f) => ({ ...f, toDay: e.target.value }))}
          />
        </label>
        {filtered && (
          <button type="button" className="link-button" onClick={() => setInputs(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>

      <section className="card card--flush" aria-label="Audit entries">
        {audit.isPending ? (
          <Spinner label="Loading the audit log…" />
        ) : audit.error ? (
          <p className="banner banner--error card__title-pad" role="alert">
            {errorMessage(audit.error)}
          </p>
        ) : entries.length === 0 ? (
          <div className="empty-inline">
            <p className="empty-inline__title">
              {filtered ? 'No entries match these filters' : 'Nothing recorded yet'}
            </p>
            <p className="muted">
              {filtered
                ? 'Try clearing a filter.'
                : 'Every change to brands, deals, deliverables, invoices and the team shows up here.'}
            </p>
          </div>
        ) : (
          <>
            <table className="table table--responsive audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">What</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
            {audit.hasNextPage && (
              <div className="alert-list__more">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void audit.fetchNextPage()}
                  disabled={audit.isFetchingNextPage}
                >
                  {audit.isFetchingNextPage ? 'Loading…' : 'Load older'}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function AuditRow({ entry, timeZone }: { entry: AuditEntry; timeZone: string }) {
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
