import { useId, useState, type FormEvent } from 'react';
import { passwordChangeSchema, type PasswordChange } from '../../../../shared/schemas/team';
import { FormBanner } from '../../components/field';
import { NEW_PASSWORD } from '../../components/new-password';
import { useToast } from '../../components/toast';
import { TextField } from '../../forms/fields';
import { SubmitButton } from '../../forms/submit-button';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useChangePassword } from '../../resources/me';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** Changing the password signs out every other session; this browser stays signed in. */
export function PasswordSection() {
  const titleId = useId();
  const toast = useToast();
  const form = useSchemaForm(EMPTY);
  const [done, setDone] = useState(false);

  const change = useChangePassword({
    onSuccess: () => {
      form.setValues(EMPTY);
      setDone(true);
      toast.success('Password changed', 'You were signed out everywhere else.');
    },
    onError: form.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const { currentPassword, newPassword, confirm } = form.values;
    const input: PasswordChange = { currentPassword, newPassword };
    const mismatch =
      confirm !== newPassword ? [{ path: 'confirm', message: 'The two new passwords differ' }] : [];
    if (form.check(passwordChangeSchema, input, mismatch)) change.mutate(input);
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Password
      </h2>
      {done && (
        <p className="banner banner--success" role="status">
          Your password was changed. Every other session was signed out; this browser stays signed
          in.
        </p>
      )}
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField
            form={form}
            name="currentPassword"
            label="Current password"
            className="span-2"
            type="password"
            autoComplete="current-password"
          />
          <TextField form={form} name="newPassword" {...NEW_PASSWORD} label="New password" />
          <TextField
            form={form}
            name="confirm"
            label="New password again"
            type="password"
            autoComplete="new-password"
          />
        </div>
        <div className="form__actions">
          <SubmitButton label="Change password" busyLabel="Changing…" busy={change.isPending} />
        </div>
      </form>
    </section>
  );
}
