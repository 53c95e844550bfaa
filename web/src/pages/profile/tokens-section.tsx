import { useState } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import type { ApiToken, ApiTokenCreated } from '../../../../shared/schemas/team';
import { errorMessage } from '../../api';
import { RelativeTime } from '../../components/alert-parts';
import { CopyBox } from '../../components/copy-box';
import { ConfirmDialog } from '../../components/dialog';
import { QueryList } from '../../components/query-state';
import { useToast } from '../../components/toast';
import { formatInstant } from '../../format';
import { useApiTokens, useRevokeToken } from '../../resources/me';
import { SCOPE_LABELS, TokenForm } from './token-form';
import { CardSection } from '../../components/lists/card-section';
import { DangerButton } from '../../components/row-actions';

/** The user's API tokens: a new one is shown once, to copy; any can be revoked. */
export function TokensSection({ user }: { user: User }) {
  const tokens = useApiTokens();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <CardSection
      title="API tokens"
      intro={
        <>
          For scripts and other tools: a token acts as you, with your role
          {user.role === 'viewer' ? ' (a viewer’s tokens can only read)' : ''}. Revoke one you no
          longer use.
        </>
      }
    >
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
      <QueryList
        query={tokens}
        className="token-list"
        empty={<p className="channel-empty muted">No tokens yet.</p>}
      >
        {(token) => (
          <TokenRow
            key={token.id}
            token={token}
            timeZone={user.effectiveTimeZone}
            onRevoke={() => setRevoking(token)}
          />
        )}
      </QueryList>
      <TokenForm user={user} onCreated={setCreated} />
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />}
    </CardSection>
  );
}

interface TokenRowProps {
  token: ApiToken;
  timeZone: string;
  onRevoke: () => void;
}

function TokenRow({ token, timeZone, onRevoke }: TokenRowProps) {
  return (
    <li className="token-row" data-testid="token-row">
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
      <DangerButton onClick={onRevoke}>
        Revoke<span className="visually-hidden"> {token.name}</span>
      </DangerButton>
    </li>
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
