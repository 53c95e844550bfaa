import './alert-parts.css';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useClickOutside } from '../forms/use-click-outside';
import type { Alert } from '../../../shared/schemas/alert';
import type { User } from '../../../shared/schemas/auth';
import { ALERT_RULE_LABELS, SEVERITY_LABELS, formatInstant, formatRelative } from '../format';
import { isOpen, useAlertActions } from '../resources/alerts';
import { snoozeOptions } from '../time';
import { ChevronDownIcon } from './icons';

/**
 * Where following an alert leads: the path the server gives (`/?deliverable=…`, or the
 * deal page for an invoice). Only a path inside the app is followed.
 */
export function subjectHref(alert: Alert): string | null {
  const href = alert.subject?.href;
  if (href && href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) {
    return href;
  }
  if (alert.subjectType === 'deliverable') {
    return `/?deliverable=${encodeURIComponent(alert.subjectId)}`;
  }
  if (alert.subjectType === 'brand') return '/brands';
  if (alert.subjectType === 'deal') return `/deals/${encodeURIComponent(alert.subjectId)}`;
  if (alert.subjectType === 'request')
    return `/requests?request=${encodeURIComponent(alert.subjectId)}`;
  return null;
}

/** "Unboxing reel · Glow Skincare", or what is known when the subject is gone. */
export function subjectLabel(alert: Alert): string {
  if (!alert.subject) return 'Deleted item';
  // A brand's follow-up names the brand once.
  return [...new Set([alert.subject.title, alert.subject.brandName])].filter(Boolean).join(' · ');
}

export function SeverityMark({ severity }: { severity: Alert['severity'] }) {
  return (
    <span className={`severity severity--${severity}`} title={SEVERITY_LABELS[severity]}>
      <span className="visually-hidden">{SEVERITY_LABELS[severity]}: </span>
    </span>
  );
}

export function RuleTag({ alert }: { alert: Alert }) {
  return (
    <span className={`rule-tag rule-tag--${alert.severity}`}>{ALERT_RULE_LABELS[alert.rule]}</span>
  );
}

const minuteListeners = new Set<() => void>();
let minuteTimer: number | undefined;

function subscribeMinutes(onTick: () => void): () => void {
  minuteListeners.add(onTick);
  if (minuteTimer === undefined) {
    minuteTimer = window.setInterval(() => minuteListeners.forEach((fn) => fn()), 30_000);
  }
  return () => {
    minuteListeners.delete(onTick);
    if (minuteListeners.size === 0 && minuteTimer !== undefined) {
      window.clearInterval(minuteTimer);
      minuteTimer = undefined;
    }
  };
}

const halfMinute = () => Math.floor(Date.now() / 30_000) * 30_000;

/** The current time, re-rendering every 30 s, so "5 minutes ago" stays true. */
export function useNow(): number {
  return useSyncExternalStore(subscribeMinutes, halfMinute, halfMinute);
}

/** "2 hours ago", with the exact moment in the user's zone on hover. */
export function RelativeTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatInstant(iso, timeZone)}>
      {formatRelative(iso, now)}
    </time>
  );
}

export interface AlertActionsProps {
  alert: Alert;
  user: User;
  /** Smaller buttons, for the bell's panel. */
  compact?: boolean;
}

/**
 * Acknowledge and a snooze menu; Reopen for an acknowledged or snoozed alert: editors
 * and owners only (viewers get nothing).
 */
export function AlertActions({ alert, user, compact }: AlertActionsProps) {
  const { acknowledge, snooze, reopen } = useAlertActions(user);
  const [menuOpen, setMenuOpen] = useState(false);
  const [options, setOptions] = useState(() => snoozeOptions(user.effectiveTimeZone));
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();

  // Escape is handled on the wrapper below: it also hands focus back to the Snooze button.
  useClickOutside(ref, menuOpen, () => setMenuOpen(false), { escape: false });
  useEffect(() => {
    if (menuOpen) ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [menuOpen]);

  if (user.role === 'viewer') return null;
  const acknowledged = alert.acknowledgedAt !== null;
  const resolved = alert.resolvedAt !== null;
  if (resolved) return null;
  const reopenButton = (
    <button
      type="button"
      className="button button--small"
      onClick={() => reopen.mutate(alert.id)}
      disabled={reopen.isPending}
    >
      Reopen
    </button>
  );
  if (acknowledged)
    return (
      <div className={`alert-actions${compact ? ' alert-actions--compact' : ''}`}>
        <div className="alert-actions__buttons">{reopenButton}</div>
      </div>
    );
  const snoozed = !isOpen(alert);

  const toggleMenu = () => {
    // Computed when opened, so "1 hour" is an hour from the click, not from the page load.
    if (!menuOpen) setOptions(snoozeOptions(user.effectiveTimeZone));
    setMenuOpen((v) => !v);
  };

  return (
    <div
      className={`alert-actions${compact ? ' alert-actions--compact' : ''}`}
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && menuOpen) {
          event.stopPropagation();
          setMenuOpen(false);
          ref.current?.querySelector<HTMLButtonElement>('[aria-haspopup="menu"]')?.focus();
        }
      }}
    >
      <div className="alert-actions__buttons">
        <button
          type="button"
          className="button button--small"
          onClick={() => acknowledge.mutate(alert.id)}
          disabled={acknowledge.isPending}
        >
          Acknowledge
        </button>
        <button
          type="button"
          className="button button--small snooze-button"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? menuId : undefined}
          onClick={toggleMenu}
          disabled={snooze.isPending}
        >
          Snooze
          <ChevronDownIcon />
        </button>
        {snoozed && reopenButton}
      </div>
      {menuOpen && (
        <div id={menuId} className="snooze-menu" role="menu" aria-label="Snooze until">
          {options.map((option, index) => (
            <button
              key={option.label}
              type="button"
              role="menuitem"
              aria-label={option.label}
              aria-describedby={`${menuId}-${index}`}
              className="snooze-menu__item"
              onClick={() => {
                setMenuOpen(false);
                snooze.mutate({ id: alert.id, until: option.until });
              }}
            >
              <span className="snooze-menu__label">{option.label}</span>
              <span id={`${menuId}-${index}`} className="snooze-menu__when">
                {formatInstant(option.until, user.effectiveTimeZone)}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
