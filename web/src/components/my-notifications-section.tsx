import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Preferences, PreferencesInput } from '../../../shared/schemas/channel';
import { ApiError, api, errorMessage, unwrap } from '../api';
import { keys, usePreferences } from '../hooks/queries';
import { issuesToErrors } from '../hooks/use-form-errors';
import { zoneLabel } from '../time';
import { Spinner } from './badges';
import { Field } from './field';
import { Switch } from './switch';
import { useToast } from './toast';

/** Every IANA zone the browser knows, with the ones in use first in the list. */
export function allTimeZones(...current: string[]): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...current, 'UTC', ...zones])].sort((a, b) => a.localeCompare(b));
}

/** The signed-in user's own alert e-mails and time zone (everyone, any role). */
export function MyNotificationsSection({
  user,
  workspaceTimeZone,
}: {
  user: User;
  workspaceTimeZone: string | null;
}) {
  const titleId = useId();
  const emailId = useId();
  const emailHintId = useId();
  const preferences = usePreferences();
  const queryClient = useQueryClient();
  const toast = useToast();
  const zones = useMemo(
    () => allTimeZones(...(user.timeZone ? [user.timeZone] : []), user.effectiveTimeZone),
    [user.timeZone, user.effectiveTimeZone],
  );

  const save = useMutation({
    mutationFn: (json: PreferencesInput) => unwrap(api.me.preferences.$put({ json })),
    onMutate: async (json) => {
      await queryClient.cancelQueries({ queryKey: keys.preferences });
      const before = queryClient.getQueryData<Preferences>(keys.preferences);
      if (before) queryClient.setQueryData<Preferences>(keys.preferences, { ...before, ...json });
      return { before };
    },
    onSuccess: (saved, json) => {
      queryClient.setQueryData(keys.preferences, saved);
      if (json.timeZone !== undefined) {
        // The calendar, the inbox and every date follow the user's effective zone.
        void queryClient.invalidateQueries({ queryKey: keys.me });
        toast.success(
          'Time zone saved',
          saved.timeZone
            ? `Times now show in ${saved.timeZone.replace(/_/g, ' ')}.`
            : 'Times now follow the workspace.',
        );
      } else {
        toast.success(saved.emailAlerts ? 'Alert e-mails on' : 'Alert e-mails off');
      }
    },
    onError: (error, _json, context) => {
      if (context?.before) queryClient.setQueryData(keys.preferences, context.before);
      const field =
        error instanceof ApiError ? Object.values(issuesToErrors(error.issues))[0] : undefined;
      toast.error('Could not save your preferences', field ?? errorMessage(error));
    },
  });

  const followLabel = workspaceTimeZone
    ? `Follow the workspace (${workspaceTimeZone.replace(/_/g, ' ')})`
    : 'Follow the workspace';

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        My notifications
      </h2>
      {preferences.isPending ? (
        <Spinner />
      ) : preferences.error ? (
        <p className="banner banner--error" role="alert">
          {errorMessage(preferences.error)}
        </p>
      ) : (
        <div className="form">
          <div className="setting-row">
            <div className="setting-row__text">
              <label htmlFor={emailId} className="setting-row__label">
                E-mail me alerts
              </label>
              <p id={emailHintId} className="field__hint">
                One e-mail per alert about deliverables assigned to you (or unassigned ones), with
                times in your zone. Sent when the server has e-mail set up.
              </p>
            </div>
            <Switch
              id={emailId}
              checked={preferences.data.emailAlerts}
              aria-describedby={emailHintId}
              onChange={(emailAlerts) => save.mutate({ emailAlerts })}
            />
          </div>
          <Field
            label="My time zone"
            hint={`The calendar, alerts and e-mails show times in this zone (now ${zoneLabel(
              user.effectiveTimeZone,
            )}).`}
          >
            {(p) => (
              <select
                {...p}
                value={preferences.data.timeZone ?? ''}
                disabled={save.isPending}
                onChange={(e) => save.mutate({ timeZone: e.target.value || null })}
              >
                <option value="">{followLabel}</option>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
    </section>
  );
}
