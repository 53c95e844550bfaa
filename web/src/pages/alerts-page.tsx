import './alerts-page.css';
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Alert, AlertRule } from '../../../shared/schemas/alert';
import type { User } from '../../../shared/schemas/auth';
import {
  AlertActions,
  RelativeTime,
  RuleTag,
  SeverityMark,
  subjectHref,
  subjectLabel,
} from '../components/alert-parts';
import { formatAlertDue } from '../alert-due';
import { Link } from '../components/link';
import {
  ALERT_RULE_LABELS,
  ALERT_RULE_VALUES,
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_STATUS_LABELS,
  formatInstant,
  plural,
} from '../format';
import { useAlertCount, useAlerts, type AlertState } from '../resources/alerts';
import { useSettings } from '../resources/settings';
import { useTeam } from '../resources/users';
import { QueryState } from '../components/query-state';
import { useSelection } from '../hooks/use-selection';
import { AlertBulkActions, AlertCheckbox } from './alerts/alert-bulk-actions';
import { AlertStatus } from './alerts/alert-status';
import { PageHeader } from '../components/ui/page-header';
import { EmptyInline } from '../components/ui/empty-inline';

const TABS: ReadonlyArray<{ state: AlertState; label: string }> = [
  { state: 'open', label: 'Open' },
  { state: 'snoozed', label: 'Snoozed' },
  { state: 'acknowledged', label: 'Acknowledged' },
  { state: 'all', label: 'All' },
];

const EMPTY: Record<AlertState, { title: string; text: string }> = {
  open: {
    title: 'You’re all caught up',
    text: 'Nothing needs your attention. Reminders about drafts, go-lives and invoices show up here.',
  },
  snoozed: {
    title: 'Nothing snoozed',
    text: 'Alerts you snooze wait here until they are due again.',
  },
  acknowledged: {
    title: 'Nothing acknowledged',
    text: 'Alerts the team has dealt with are kept here.',
  },
  all: {
    title: 'No alerts yet',
    text: 'When a draft or a go-live comes close or slips, it shows up here.',
  },
};

const LIMIT = 100;

/** The alert inbox: every alert by state, filterable by rule, with where each was sent. */
export default function AlertsPage({ user }: { user: User }) {
  const [state, setState] = useState<AlertState>('open');
  const [rule, setRule] = useState<AlertRule | null>(null);
  const alerts = useAlerts({ state, rule, limit: LIMIT }, { poll: true });
  const count = useAlertCount();
  const team = useTeam();
  const tabsId = useId();
  const ruleId = useId();
  const selection = useSelection();
  const canEdit = user.role !== 'viewer';
  const timeZone = user.effectiveTimeZone;

  const names = useMemo(
    () => new Map((team.data ?? []).map((member) => [member.id, member.name])),
    [team.data],
  );

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((t) => t.state === state);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setState(next.state);
    document.getElementById(`${tabsId}-${next.state}`)?.focus();
  };

  const items = alerts.data?.items ?? [];
  const checkbox = (alert: Alert) =>
    canEdit && (
      <AlertCheckbox
        alert={alert}
        checked={selection.selected.has(alert.id)}
        onChange={(on) => selection.toggle(alert.id, on)}
      />
    );

  return (
    <div className="page page--alerts">
      <PageHeader
        title="Alerts"
        subtitle={`Reminders about drafts, go-lives and invoices. Times in ${timeZone.replace(/_/g, ' ')}.`}
        actions={
          <label className="inline-select" htmlFor={ruleId}>
            <span className="inline-select__label">Rule</span>
            <select
              id={ruleId}
              value={rule ?? ''}
              // "All rules" is the empty value: no rule matches it.
              onChange={(e) => setRule(ALERT_RULE_VALUES.find((r) => r === e.target.value) ?? null)}
            >
              <option value="">All rules</option>
              {ALERT_RULE_VALUES.map((r) => (
                <option key={r} value={r}>
                  {ALERT_RULE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        }
      />

      <div className="tabs" role="tablist" aria-label="Alert state" onKeyDown={onTabKey}>
        {TABS.map((tab) => (
          <button
            key={tab.state}
            id={`${tabsId}-${tab.state}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={state === tab.state}
            aria-controls={`${tabsId}-panel`}
            tabIndex={state === tab.state ? 0 : -1}
            onClick={() => setState(tab.state)}
          >
            {tab.label}
            {tab.state === 'open' && (count.data ?? 0) > 0 && (
              <span className="tabs__count" aria-hidden="true">
                {count.data}
              </span>
            )}
          </button>
        ))}
      </div>

      <section
        id={`${tabsId}-panel`}
        role="tabpanel"
        aria-labelledby={`${tabsId}-${state}`}
        className="card alert-list-card"
      >
        <QueryState query={alerts} loadingLabel="Loading alerts…">
          {() =>
            items.length === 0 ? (
              <EmptyInline
                title={rule ? `No “${ALERT_RULE_LABELS[rule]}” alerts here` : EMPTY[state].title}
              >
                {rule ? 'Try another rule or tab.' : EMPTY[state].text}
              </EmptyInline>
            ) : (
              <>
                {canEdit && (
                  <AlertBulkActions
                    items={items}
                    selected={selection.selected}
                    openTab={state === 'open'}
                    onDone={selection.clear}
                  />
                )}
                <ul className="alert-list">
                  {items.map((a) => (
                    <AlertRow key={a.id} alert={a} user={user} names={names} check={checkbox(a)} />
                  ))}
                </ul>
                {items.length >= LIMIT && (
                  <p className="alert-list__more muted small">
                    Showing the newest {plural(LIMIT, 'alert')}.
                  </p>
                )}
              </>
            )
          }
        </QueryState>
      </section>
    </div>
  );
}

function AlertRow({
  alert,
  user,
  names,
  check,
}: {
  alert: Alert;
  user: User;
  names: Map<string, string>;
  /** The row's checkbox, for editors. */
  check: ReactNode;
}) {
  const timeZone = user.effectiveTimeZone;
  const workspaceZone = useSettings().data?.timeZone ?? timeZone;
  const href = subjectHref(alert);
  const failed = alert.deliveries.filter((d) => d.status === 'failed').length;
  return (
    <li className={`alert-row alert-row--${alert.severity}`} data-testid="alert-row">
      {check}
      <SeverityMark severity={alert.severity} />
      <div className="alert-row__main">
        <div className="alert-row__top">
          <p className="alert-row__message">{alert.message}</p>
          <AlertStatus alert={alert} timeZone={timeZone} names={names} />
        </div>
        <p className="alert-row__subject">
          {href ? (
            <Link href={href} className="alert-row__subject-link">
              {subjectLabel(alert)}
            </Link>
          ) : (
            <span>{subjectLabel(alert)}</span>
          )}
        </p>
        <p className="alert-row__meta">
          <RuleTag alert={alert} />
          <span>
            <time dateTime={alert.dueAt}>{formatAlertDue(alert, timeZone, workspaceZone)}</time>
          </span>
          <span className="alert-row__sep" aria-hidden="true">
            ·
          </span>
          <span>
            Raised <RelativeTime iso={alert.createdAt} timeZone={timeZone} />
          </span>
        </p>
        {alert.deliveries.length > 0 && (
          <div className="deliveries">
            <p className="deliveries__title">
              Deliveries
              {failed > 0 && <span className="deliveries__failed">{failed} failed</span>}
            </p>
            <ul className="deliveries__list">
              {alert.deliveries.map((d) => (
                <li
                  key={d.id}
                  className={`delivery${d.status === 'failed' ? ' delivery--failed' : ''}`}
                >
                  <span className="delivery__channel">
                    {DELIVERY_CHANNEL_LABELS[d.channelType]}
                  </span>
                  <span className="delivery__recipient">{d.recipient}</span>
                  <span className={`delivery-status delivery-status--${d.status}`}>
                    {DELIVERY_STATUS_LABELS[d.status]}
                  </span>
                  <span className="delivery__attempts muted small">
                    {d.status === 'sent' && d.sentAt
                      ? formatInstant(d.sentAt, timeZone)
                      : d.attempts > 0
                        ? plural(d.attempts, 'attempt')
                        : ''}
                  </span>
                  {d.lastError && d.status === 'failed' && (
                    <p className="delivery__error">{d.lastError}</p>
                  )}
                  {d.lastError && (d.status === 'pending' || d.status === 'sending') && (
                    <p className="delivery__error delivery__error--retrying">
                      Will retry · last error: {d.lastError}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <AlertActions alert={alert} user={user} />
      </div>
    </li>
  );
}
