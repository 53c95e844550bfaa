import { useId, useMemo, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/schemas/settings';
import { errorMessage, isApiError } from '../api';
import { Spinner } from '../components/badges';
import { ChannelsSection } from '../components/channels-section';
import { COMMON_CURRENCIES } from '../components/deal-dialog';
import { Field, FormBanner } from '../components/field';
import { InvoiceDetailsSection } from '../components/invoice-details-section';
import { InvoiceEmailsSection } from '../components/invoice-emails-section';
import { LeadTimesSection } from '../components/lead-times-section';
import { Link } from '../components/link';
import { MyNotificationsSection, allTimeZones } from '../components/my-notifications-section';
import { useToast } from '../components/toast';
import { ROLE_LABELS } from '../format';
import { useSaveSettings, useSettings } from '../resources/settings';
import { useFormErrors } from '../hooks/use-form-errors';
import { zoneLabel } from '../time';

export default function SettingsPage({ user }: { user: User }) {
  const settings = useSettings();
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <h1 className="page-title">Settings</h1>
          <p className="page-subtitle">Workspace defaults for everyone on your team.</p>
        </div>
      </div>
      {settings.isPending ? (
        <div className="card">
          <Spinner />
        </div>
      ) : settings.error || !settings.data ? (
        <div className="card">
          <p className="banner banner--error" role="alert">
            {errorMessage(settings.error)}
          </p>
        </div>
      ) : (
        <>
          <WorkspaceForm key={settings.data.version} settings={settings.data} user={user} />
          <LeadTimesSection
            key={`lead-${settings.data.version}`}
            settings={settings.data}
            user={user}
          />
          <InvoiceDetailsSection
            key={`invoice-${settings.data.version}`}
            settings={settings.data}
            user={user}
          />
          <InvoiceEmailsSection
            key={`emails-${settings.data.version}`}
            settings={settings.data}
            user={user}
          />
        </>
      )}
      {user.role === 'owner' && <ChannelsSection />}
      <MyNotificationsSection user={user} />
      <section className="card" aria-labelledby="account-title">
        <div className="section-header">
          <h2 id="account-title" className="section-title">
            Your account
          </h2>
          <Link href="/profile" className="button button--small">
            Edit your profile
          </Link>
        </div>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{ROLE_LABELS[user.role]}</dd>
          </div>
          <div>
            <dt>Your time zone</dt>
            <dd>
              {user.effectiveTimeZone.replace(/_/g, ' ')}
              {user.timeZone === null && <span className="muted"> (the workspace’s)</span>}
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}

function WorkspaceForm({ settings, user }: { settings: Settings; user: User }) {
  const isOwner = user.role === 'owner';
  const formId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  const [state, setState] = useState({
    name: settings.name,
    timeZone: settings.timeZone,
    currency: settings.currency,
  });
  const zones = useMemo(() => allTimeZones(settings.timeZone), [settings.timeZone]);
  const dirty =
    state.name !== settings.name ||
    state.timeZone !== settings.timeZone ||
    state.currency !== settings.currency;

  const save = useSaveSettings({
    // Times everywhere follow the workspace zone for users without their own.
    movesTimes: true,
    onSuccess: () => {
      toast.success('Settings saved');
    },
    onError: (error) => {
      if (isApiError(error, 409)) {
        setFormError(
          'Someone else changed these settings. They have been reloaded; make your change again.',
        );
        return;
      }
      fromError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const patch: SettingsPatch = { version: settings.version, ...state };
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    save.mutate(patch);
  };

  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="section-title">
        Workspace
      </h2>
      {!isOwner && (
        <p className="banner banner--info">Only the workspace owner can change these settings.</p>
      )}
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          <Field label="Workspace name" error={errors['name']}>
            {(p) => (
              <input
                {...p}
                type="text"
                value={state.name}
                onChange={(e) => setState((s) => ({ ...s, name: e.target.value }))}
              />
            )}
          </Field>
          <Field
            label="Time zone"
            error={errors['timeZone']}
            hint={`Dates, “due today” and reminders use this zone (now ${zoneLabel(state.timeZone)}).`}
          >
            {(p) => (
              <select
                {...p}
                value={state.timeZone}
                onChange={(e) => setState((s) => ({ ...s, timeZone: e.target.value }))}
              >
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Default currency"
            error={errors['currency']}
            hint="New deals start in this currency."
          >
            {(p) => (
              <select
                {...p}
                value={state.currency}
                onChange={(e) => setState((s) => ({ ...s, currency: e.target.value }))}
              >
                {[...new Set([settings.currency, ...COMMON_CURRENCIES])].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        {isOwner && (
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={save.isPending || !dirty}
            >
              {save.isPending ? 'Saving…' : 'Save settings'}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
