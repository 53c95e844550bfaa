import './invite-page.css';
import { useState, type FormEvent } from 'react';
import {
  inviteAcceptSchema,
  type InviteAccept,
  type InvitePreview,
} from '../../../shared/schemas/team';
import { isApiError } from '../api';
import { AuthLayout } from '../components/auth-layout';
import { BrowserZoneNote } from '../components/browser-zone-note';
import { Spinner } from '../components/badges';
import { FormBanner } from '../components/field';
import { NEW_PASSWORD } from '../components/new-password';
import { LoadFailed } from '../components/ui/load-failed';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, formatInstant, roleInSentence } from '../format';
import { useSetupStatus } from '../resources/auth';
import { useAcceptInvite, useInvitePreview } from '../resources/invites';
import { TextField } from '../forms/fields';
import { useSchemaForm } from '../forms/use-schema-form';
import { navigate } from '../hooks/use-router';
import { browserTimeZone } from '../time';

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
        <LoadFailed
          error={preview.error}
          onRetry={() => void preview.refetch()}
          buttonClassName="button button--primary button--block"
        />
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
  const form = useSchemaForm({ name: '', email: invite.email ?? '', password: '' });
  const role = ROLE_LABELS[invite.role];
  // As on the setup page: the new account's dates follow the browser's zone from the start.
  const [timeZone] = useState(browserTimeZone);

  const accept = useAcceptInvite(token, {
    onSuccess: () => {
      navigate('/', { replace: true });
    },
    onError: (error) => {
      // A 409 (the address already has an account) says so, on the e-mail field too.
      if (isApiError(error, 404)) onGone();
      else form.fail(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { name, email, password } = form.values;
    const input: InviteAccept = {
      name,
      email: invite.email ?? email,
      password,
      ...(timeZone ? { timeZone } : {}),
    };
    if (form.check(inviteAcceptSchema, input)) accept.mutate(input);
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
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField form={form} name="name" label="Your name" autoComplete="name" autoFocus />
        <TextField
          form={form}
          name="email"
          label="Email"
          hint={invite.email ? 'This invite is for this address.' : undefined}
          type="email"
          autoComplete="email"
          readOnly={invite.email !== null}
        />
        <TextField form={form} name="password" {...NEW_PASSWORD} />
        {timeZone && <BrowserZoneNote timeZone={timeZone} changeIn="your profile" />}
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={accept.isPending}
        >
          {accept.isPending ? 'Joining…' : `Join ${invite.workspaceName}`}
        </button>
      </form>
      <p className="muted small auth__footnote">
        The link works until {formatInstant(invite.expiresAt, timeZone ?? 'UTC')}.
      </p>
    </AuthLayout>
  );
}
