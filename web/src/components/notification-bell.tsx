import './notification-bell.css';
import { useId } from 'react';
import type { Alert } from '../../../shared/schemas/alert';
import type { User } from '../../../shared/schemas/auth';
import { plural } from '../format';
import { useAlertCount, useAlerts, type AlertListFilter } from '../resources/alerts';
import {
  AlertActions,
  RelativeTime,
  RuleTag,
  SeverityMark,
  subjectHref,
  subjectLabel,
} from './alert-parts';
import { BellIcon } from './icons';
import { useMenu } from './ui/use-menu';
import { Link } from './link';
import { QueryState } from './query-state';

const PANEL_FILTER: AlertListFilter = { state: 'open', rule: null, limit: 20 };

/** The bell in the top bar: the open count, and a panel with the open alerts. */
export function NotificationBell({ user }: { user: User }) {
  const menu = useMenu();
  const count = useAlertCount();
  const openCount = count.data ?? 0;
  const badge = openCount > 99 ? '99+' : String(openCount);
  // The name holds the number on the badge, so what is seen is what speech input can say.
  const name =
    openCount > 0
      ? `Notifications: ${badge} open ${openCount === 1 ? 'alert' : 'alerts'}`
      : 'Notifications';

  return (
    <div className="bell" ref={menu.ref}>
      <button
        {...menu.buttonProps}
        type="button"
        className="icon-button bell__button"
        aria-label={name}
        aria-haspopup="dialog"
        aria-controls={menu.open ? menu.id : undefined}
      >
        <BellIcon />
        {openCount > 0 && (
          <span className="bell__badge" data-testid="alert-count" aria-hidden="true">
            {badge}
          </span>
        )}
      </button>
      {menu.open && <BellPanel id={menu.id} user={user} openCount={openCount} close={menu.close} />}
    </div>
  );
}

function BellPanel({
  id,
  user,
  openCount,
  close,
}: {
  id: string;
  user: User;
  openCount: number;
  close: () => void;
}) {
  const alerts = useAlerts(PANEL_FILTER, { poll: true });
  const titleId = useId();
  const items = alerts.data?.items ?? [];
  const more = openCount - items.length;

  return (
    <div id={id} className="bell__panel" role="dialog" aria-labelledby={titleId}>
      <header className="bell__header">
        <h2 id={titleId} className="bell__title">
          Alerts
        </h2>
        {openCount > 0 && <span className="bell__open">{plural(openCount, 'open alert')}</span>}
        <Link href="/alerts" className="bell__see-all" onClick={close}>
          See all
        </Link>
      </header>
      <div className="bell__body">
        <QueryState query={alerts} errorClassName="bell__error">
          {() =>
            items.length === 0 ? (
              <div className="bell__empty">
                <span className="bell__empty-icon" aria-hidden="true">
                  ✓
                </span>
                <p className="bell__empty-title">You&rsquo;re all caught up</p>
                <p className="muted small">
                  Reminders about drafts, go-lives and invoices show up here.
                </p>
              </div>
            ) : (
              <ul className="bell__list">
                {items.map((alert) => (
                  <BellItem key={alert.id} alert={alert} user={user} close={close} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </div>
      {more > 0 && items.length > 0 && (
        <footer className="bell__footer">
          <Link href="/alerts" onClick={close}>
            {plural(more, 'more open alert')} on the alerts page
          </Link>
        </footer>
      )}
    </div>
  );
}

function BellItem({ alert, user, close }: { alert: Alert; user: User; close: () => void }) {
  const href = subjectHref(alert);
  const body = (
    <>
      <span className="bell-item__message">{alert.message}</span>
      <span className="bell-item__subject">{subjectLabel(alert)}</span>
    </>
  );
  return (
    <li className={`bell-item bell-item--${alert.severity}`} data-testid="alert-item">
      <SeverityMark severity={alert.severity} />
      <div className="bell-item__main">
        {href ? (
          <Link href={href} className="bell-item__link" onClick={close}>
            {body}
          </Link>
        ) : (
          <div className="bell-item__link">{body}</div>
        )}
        <div className="bell-item__meta">
          <RuleTag alert={alert} />
          <span className="muted small">
            <RelativeTime iso={alert.createdAt} timeZone={user.effectiveTimeZone} />
          </span>
        </div>
        <AlertActions alert={alert} user={user} compact />
      </div>
    </li>
  );
}
