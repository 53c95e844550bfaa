import { useId, useMemo } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import type { Settings } from '../../../../shared/schemas/settings';
import { COMMON_CURRENCIES } from '../../components/deal-dialog';
import { Field, FormBanner } from '../../components/field';
import { ZoneOptions, allTimeZones } from '../../components/my-notifications-section';
import { TextField } from '../../forms/fields';
import { SubmitButton } from '../../forms/submit-button';
import { zoneLabel } from '../../time';
import { useSettingsForm } from '../../components/use-settings-form';

/** The workspace's name, time zone and default currency: the owner edits, everyone else reads. */
export function WorkspaceForm({ settings, user }: { settings: Settings; user: User }) {
  const isOwner = user.role === 'owner';
  const formId = useId();
  const { form, save, submitWith } = useSettingsForm(
    { name: settings.name, timeZone: settings.timeZone, currency: settings.currency },
    {
      savedMessage: 'Settings saved',
      conflictMessage:
        'Someone else changed these settings. They have been reloaded; make your change again.',
      // Times everywhere follow the workspace zone for users without their own.
      movesTimes: true,
    },
  );
  const { values } = form;
  const zones = useMemo(() => allTimeZones(settings.timeZone), [settings.timeZone]);
  const dirty =
    values.name !== settings.name ||
    values.timeZone !== settings.timeZone ||
    values.currency !== settings.currency;
  const submit = submitWith((state) => ({ version: settings.version, ...state }));

  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="section-title">
        Workspace
      </h2>
      {!isOwner && (
        <p className="banner banner--info">Only the workspace owner can change these settings.</p>
      )}
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          <TextField form={form} name="name" label="Workspace name" />
          <Field
            label="Time zone"
            error={form.errors['timeZone']}
            hint={`Dates, “due today” and reminders use this zone (now ${zoneLabel(values.timeZone)}).`}
          >
            {(p) => (
              <select
                {...p}
                value={values.timeZone}
                onChange={(e) => form.set('timeZone', e.target.value)}
              >
                <ZoneOptions zones={zones} />
              </select>
            )}
          </Field>
          <Field
            label="Default currency"
            error={form.errors['currency']}
            hint="New deals start in this currency."
          >
            {(p) => (
              <select
                {...p}
                value={values.currency}
                onChange={(e) => form.set('currency', e.target.value)}
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
            <SubmitButton label="Save settings" busy={save.isPending} disabled={!dirty} />
          </div>
        )}
      </form>
    </section>
  );
}
