import './profile-page.css';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  apiTokenCreateSchema,
  passwordChangeSchema,
  profilePatchSchema,
  type ApiToken,
  type ApiTokenCreate,
  type ApiTokenCreated,
  type PasswordChange,
  type ProfilePatch,
  type SessionInfo,
  type TokenScope,
  TOKEN_SCOPES,
} from '../../../shared/schemas/team';
import { errorMessage, isApiError } from '../api';
import { RelativeTime } from '../components/alert-parts';
import { Spinner } from '../components/badges';
import { CopyBox } from '../components/copy-box';
import { ConfirmDialog } from '../components/dialog';
import { Field, FormBanner } from '../components/field';
import { PlusIcon } from '../components/icons';
import { allTimeZones } from '../components/my-notifications-section';
import { useToast } from '../components/toast';
import { ROLE_LABELS, describeUserAgent, formatInstant } from '../format';
import {
  useApiTokens,
  useChangePassword,
  useCreateToken,
  useEndSession,
  useRevokeToken,
  useSaveProfile,
  useSessions,
  useSignOutOthers,
} from '../resources/me';
import { useSettings } from '../resources/settings';
import { useFormErrors } from '../hooks/use-form-errors';
import { zoneLabel } from '../time';

const SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'Read only',
  read_write: 'Read and write',
};

const TOKEN_EXPIRY_CHOICES: ReadonlyArray<{ days: number | null; label: string }> = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'Never' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The signed-in user's own account: profile, password, sessions and API tokens (any role). */
export default function ProfilePage({ user }: { user: User }) {
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <h1 className="page-title">Your profile</h1>
          <p className="page-subtitle">
            <span>
              {user.email} · <span className="role-pill">{ROLE_LABELS[user.role]}</span>
            </span>
          </p>
        </div>
      </div>
      <ProfileForm key={user.version} user={user} />
      <PasswordSection />
      <SessionsSection user={user} />
      <TokensSection user={user} />
    </div>
  );
}

function ProfileForm({ user }: { user: User }) {
  const titleId = useId();
  const toast = useToast();
  const settings = useSettings();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  const [state, setState] = useState({
    name: user.name,
    email: user.email,
    timeZone: user.timeZone ?? '',
  });
  const zones = useMemo(
    () => allTimeZones(...(user.timeZone ? [user.timeZone] : []), user.effectiveTimeZone),
    [user.timeZone, user.effectiveTimeZone],
  );
  const workspaceZone = settings.data?.timeZone;
  const dirty =
    state.name !== user.name ||
    state.email !== user.email ||
    state.timeZone !== (user.timeZone ?? '');

  const save = useSaveProfile({
    onSuccess: () => {
      toast.success('Profile saved');
    },
    onError: (error) => {
      if (isApiError(error, 409) && error.code === 'conflict') {
        setFormError(
          'Your profile was changed elsewhere (another tab?). It has been reloaded; make your change again.',
        );
        return;
      }
      fromError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const patch: ProfilePatch = {
      version: user.version,
      ...(state.name !== user.name ? { name: state.name } : {}),
      ...(state.email !== user.email ? { email: state.email } : {}),
      ...(state.timeZone !== (user.timeZone ?? '') ? { timeZone: state.timeZone || null } : {}),
    };
    const parsed = profilePatchSchema.safeParse(patch);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    save.mutate(patch);
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Profile
      </h2>
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label="Name" error={errors['name']}>
            {(p) => (
              <input
                {...p}
                type="text"
                autoComplete="name"
                maxLength={100}
                value={state.name}
                onChange={(e) => setState((s) => ({ ...s, name: e.target.value }))}
              />
            )}
          </Field>
          <Field label="E-mail" error={errors['email']} hint="You sign in with this address.">
            {(p) => (
              <input
                {...p}
                type="email"
                autoComplete="email"
                value={state.email}
                onChange={(e) => setState((s) => ({ ...s, email: e.target.value }))}
              />
            )}
          </Field>
          <Field
            label="Time zone"
            className="span-2"
            error={errors['timeZone']}
            hint={`The calendar, alerts and e-mails show times in this zone (now ${zoneLabel(
              user.effectiveTimeZone,
            )}).`}
          >
            {(p) => (
              <select
                {...p}
                value={state.timeZone}
                onChange={(e) => setState((s) => ({ ...s, timeZone: e.target.value }))}
              >
                <option value="">
                  {workspaceZone
                    ? `Follow the workspace (${workspaceZone.replace(/_/g, ' ')})`
                    : 'Follow the workspace'}
                </option>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={save.isPending || !dirty}
          >
            {save.isPending ? 'Saving…' : 'Save profile'}
          </button>
        </div>
      </form>
    </section>
  );
}

function PasswordSection() {
  const titleId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [state, setState] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const set = (key: keyof typeof state, value: string) => setState((s) => ({ ...s, [key]: value }));

  const change = useChangePassword({
    onSuccess: () => {
      setState({ currentPassword: '', newPassword: '', confirm: '' });
      setDone(true);
      toast.success('Password changed', 'You were signed out everywhere else.');
    },
    onError: fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDone(false);
    setConfirmError(null);
    const input: PasswordChange = {
      currentPassword: state.currentPassword,
      newPassword: state.newPassword,
    };
    const parsed = passwordChangeSchema.safeParse(input);
    const mismatch = state.confirm !== state.newPassword;
    if (!parsed.success || mismatch) {
      fromZod(parsed.success ? [] : parsed.error.issues);
      if (mismatch) setConfirmError('The two new passwords differ');
      return;
    }
    change.mutate(input);
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
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label="Current password" error={errors['currentPassword']} className="span-2">
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="current-password"
                value={state.currentPassword}
                onChange={(e) => set('currentPassword', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="New password"
            error={errors['newPassword']}
            hint="At least 12 characters. A short sentence works well."
          >
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={state.newPassword}
                onChange={(e) => set('newPassword', e.target.value)}
              />
            )}
          </Field>
          <Field label="New password again" error={confirmError ?? undefined}>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={state.confirm}
                onChange={(e) => set('confirm', e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}

function SessionsSection({ user }: { user: User }) {
  const titleId = useId();
  const sessions = useSessions();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const list = sessions.data ?? [];
  const others = list.filter((s) => !s.current);

  const signOutOthers = useSignOutOthers({
    onMutate: () => setError(null),
    onSuccess: () => {
      toast.success('Signed out everywhere else');
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId} className="section-title">
          Where you’re signed in
        </h2>
        {others.length > 0 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => signOutOthers.mutate()}
            disabled={signOutOthers.isPending}
          >
            {signOutOthers.isPending ? 'Signing out…' : 'Sign out everywhere else'}
          </button>
        )}
      </div>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {sessions.isPending ? (
        <Spinner />
      ) : sessions.error ? (
        <p className="banner banner--error" role="alert">
          {errorMessage(sessions.error)}
        </p>
      ) : (
        <ul className="session-list">
          {list.map((session) => (
            <SessionRow key={session.id} session={session} user={user} onError={setError} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionRow({
  session,
  user,
  onError,
}: {
  session: SessionInfo;
  user: User;
  onError: (message: string | null) => void;
}) {
  const toast = useToast();
  const timeZone = user.effectiveTimeZone;
  const device = describeUserAgent(session.userAgent);
  const end = useEndSession(session.id, {
    onMutate: () => onError(null),
    onSuccess: () => {
      toast.success('Signed out', `${device} is no longer signed in.`);
    },
    onError: (e) => onError(errorMessage(e)),
  });

  return (
    <li className="session-row" data-testid="session-row">
      <div className="session-row__main">
        <p className="session-row__device" title={session.userAgent ?? undefined}>
          {device}
          {session.current && <span className="you-pill">This browser</span>}
        </p>
        <p className="muted small">
          Signed in {formatInstant(session.createdAt, timeZone)} · Last active{' '}
          <RelativeTime iso={session.lastSeenAt} timeZone={timeZone} />
        </p>
      </div>
      {!session.current && (
        <button
          type="button"
          className="button button--small"
          onClick={() => end.mutate()}
          disabled={end.isPending}
        >
          Sign out<span className="visually-hidden"> {device}</span>
        </button>
      )}
    </li>
  );
}

function TokensSection({ user }: { user: User }) {
  const titleId = useId();
  const tokens = useApiTokens();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const timeZone = user.effectiveTimeZone;
  const list = tokens.data ?? [];

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        API tokens
      </h2>
      <p className="section-intro muted">
        For scripts and other tools: a token acts as you, with your role
        {user.role === 'viewer' ? ' (a viewer’s tokens can only read)' : ''}. Revoke one you no
        longer use.
      </p>
      {created && (
        <CopyBox
          title={`Token “${created.name}”`}
          warning="Copy it now: it is shown only this once. Revoke it and create another if you lose it."
          value={created.token}
          label="API token"
          onDone={() => setCreated(null)}
        >
          <p>Send it in the Authorization header, for example:</p>
          <pre className="code-block">
            <code>{`curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/deliverables`}</code>
          </pre>
          <p>
            {created.scope === 'read'
              ? 'This token can only read (GET requests).'
              : 'This token can read and change what you can.'}{' '}
            It cannot change your password, sessions or tokens.
          </p>
        </CopyBox>
      )}
      {tokens.isPending ? (
        <Spinner />
      ) : tokens.error ? (
        <p className="banner banner--error" role="alert">
          {errorMessage(tokens.error)}
        </p>
      ) : list.length === 0 ? (
        <p className="channel-empty muted">No tokens yet.</p>
      ) : (
        <ul className="token-list">
          {list.map((token) => (
            <li key={token.id} className="token-row" data-testid="token-row">
              <div className="token-row__main">
                <p className="token-row__name">
                  {token.name} <code className="token-row__prefix">{token.prefix}…</code>
                </p>
                <p className="muted small">
                  {SCOPE_LABELS[token.scope]} · Created {formatInstant(token.createdAt, timeZone)} ·{' '}
                  {token.lastUsedAt ? (
                    <>
                      Last used <RelativeTime iso={token.lastUsedAt} timeZone={timeZone} />
                    </>
                  ) : (
                    'Never used'
                  )}{' '}
                  ·{' '}
                  {token.expiresAt
                    ? `${Date.parse(token.expiresAt) <= Date.now() ? 'Expired' : 'Expires'} ${formatInstant(token.expiresAt, timeZone)}`
                    : 'Never expires'}
                </p>
              </div>
              <button
                type="button"
                className="button button--small button--ghost-danger"
                onClick={() => setRevoking(token)}
              >
                Revoke<span className="visually-hidden"> {token.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <TokenForm user={user} onCreated={setCreated} />
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const toast = useToast();
  const revoke = useRevokeToken(token.id, {
    onSuccess: () => {
      toast.success('Token revoked');
      onClose();
    },
  });
  return (
    <ConfirmDialog
      title="Revoke this token?"
      message={
        <p>
          Scripts using <strong>{token.name}</strong> stop working at once. This cannot be undone.
        </p>
      }
      confirmLabel="Revoke token"
      busy={revoke.isPending}
      error={revoke.error ? errorMessage(revoke.error) : null}
      onCancel={onClose}
      onConfirm={() => revoke.mutate()}
    />
  );
}

function TokenForm({
  user,
  onCreated,
}: {
  user: User;
  onCreated: (token: ApiTokenCreated) => void;
}) {
  const formId = useId();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState<{ name: string; scope: TokenScope; days: number | null }>({
    name: '',
    scope: user.role === 'viewer' ? 'read' : 'read_write',
    days: 90,
  });

  const create = useCreateToken({
    onSuccess: (token) => {
      setState((s) => ({ ...s, name: '' }));
      onCreated(token);
    },
    onError: fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const input: ApiTokenCreate = {
      name: state.name,
      scope: state.scope,
      expiresAt:
        state.days === null ? null : new Date(Date.now() + state.days * DAY_MS).toISOString(),
    };
    const parsed = apiTokenCreateSchema.safeParse(input);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    create.mutate(parsed.data);
  };

  return (
    <form
      className="form channel-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${formId}-title`}
    >
      <h3 id={`${formId}-title`} className="subsection-title">
        Create a token
      </h3>
      <FormBanner message={formError} />
      <div className="token-form__grid">
        <Field label="Token name" error={errors['name']}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={100}
              placeholder="e.g. Weekly report script"
              value={state.name}
              onChange={(e) => setState((s) => ({ ...s, name: e.target.value }))}
            />
          )}
        </Field>
        <Field label="Access" error={errors['scope']}>
          {(p) => (
            <select
              {...p}
              value={state.scope}
              onChange={(e) => setState((s) => ({ ...s, scope: e.target.value as TokenScope }))}
            >
              {/* A viewer's token could never write anyway. */}
              {(user.role === 'viewer' ? (['read'] as const) : TOKEN_SCOPES).map((scope) => (
                <option key={scope} value={scope}>
                  {SCOPE_LABELS[scope]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Expires after" error={errors['expiresAt']}>
          {(p) => (
            <select
              {...p}
              value={state.days ?? 'never'}
              onChange={(e) =>
                setState((s) => ({
                  ...s,
                  days: e.target.value === 'never' ? null : Number(e.target.value),
                }))
              }
            >
              {TOKEN_EXPIRY_CHOICES.map((c) => (
                <option key={c.label} value={c.days ?? 'never'}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          <PlusIcon /> {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
