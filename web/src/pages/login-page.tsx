import type { FormEvent } from 'react';
import { loginSchema } from '../../../shared/schemas/auth';
import { AuthLayout } from '../components/auth-layout';
import { FormBanner } from '../components/field';
import { TextField } from '../forms/fields';
import { useSchemaForm } from '../forms/use-schema-form';
import { useLogin } from '../resources/auth';
import { SubmitButton } from '../forms/submit-button';

export function LoginPage() {
  const form = useSchemaForm({ email: '', password: '' });
  const login = useLogin({ onError: form.fail });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(loginSchema, form.values)) login.mutate(form.values);
  };

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to see what is due.">
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
        />
        <TextField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
        />
        <SubmitButton
          label="Sign in"
          busy={login.isPending}
          busyLabel="Signing in…"
          className="button button--primary button--block"
        />
      </form>
      <p className="muted small auth__footnote">
        Forgot your password or need an account? Ask your workspace owner.
      </p>
    </AuthLayout>
  );
}
