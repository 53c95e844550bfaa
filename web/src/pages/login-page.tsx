import { useState, type FormEvent } from 'react';
import { loginSchema } from '../../../shared/schemas/auth';
import { AuthLayout } from '../components/auth-layout';
import { Field, FormBanner } from '../components/field';
import { useLogin } from '../resources/auth';
import { useFormErrors } from '../hooks/use-form-errors';

export function LoginPage() {
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState({ email: '', password: '' });

  const login = useLogin({ onError: fromError });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const parsed = loginSchema.safeParse(state);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    login.mutate(state);
  };

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to see what is due.">
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Email" error={errors['email']}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={state.email}
              onChange={(e) => setState((s) => ({ ...s, email: e.target.value }))}
              autoFocus
            />
          )}
        </Field>
        <Field label="Password" error={errors['password']}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={state.password}
              onChange={(e) => setState((s) => ({ ...s, password: e.target.value }))}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={login.isPending}
        >
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted small auth__footnote">
        Forgot your password or need an account? Ask your workspace owner.
      </p>
    </AuthLayout>
  );
}
