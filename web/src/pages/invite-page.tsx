import './invite-page.css';
import { useState, type FormEvent } from 'react';
import {
  inviteAcceptSchema,
  type InviteAccept,
  type InvitePreview,
} from '../../../shared/schemas/team';
import { errorMessage, isApiError } from '../api';
import { AuthLayout } from '../components/auth-layout';
import { Spinner } from '../components/badges';
import { Field, FormBanner } from '../components/field';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, formatInstant, roleInSentence } from '../format';
import { useSetupStatus } from '../resources/auth';
import { useAcceptInvite, useInvitePreview } from '../resources/invites';
import { useFormErrors } from '../hooks/use-form-errors';
import { navigate } from '../hooks/use-router';

/**
 * `/invite/:token`, opened signed out: who invited you, to what, as what; then
 * name, e-mail and password, and the new teammate lands signed in on the calendar.
 */
export function InvitePage({ token }: { token: string }) {
  const preview = useInvitePreview(token);
  const [gone, setGone] = useState(false);

  if (preview.isPending) {
    return (
      <AuthLayout title="Checking your invite…">
        <Spinner />
      </AuthLayout>
    );
  }
  if (preview.error) {
    return (
      <AuthLayout title="Could not check this invite">
        <p className="banner banner--error" role="alert">
          {errorMessage(preview.error)}
        </p>
        <button
          type="button"
          className="button button--primary button--block"
          onClick={() => void preview.refetch()}
        >
          Try again
        </button>
      </AuthLayout>
    );
  }
  if (preview.data === null || gone) return <InvalidInvite />;
  return <AcceptForm token={token} invite={preview.data} onGone={() => setGone(true)} />;
}

function InvalidInvite() {
  return (
    <AuthLayout
      title="This invite link is no longer valid"
      subtitle="It has been used already, it has expired, or it was revoked."
    >
      <p className="muted">
        Ask the person who invited you for a new link. If you already joined, sign in instead.
      </p>
      <a href="/" className="button button--primary button--block">
        Go to sign in
      </a>
    </AuthLayout>
  );
}

function AcceptForm({
  token,
  invite,
  onGone,
}: {
  token: string;
  invite: InvitePreview;
  onGone: () => void;
}) {
  const setup = useSetupStatus();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState({ name: '', email: invite.email ?? '', password: '' });
  const set = (key: keyof typeof state, value: string) => setState((s) => ({ ...s, [key]: value }));
  const role = ROLE_LABELS[invite.role];
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const accept = useAcceptInvite(token, {
    onSuccess: () => {
      navigate('/', { replace: true });
    },
    onError: (error) => {
      // A 409 (the address already has an account) says so, on the e-mail field too.
      if (isApiError(error, 404)) onGone();
      else fromError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const input: InviteAccept = {
      name: state.name,
      email: invite.email ?? state.email,
      password: state.password,
    };
    const parsed = inviteAcceptSchema.safeParse(input);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    accept.mutate(input);
  };

  return (
    <AuthLayout
      title={`Join ${invite.workspaceName}`}
      subtitle={`${invite.invitedBy ?? 'The workspace owner'} invited you to ${invite.workspaceName} as ${roleInSentence(invite.role)}.`}
    >
      <p className="invite-role">
        <span className="role-pill">{role}</span>
        <span className="muted small">{ROLE_DESCRIPTIONS[invite.role]}.</span>
      </p>
      {setup.data?.signedIn && (
        <p className="banner banner--info">
          You are signed in on this browser. Joining signs you in as the new account instead.
        </p>
      )}
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Your name" error={errors['name']}>
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
        <Field
          label="Email"
          error={errors['email']}
          hint={invite.email ? 'This invite is for this address.' : undefined}
        >
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              value={invite.email ?? state.email}
              readOnly={invite.email !== null}
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
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={accept.isPending}
        >
          {accept.isPending ? 'Joining…' : `Join ${invite.workspaceName}`}
        </button>
      </form>
      <p className="muted small auth__footnote">
        The link works until {formatInstant(invite.expiresAt, browserZone)}. Times follow the
        workspace’s time zone until you pick your own in your profile.
      </p>
    </AuthLayout>
  );
}
