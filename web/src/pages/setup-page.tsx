import { useState, type FormEvent } from 'react';
import { setupSchema, type SetupInput } from '../../../shared/schemas/auth';
import { isValidTimeZone } from '../../../shared/schemas/common';
import { Field, FormBanner } from '../components/field';
import { AuthLayout } from '../components/auth-layout';
import { useSetup } from '../resources/auth';
import { useFormErrors } from '../hooks/use-form-errors';

function browserTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : undefined;
}

/** First run: the person installing Sponsorcal becomes its owner. */
export function SetupPage() {
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [timeZone] = useState(browserTimeZone);
  const [state, setState] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const set = (key: keyof typeof state, value: string) => setState((s) => ({ ...s, [key]: value }));

  const setup = useSetup({ onError: fromError });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const input: SetupInput = {
      name: state.name,
      email: state.email,
      password: state.password,
      ...(state.workspaceName.trim() ? { workspaceName: state.workspaceName } : {}),
      ...(timeZone ? { timeZone } : {}),
    };
    const parsed = setupSchema.safeParse(input);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    setup.mutate(input);
  };

  return (
    <AuthLayout
      title="Create the owner account"
      subtitle="Welcome to Sponsorcal. You are the first one here, so this account will own the workspace and can invite your team later."
    >
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Name" error={errors['name']}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="name"
              value={state.name}
              onChange={(e) => set('name', e.target.value)}
              autoFocus
            />
          )}
        </Field>
        <Field label="Email" error={errors['email']}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              value={state.email}
              onChange={(e) => set('email', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Password"
          error={errors['password']}
          hint="At least 12 characters. A short sentence works well."
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={state.password}
              onChange={(e) => set('password', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Workspace name"
          error={errors['workspaceName']}
          hint="Usually your creator name or channel."
        >
          {(p) => (
            <input
              {...p}
              type="text"
              value={state.workspaceName}
              onChange={(e) => set('workspaceName', e.target.value)}
              placeholder="e.g. Ava Creates"
            />
          )}
        </Field>
        {timeZone && (
          <p className="muted small">
            Dates will be shown in <strong>{timeZone.replace(/_/g, ' ')}</strong>, your browser’s
            time zone. You can change it later in Settings.
          </p>
        )}
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={setup.isPending}
        >
          {setup.isPending ? 'Creating your workspace…' : 'Create owner account'}
        </button>
      </form>
    </AuthLayout>
  );
}
