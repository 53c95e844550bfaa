import { useId, useMemo, type FormEvent } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import { profilePatchSchema, type ProfilePatch } from '../../../../shared/schemas/team';
import { Field, FormBanner } from '../../components/field';
import { ZoneOptions, allTimeZones } from '../../components/my-notifications-section';
import { useToast } from '../../components/toast';
import { TextField } from '../../forms/fields';
import { SubmitButton } from '../../forms/submit-button';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useSaveProfile } from '../../resources/me';
import { useSettings } from '../../resources/settings';
import { zoneLabel } from '../../time';

/** Name, e-mail and time zone; sends only what changed, with the version it was read at. */
export function ProfileForm({ user }: { user: User }) {
  const titleId = useId();
  const toast = useToast();
  const settings = useSettings();
  const form = useSchemaForm(
    { name: user.name, email: user.email, timeZone: user.timeZone ?? '' },
    {
      conflictMessage:
        'Your profile was changed elsewhere (another tab?). It has been reloaded; make your change again.',
    },
  );
  const { values } = form;
  const zones = useMemo(
    () => allTimeZones(...(user.timeZone ? [user.timeZone] : []), user.effectiveTimeZone),
    [user.timeZone, user.effectiveTimeZone],
  );
  const workspaceZone = settings.data?.timeZone;
  const dirty =
    values.name !== user.name ||
    values.email !== user.email ||
    values.timeZone !== (user.timeZone ?? '');

  const save = useSaveProfile({
    onSuccess: () => {
      toast.success('Profile saved');
    },
    onError: form.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: ProfilePatch = {
      version: user.version,
      ...(values.name !== user.name ? { name: values.name } : {}),
      ...(values.email !== user.email ? { email: values.email } : {}),
      ...(values.timeZone !== (user.timeZone ?? '') ? { timeZone: values.timeZone || null } : {}),
    };
    if (form.check(profilePatchSchema, patch)) save.mutate(patch);
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Profile
      </h2>
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField form={form} name="name" label="Name" autoComplete="name" maxLength={100} />
          <TextField
            form={form}
            name="email"
            label="E-mail"
            hint="You sign in with this address."
            type="email"
            autoComplete="email"
          />
          <Field
            label="Time zone"
            className="span-2"
            error={form.errors['timeZone']}
            hint={`The calendar, alerts and e-mails show times in this zone (now ${zoneLabel(
              user.effectiveTimeZone,
            )}).`}
          >
            {(p) => (
              <select
                {...p}
                value={values.timeZone}
                onChange={(e) => form.set('timeZone', e.target.value)}
              >
                <option value="">
                  {workspaceZone
                    ? `Follow the workspace (${workspaceZone.replace(/_/g, ' ')})`
                    : 'Follow the workspace'}
                </option>
                <ZoneOptions zones={zones} />
              </select>
            )}
          </Field>
        </div>
        <div className="form__actions">
          <SubmitButton label="Save profile" busy={save.isPending} disabled={!dirty} />
        </div>
      </form>
    </section>
  );
}
