import './team-page.css';
import { useId, useState, type FormEvent } from 'react';
import { ROLES, type Role, type User } from '../../../shared/schemas/auth';
import {
  INVITE_MAX_HOURS,
  inviteCreateSchema,
  type Invite,
  type InviteCreate,
  type InviteCreated,
  type TeamMember,
} from '../../../shared/schemas/team';
import { errorMessage, isApiError } from '../api';
import { RelativeTime } from '../components/alert-parts';
import { Spinner } from '../components/badges';
import { CopyBox } from '../components/copy-box';
import { ConfirmDialog } from '../components/dialog';
import { Field, FormBanner } from '../components/field';
import { PlusIcon } from '../components/icons';
import { OwnerOnly } from '../components/owner-only';
import { Switch } from '../components/switch';
import { useToast } from '../components/toast';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, formatInstant, roleInSentence } from '../format';
import { useCreateInvite, useInvites, useRevokeInvite } from '../resources/invites';
import { useTransferOwnership, useUpdateUser, useUsers } from '../resources/users';
import { useFormErrors } from '../hooks/use-form-errors';
import { navigate } from '../hooks/use-router';

const INVITE_ROLES: Role[] = ['editor', 'viewer'];

const EXPIRY_CHOICES: ReadonlyArray<{ hours: number; label: string }> = [
  { hours: 24, label: '1 day' },
  { hours: 7 * 24, label: '7 days' },
  { hours: INVITE_MAX_HOURS, label: '30 days' },
];

const INVITE_STATE_LABELS: Record<Invite['state'], string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The owner's page: who is on this install, their roles, and invite links for new teammates. */
export default function TeamPage({ user }: { user: User }) {
  if (user.role !== 'owner') return <OwnerOnly what="the team" />;
  return (
    <div className="page page--team">
      <div className="page-header">
        <div>
          <h1 className="page-title">Team</h1>
          <p className="page-subtitle">Who can use this workspace, and what each of them may do.</p>
        </div>
      </div>
      <MembersSection user={user} />
      <InvitesSection user={user} />
    </div>
  );
}

function MembersSection({ user }: { user: User }) {
  const titleId = useId();
  const users = useUsers();
  const [error, setError] = useState<string | null>(null);
  const [transferTo, setTransferTo] = useState<TeamMember | null>(null);
  const members = users.data ?? [];

  return (
    <section className="card card--flush" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title card__title-pad">
        Members
        {members.length > 0 && <span className="section-count">{members.length}</span>}
      </h2>
      {error && (
        <div className="card__title-pad team-error">
          <p className="banner banner--error" role="alert">
            <span>{error}</span>
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={() => setError(null)}
            >
              ×
            </button>
          </p>
        </div>
      )}
      {users.isPending ? (
        <Spinner label="Loading the team…" />
      ) : users.error ? (
        <p className="banner banner--error card__title-pad" role="alert">
          {errorMessage(users.error)}
        </p>
      ) : (
        <table className="table table--responsive team-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Active</th>
              <th scope="col">Last active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                user={user}
                onError={setError}
                onMakeOwner={() => setTransferTo(member)}
              />
            ))}
          </tbody>
        </table>
      )}
      {transferTo && <TransferDialog member={transferTo} onClose={() => setTransferTo(null)} />}
    </section>
  );
}

function MemberRow({
  member,
  user,
  onError,
  onMakeOwner,
}: {
  member: TeamMember;
  user: User;
  onError: (message: string | null) => void;
  onMakeOwner: () => void;
}) {
  const toast = useToast();
  const isSelf = member.id === user.id;
  const timeZone = user.effectiveTimeZone;

  const patch = useUpdateUser(member, isSelf, {
    onMutate: () => onError(null),
    onSuccess: (saved, json) => {
      if (json.role !== undefined) {
        toast.success(`${saved.name} is now ${roleInSentence(saved.role)}`);
      } else {
        toast.success(
          saved.disabled ? `${saved.name} is disabled` : `${saved.name} is enabled again`,
        );
      }
    },
    onError: (error) => {
      // A refusal (last owner, a stale version) is explained, and the row shows what is saved.
      const what = isApiError(error, 409) ? '' : 'Could not save: ';
      onError(`${member.name}: ${what}${errorMessage(error)}`);
    },
  });

  return (
    <tr className={member.disabled ? 'team-row--disabled' : undefined} data-testid="member-row">
      <td data-label="Name">
        <span className="strong">{member.name}</span>
        {isSelf && <span className="you-pill">You</span>}
      </td>
      <td data-label="E-mail" className="team-table__email">
        {member.email}
      </td>
      <td data-label="Role">
        <select
          className="table-select"
          aria-label={`Role of ${member.name}`}
          value={member.role}
          disabled={patch.isPending}
          onChange={(e) => patch.mutate({ version: member.version, role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r} title={ROLE_DESCRIPTIONS[r]}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Active">
        <span className="team-table__switch">
          <Switch
            checked={!member.disabled}
            aria-label={`${member.name} can sign in`}
            // The owner cannot lock themselves out; someone else has to.
            disabled={patch.isPending || isSelf}
            title={isSelf ? 'You cannot disable your own account' : undefined}
            onChange={(enabled) => patch.mutate({ version: member.version, disabled: !enabled })}
          />
          <span className="small muted">{member.disabled ? 'Disabled' : 'Enabled'}</span>
        </span>
      </td>
      <td data-label="Last active" className="muted">
        {member.lastActiveAt ? (
          <RelativeTime iso={member.lastActiveAt} timeZone={timeZone} />
        ) : (
          'Never'
        )}
      </td>
      <td className="actions">
        {!isSelf && member.role !== 'owner' && !member.disabled && (
          <button type="button" className="button button--small" onClick={onMakeOwner}>
            Make owner<span className="visually-hidden"> {member.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function TransferDialog({ member, onClose }: { member: TeamMember; onClose: () => void }) {
  const toast = useToast();
  const transfer = useTransferOwnership(member.id, {
    onSuccess: ({ owner }) => {
      toast.success(`${owner.name} is now the owner`, 'You are an editor from now on.');
      onClose();
      // The caller is an editor now: owner pages are no longer theirs.
      navigate('/', { replace: true });
    },
  });

  return (
    <ConfirmDialog
      title={`Make ${member.name} the owner?`}
      message={
        <>
          <p>
            <strong>{member.name}</strong> becomes the workspace owner: they manage the team,
            settings, invites and the audit log.
          </p>
          <p>
            You become an <strong>editor</strong>. You keep working on brands, deals and
            deliverables, but only the new owner can make you owner again.
          </p>
        </>
      }
      confirmLabel="Make owner"
      busy={transfer.isPending}
      error={transfer.error ? errorMessage(transfer.error) : null}
      onCancel={onClose}
      onConfirm={() => transfer.mutate()}
    />
  );
}

function InvitesSection({ user }: { user: User }) {
  const titleId = useId();
  const invites = useInvites();
  const [created, setCreated] = useState<InviteCreated | null>(null);
  const [revoking, setRevoking] = useState<Invite | null>(null);
  const timeZone = user.effectiveTimeZone;
  const list = invites.data ?? [];

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Invites
      </h2>
      <p className="section-intro muted">
        An invite is a link that works once: the person who opens it picks a password and joins with
        the role you chose.
      </p>
      {created && (
        <CopyBox
          title={`Invite link for ${created.email ?? `a new ${ROLE_LABELS[created.role].toLowerCase()}`}`}
          warning="Copy it now: it is shown only this once. Send it yourself, by e-mail or chat."
          value={created.url}
          label="Invite link"
          onDone={() => setCreated(null)}
        >
          <p>
            {created.email
              ? `Only ${created.email} can use it`
              : 'Anyone with the link can use it, once'}
            , to join as {roleInSentence(created.role)}, until{' '}
            {formatInstant(created.expiresAt, timeZone)}.
          </p>
        </CopyBox>
      )}
      {invites.isPending ? (
        <Spinner />
      ) : invites.error ? (
        <p className="banner banner--error" role="alert">
          {errorMessage(invites.error)}
        </p>
      ) : list.length === 0 ? (
        <p className="channel-empty muted">No invites yet. Create one below.</p>
      ) : (
        <ul className="invite-list">
          {list.map((invite) => (
            <li key={invite.id} className="invite-row" data-testid="invite-row">
              <div className="invite-row__main">
                <p className="invite-row__who">
                  {invite.email ?? 'Anyone with the link'}
                  <span className="muted"> · {ROLE_LABELS[invite.role]}</span>
                </p>
                <p className="muted small">
                  {invite.createdBy ? `Created by ${invite.createdBy.name} · ` : ''}
                  {invite.state === 'accepted' && invite.acceptedAt
                    ? `Accepted ${formatInstant(invite.acceptedAt, timeZone)}`
                    : invite.state === 'revoked' && invite.revokedAt
                      ? `Revoked ${formatInstant(invite.revokedAt, timeZone)}`
                      : invite.state === 'expired'
                        ? `Expired ${formatInstant(invite.expiresAt, timeZone)}`
                        : `Expires ${formatInstant(invite.expiresAt, timeZone)}`}
                </p>
              </div>
              <span className={`chip chip--invite-${invite.state}`}>
                {INVITE_STATE_LABELS[invite.state]}
              </span>
              {invite.state === 'pending' && (
                <button
                  type="button"
                  className="button button--small button--ghost-danger"
                  onClick={() => setRevoking(invite)}
                >
                  Revoke
                  <span className="visually-hidden">
                    {' '}
                    the invite for {invite.email ?? 'anyone'}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <InviteForm onCreated={setCreated} />
      {revoking && <RevokeDialog invite={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}

function RevokeDialog({ invite, onClose }: { invite: Invite; onClose: () => void }) {
  const toast = useToast();
  const revoke = useRevokeInvite(invite.id, {
    onSuccess: () => {
      toast.success('Invite revoked', 'The link no longer works.');
      onClose();
    },
  });
  return (
    <ConfirmDialog
      title="Revoke this invite?"
      message={
        <p>
          The link for <strong>{invite.email ?? 'anyone with it'}</strong> stops working at once.
          You can create a new one any time.
        </p>
      }
      confirmLabel="Revoke invite"
      busy={revoke.isPending}
      error={revoke.error ? errorMessage(revoke.error) : null}
      onCancel={onClose}
      onConfirm={() => revoke.mutate()}
    />
  );
}

function InviteForm({ onCreated }: { onCreated: (invite: InviteCreated) => void }) {
  const formId = useId();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState<{ role: Role; email: string; hours: number }>({
    role: 'editor',
    email: '',
    hours: 7 * 24,
  });

  const create = useCreateInvite({
    onSuccess: (invite) => {
      setState((s) => ({ ...s, email: '' }));
      onCreated(invite);
    },
    onError: fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const input: InviteCreate = {
      role: state.role,
      expiresInHours: state.hours,
      ...(state.email.trim() ? { email: state.email } : {}),
    };
    const parsed = inviteCreateSchema.safeParse(input);
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
        Invite someone
      </h3>
      <FormBanner message={formError} />
      <div className="invite-form__grid">
        <Field label="Role" error={errors['role']} hint={ROLE_DESCRIPTIONS[state.role]}>
          {(p) => (
            <select
              {...p}
              value={state.role}
              onChange={(e) => setState((s) => ({ ...s, role: e.target.value as Role }))}
            >
              {INVITE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="E-mail (optional)"
          error={errors['email']}
          hint="When given, only this address can accept."
        >
          {(p) => (
            <input
              {...p}
              type="email"
              value={state.email}
              placeholder="name@example.com"
              onChange={(e) => setState((s) => ({ ...s, email: e.target.value }))}
            />
          )}
        </Field>
        <Field label="Link works for" error={errors['expiresInHours']}>
          {(p) => (
            <select
              {...p}
              value={state.hours}
              onChange={(e) => setState((s) => ({ ...s, hours: Number(e.target.value) }))}
            >
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.hours} value={c.hours}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          <PlusIcon /> {create.isPending ? 'Creating…' : 'Create invite link'}
        </button>
      </div>
    </form>
  );
}
