import { useId, useState } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import type { SessionInfo } from '../../../../shared/schemas/team';
import { errorMessage } from '../../api';
import { RelativeTime } from '../../components/alert-parts';
import { QueryState } from '../../components/query-state';
import { useToast } from '../../components/toast';
import { BusyButton } from '../../forms/submit-button';
import { describeUserAgent, formatInstant } from '../../format';
import { useEndSession, useSessions, useSignOutOthers } from '../../resources/me';

/** Every browser signed in as this user, each with a sign-out; one button ends all the others. */
export function SessionsSection({ user }: { user: User }) {
  const titleId = useId();
  const sessions = useSessions();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const others = (sessions.data ?? []).filter((s) => !s.current);

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
          <BusyButton
            className="button button--small"
            label="Sign out everywhere else"
            busyLabel="Signing out…"
            busy={signOutOthers.isPending}
            onClick={() => signOutOthers.mutate()}
          />
        )}
      </div>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <QueryState query={sessions}>
        {(list) => (
          <ul className="session-list">
            {list.map((session) => (
              <SessionRow key={session.id} session={session} user={user} onError={setError} />
            ))}
          </ul>
        )}
      </QueryState>
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
