import './review-page.css';
import './proposal-page.css';
import { useState, type ReactNode } from 'react';
import type { ProposalView } from '../../../shared/schemas/proposal';
import { InactiveLinkNote, PdfActions, PublicLinkView } from '../components/ui/public-link-view';
import { formatDay } from '../format';
import { proposalPdfPath, useProposalView } from '../resources/proposals';
import { ProposalAnswer } from './proposal/proposal-answer';
import { ProposalTermsView } from './proposal/proposal-terms';
import { ReviewLayout } from './review/review-layout';

function ProposalLayout({ children }: { children: ReactNode }) {
  return (
    <ReviewLayout wide tagline="A proposal shared with you.">
      {children}
    </ReviewLayout>
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
  return (
    <PublicLinkView
      query={proposal}
      layout={ProposalLayout}
      opening="Opening the proposal…"
      failed="Could not open this proposal"
      gone={gone}
      inactive={<InactiveLinkNote title="This proposal link is not active" />}
    >
      {(view) => <Proposal token={token} view={view} onGone={() => setGone(true)} />}
    </PublicLinkView>
  );
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
      {view.terms && <PdfActions className="proposal__actions" href={proposalPdfPath(token)} />}
      {view.state === 'sent' && <ProposalAnswer token={token} onGone={onGone} />}
    </ProposalLayout>
  );
}
