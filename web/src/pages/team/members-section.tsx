import { useId, useState } from 'react';
import { ROLES, type User } from '../../../../shared/schemas/auth';
import type { TeamMember } from '../../../../shared/schemas/team';
import { errorMessage, isApiError } from '../../api';
import { RelativeTime } from '../../components/alert-parts';
import { ConfirmDialog } from '../../components/dialog';
import { QueryState } from '../../components/query-state';
import { Switch } from '../../components/switch';
import { useToast } from '../../components/toast';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, roleInSentence } from '../../format';
import { navigate } from '../../hooks/use-router';
import { useTransferOwnership, useUpdateUser, useUsers } from '../../resources/users';
import { TableHead } from '../../components/lists/table-head';

/** Everyone on the install: role, sign-in switch, last activity, and handing over ownership. */
export function MembersSection({ user }: { user: User }) {
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
      <QueryState query={users} loadingLabel="Loading the team…" errorClassName="card__title-pad">
        {(list) => (
          <table className="table table--responsive team-table">
            <TableHead
              columns={[
                'Name',
                'E-mail',
                'Role',
                'Active',
                'Last active',
                { label: 'Actions', hidden: true },
              ]}
            />
            <tbody>
              {list.map((member) => (
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
      </QueryState>
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
          onChange={(e) => {
            const role = ROLES.find((r) => r === e.target.value);
            if (role) patch.mutate({ version: member.version, role });
          }}
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
