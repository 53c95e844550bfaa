import './review-page.css';
import './proposal-page.css';
import { useState, type ReactNode } from 'react';
import type { ProposalView } from '../../../shared/schemas/proposal';
import { errorMessage } from '../api';
import { Spinner } from '../components/badges';
import { DownloadIcon } from '../components/icons';
import { PublicFrame } from '../components/ui/public-frame';
import { formatDay } from '../format';
import { proposalPdfPath, useProposalView } from '../resources/proposals';
import { ProposalAnswer } from './proposal/proposal-answer';
import { ProposalTermsView } from './proposal/proposal-terms';

function ProposalLayout({ children }: { children: ReactNode }) {
  return (
    <PublicFrame
      className="review"
      logoSize={30}
      cardClassName="review__card"
      tagline="A proposal shared with you."
    >
      {children}
    </PublicFrame>
  );
}

/**
 * `/proposal/:token`, opened signed out by the brand: exactly the proposed
 * terms, then accept them or ask for changes. An answered, expired, withdrawn
 * or replaced proposal says so; a link that opens nothing says only that.
 */
export function ProposalPage({ token }: { token: string }) {
  const proposal = useProposalView(token);
  const [gone, setGone] = useState(false);
  if (proposal.isPending) {
    return (
      <ProposalLayout>
        <Spinner label="Opening the proposal…" />
      </ProposalLayout>
    );
  }
  if (proposal.error) {
    return (
      <ProposalLayout>
        <h1 className="auth__title">Could not open this proposal</h1>
        <p className="banner banner--error" role="alert">
          {errorMessage(proposal.error)}
        </p>
        <button
          type="button"
          className="button button--primary button--block"
          onClick={() => void proposal.refetch()}
        >
          Try again
        </button>
      </ProposalLayout>
    );
  }
  if (proposal.data === null || gone) {
    return (
      <ProposalLayout>
        <h1 className="auth__title">This proposal link is not active</h1>
        <p className="muted">Ask the person who sent it to you for a new link.</p>
      </ProposalLayout>
    );
  }
  return <Proposal token={token} view={proposal.data} onGone={() => setGone(true)} />;
}

function StateNote({ view }: { view: ProposalView }) {
  const who = [view.decidedName, view.decidedTitle].filter(Boolean).join(', ');
  const note = {
    sent: null,
    accepted: `Accepted by ${who}${view.decidedAt ? ` on ${formatDay(view.decidedAt.slice(0, 10))}` : ''}. ${view.workspaceName} has been told.`,
    changes_requested: `You asked for changes. ${view.workspaceName} will send a revised version.`,
    expired: `This proposal expired on ${formatDay(view.expiresOn)}. Ask ${view.workspaceName} for a new one.`,
    withdrawn: `${view.workspaceName} withdrew this proposal.`,
    replaced: `This proposal was replaced by a newer version. Ask ${view.workspaceName} for the new link.`,
  }[view.state];
  if (!note) return null;
  return (
    <p
      className={view.state === 'accepted' ? 'banner banner--success' : 'banner banner--info'}
      role="status"
      data-testid="proposal-state"
    >
      {note}
    </p>
  );
}

function Proposal({
  token,
  view,
  onGone,
}: {
  token: string;
  view: ProposalView;
  onGone: () => void;
}) {
  return (
    <ProposalLayout>
      <header className="review__header">
        <p className="review__eyebrow">
          {view.workspaceName} proposes to {view.brandName}
        </p>
        <h1 className="auth__title">{view.dealTitle}</h1>
        <p className="muted small">
          Version {view.version} · sent {formatDay(view.sentOn)}
          {view.state === 'sent' ? ` · open until ${formatDay(view.expiresOn)}` : ''}
        </p>
      </header>
      <StateNote view={view} />
      {view.terms && <ProposalTermsView terms={view.terms} />}
      {view.terms && (
        <div className="proposal__actions">
          <a className="button" href={proposalPdfPath(token)} download>
            <DownloadIcon /> Download PDF
          </a>
        </div>
      )}
      {view.state === 'sent' && <ProposalAnswer token={token} onGone={onGone} />}
    </ProposalLayout>
  );
}
