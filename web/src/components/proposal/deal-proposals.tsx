import './proposal.css';
import { useState } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import type { Deal } from '../../../../shared/schemas/deal';
import type { Proposal, ProposalCreated, ProposalState } from '../../../../shared/schemas/proposal';
import { errorMessage } from '../../api';
import { formatDay, formatMoney } from '../../format';
import { useDeliverablesOfDeal } from '../../resources/deliverables';
import { useMediaKit } from '../../resources/kit';
import { useDealProposals, useSendProposal, useWithdrawProposal } from '../../resources/proposals';
import { CopyDialog } from '../copy-box';
import { CardAction, CardSection } from '../lists/card-section';
import { useToast } from '../toast';
import { ProposalDialog } from './proposal-dialog';
import { QueryList } from '../query-state';
import { DangerButton } from '../row-actions';

const STATE_LABELS: Record<ProposalState, string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
  replaced: 'Replaced',
  expired: 'Expired',
};

/** How a proposal was answered, in a line. */
function answerOf(p: Proposal): string {
  if (!p.decidedAt) return `Open until ${formatDay(p.expiresOn)}`;
  const who = [p.decidedName, p.decidedTitle].filter(Boolean).join(', ');
  const when = formatDay(p.decidedAt.slice(0, 10));
  return p.status === 'accepted'
    ? `Accepted by ${who} on ${when}`
    : `${who} asked for changes on ${when}: “${p.comment ?? ''}”`;
}

/** The deal's proposals: send, revise, copy the link, withdraw; what the brand answered. */
export function DealProposals({ deal, user }: { deal: Deal; user: User }) {
  const canEdit = user.role !== 'viewer';
  const proposals = useDealProposals(deal.id);
  // A first proposal starts from what the deal already plans, priced from the rate card.
  const deliverables = useDeliverablesOfDeal(deal.id);
  const kit = useMediaKit();
  const toast = useToast();
  const [dialog, setDialog] = useState<{ revise: boolean } | null>(null);
  const [created, setCreated] = useState<ProposalCreated | null>(null);
  const withdraw = useWithdrawProposal(deal.id, {
    onSuccess: () => toast.success('Proposal withdrawn', 'Its link now says so.'),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const mail = useSendProposal({
    onSuccess: ({ to }) => toast.success('Proposal e-mailed', `To ${to.join(', ')}, with its PDF.`),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const items = proposals.data ?? [];
  const latest = items[0];
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success('Link copied');
    } catch {
      toast.error('Could not copy: open the link and copy it from the address bar.');
    }
  };

  return (
    <CardSection
      title="Proposals"
      intro="Terms the brand accepts with one click: the deal is then contracted, its deliverables planned."
      actions={
        canEdit && (
          <CardAction onClick={() => setDialog({ revise: false })}>Send proposal</CardAction>
        )
      }
    >
      <QueryList
        query={proposals}
        className="proposal-list"
        empty={<p className="muted">No proposal sent yet.</p>}
      >
        {(p) => (
          <li key={p.id} className="proposal-row" data-testid="proposal-row">
            <span className="proposal-row__main">
              <strong>
                Version {p.version} · {formatMoney(p.terms.totalCents, p.terms.currency)} ·{' '}
                {STATE_LABELS[p.state]}
              </strong>
              <span className="muted small">{answerOf(p)}</span>
            </span>
            <span className="section-header__actions">
              {p.url && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void copy(p.url!)}
                >
                  Copy link
                </button>
              )}
              {canEdit && p === latest && p.state !== 'accepted' && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setDialog({ revise: true })}
                >
                  Revise
                </button>
              )}
              {canEdit && p.state === 'sent' && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={mail.isPending}
                  onClick={() => mail.mutate({ id: p.id })}
                >
                  E-mail to brand
                </button>
              )}
              {canEdit && p.status === 'sent' && (
                <DangerButton disabled={withdraw.isPending} onClick={() => withdraw.mutate(p.id)}>
                  Withdraw
                </DangerButton>
              )}
            </span>
          </li>
        )}
      </QueryList>
      {dialog && (
        <ProposalDialog
          deal={deal}
          timeZone={user.effectiveTimeZone}
          previous={dialog.revise && latest ? latest.terms : null}
          planned={{ deliverables: deliverables.data ?? [], rateCard: kit.data?.rateCard ?? [] }}
          onClose={() => setDialog(null)}
          onSent={(answer) => {
            setDialog(null);
            setCreated(answer);
          }}
        />
      )}
      {created && (
        <CopyDialog
          dialogTitle="Proposal sent"
          title={`Version ${created.version}: the brand's link`}
          warning="Send it to your contact at the brand. You can copy it again from the list."
          value={created.url}
          label="Proposal link"
          onClose={() => setCreated(null)}
        />
      )}
    </CardSection>
  );
}
