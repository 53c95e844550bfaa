import './my-notifications-section.css';
import { useId } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { ApiError, errorMessage } from '../api';
import { usePreferences, useSavePreferences } from '../resources/me';
import { useSettings } from '../resources/settings';
import { issuesToErrors } from '../hooks/use-form-errors';
import { zoneLabel } from '../time';
import { Link } from './link';
import { Switch } from './switch';
import { useToast } from './toast';
import { QueryState } from './query-state';

/** Every IANA zone the browser knows, with the ones in use first in the list. */
export function allTimeZones(...current: string[]): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...current, 'UTC', ...zones])].sort((a, b) => a.localeCompare(b));
}

/** One `<option>` per zone, its underscores shown as spaces. */
export function ZoneOptions({ zones }: { zones: readonly string[] }) {
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone.replace(/_/g, ' ')}
    </option>
  ));
}

/** The signed-in user's own alert e-mails (everyone, any role); the zone is set in the profile. */
export function MyNotificationsSection({ user }: { user: User }) {
  const titleId = useId();
  const emailId = useId();
  const emailHintId = useId();
  const preferences = usePreferences();
  // Without SMTP on the server no alert e-mail can go out: the switch says so instead of offering itself.
  const emailOff = useSettings().data?.emailEnabled === false;
  const toast = useToast();

  const save = useSavePreferences({
    onSuccess: (saved) => {
      toast.success(saved.emailAlerts ? 'Alert e-mails on' : 'Alert e-mails off');
    },
    onError: (error) => {
      const field =
        error instanceof ApiError ? Object.values(issuesToErrors(error.issues))[0] : undefined;
      toast.error('Could not save your preferences', field ?? errorMessage(error));
    },
  });

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        My notifications
      </h2>
      <QueryState query={preferences}>
        {(prefs) => (
          <div className="form">
            <div className="setting-row">
              <div className="setting-row__text">
                <label htmlFor={emailId} className="setting-row__label">
                  E-mail me alerts
                </label>
                <p id={emailHintId} className="field__hint">
                  {emailOff
                    ? 'E-mail is not set up on this server (SMTP_URL), so no alert e-mails can be sent. Ask whoever runs Sponsorcal to set it up; alerts still show here and in chat channels.'
                    : 'One e-mail per alert about deliverables assigned to you (or unassigned ones), with times in your zone.'}
                </p>
              </div>
              <Switch
                id={emailId}
                disabled={emailOff}
                checked={prefs.emailAlerts && !emailOff}
                aria-describedby={emailHintId}
                onChange={(emailAlerts) => save.mutate({ emailAlerts })}
              />
            </div>
            <p className="muted small">
              Times in alerts and e-mails use your time zone,{' '}
              {user.effectiveTimeZone.replace(/_/g, ' ')} ({zoneLabel(user.effectiveTimeZone)}).{' '}
              <Link href="/profile" className="my-notifications__profile-link">
                Change it in your profile
              </Link>
              .
            </p>
          </div>
        )}
      </QueryState>
    </section>
  );
}
