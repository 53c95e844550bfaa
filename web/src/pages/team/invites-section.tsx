import { useState } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import type { Invite, InviteCreated } from '../../../../shared/schemas/team';
import { errorMessage } from '../../api';
import { CopyBox } from '../../components/copy-box';
import { ConfirmDialog } from '../../components/dialog';
import { QueryList } from '../../components/query-state';
import { useToast } from '../../components/toast';
import { ROLE_LABELS, formatInstant, roleInSentence } from '../../format';
import { useInvites, useRevokeInvite } from '../../resources/invites';
import { InviteForm } from './invite-form';
import { CardSection } from '../../components/lists/card-section';
import { DangerButton } from '../../components/row-actions';

const INVITE_STATE_LABELS: Record<Invite['state'], string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** Invite links: the new one shown once to copy, the list with each link's state, and revoking. */
export function InvitesSection({ user }: { user: User }) {
  const invites = useInvites();
  const [created, setCreated] = useState<InviteCreated | null>(null);
  const [revoking, setRevoking] = useState<Invite | null>(null);
  const timeZone = user.effectiveTimeZone;

  return (
    <CardSection
      title="Invites"
      intro="An invite is a link that works once: the person who opens it picks a password and joins with the role you chose."
    >
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
      <QueryList
        query={invites}
        className="invite-list"
        empty={<p className="channel-empty muted">No invites yet. Create one below.</p>}
      >
        {(invite) => (
          <InviteRow
            key={invite.id}
            invite={invite}
            timeZone={timeZone}
            onRevoke={() => setRevoking(invite)}
          />
        )}
      </QueryList>
      <InviteForm onCreated={setCreated} />
      {revoking && <RevokeDialog invite={revoking} onClose={() => setRevoking(null)} />}
    </CardSection>
  );
}

interface InviteRowProps {
  invite: Invite;
  timeZone: string;
  onRevoke: () => void;
}

function InviteRow({ invite, timeZone, onRevoke }: InviteRowProps) {
  return (
    <li className="invite-row" data-testid="invite-row">
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
        <DangerButton onClick={onRevoke}>
          Revoke
          <span className="visually-hidden"> the invite for {invite.email ?? 'anyone'}</span>
        </DangerButton>
      )}
    </li>
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
