import { useState, type FormEvent } from 'react';
import { setupSchema, type SetupInput } from '../../../shared/schemas/auth';
import { AuthLayout } from '../components/auth-layout';
import { BrowserZoneNote } from '../components/browser-zone-note';
import { FormBanner } from '../components/field';
import { NEW_PASSWORD } from '../components/new-password';
import { TextField } from '../forms/fields';
import { useSchemaForm } from '../forms/use-schema-form';
import { useSetup } from '../resources/auth';
import { SubmitButton } from '../forms/submit-button';
import { browserTimeZone } from '../time';

/** First run: the person installing Sponsorcal becomes its owner. */
export function SetupPage() {
  const form = useSchemaForm({ name: '', email: '', password: '', workspaceName: '' });
  const [timeZone] = useState(browserTimeZone);
  const setup = useSetup({ onError: form.fail });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { name, email, password, workspaceName } = form.values;
    const input: SetupInput = {
      name,
      email,
      password,
      ...(workspaceName.trim() ? { workspaceName } : {}),
      ...(timeZone ? { timeZone } : {}),
    };
    if (form.check(setupSchema, input)) setup.mutate(input);
  };

  return (
    <AuthLayout
      title="Create the owner account"
      subtitle="Welcome to Sponsorcal. You are the first one here, so this account will own the workspace and can invite your team later."
    >
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField form={form} name="name" label="Name" autoComplete="name" autoFocus />
        <TextField form={form} name="email" label="Email" type="email" autoComplete="email" />
        <TextField form={form} name="password" {...NEW_PASSWORD} />
        <TextField
          form={form}
          name="workspaceName"
          label="Workspace name"
          hint="Usually your creator name or channel."
          placeholder="e.g. Ava Creates"
        />
        {timeZone && <BrowserZoneNote timeZone={timeZone} changeIn="Settings" />}
        <SubmitButton
          label="Create owner account"
          busy={setup.isPending}
          busyLabel="Creating your workspace…"
          className="button button--primary button--block"
        />
      </form>
    </AuthLayout>
  );
}
