import './report.css';
import { useState } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import type { Deal } from '../../../../shared/schemas/deal';
import type { ReportLink, ReportLinkCreated } from '../../../../shared/schemas/report';
import { errorMessage } from '../../api';
import { formatDay } from '../../format';
import {
  useDealReportLinks,
  useDealTestimonials,
  useFeatureTestimonial,
  useRevokeReportLink,
} from '../../resources/reports';
import { CopyDialog } from '../copy-box';
import { CardAction, CardSection } from '../lists/card-section';
import { useToast } from '../toast';
import { ShareReportDialog } from './share-report-dialog';
import { QueryList } from '../query-state';
import { DangerButton } from '../row-actions';

const STATE_LABELS: Record<ReportLink['state'], string> = {
  active: 'Shared',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The deal's campaign report: share it on a link, revoke links, and what the brand said. */
export function DealReport({ deal, user }: { deal: Deal; user: User }) {
  const canEdit = user.role !== 'viewer';
  const links = useDealReportLinks(deal.id);
  const toast = useToast();
  const [sharing, setSharing] = useState(false);
  const [created, setCreated] = useState<ReportLinkCreated | null>(null);
  const revoke = useRevokeReportLink(deal.id, {
    onSuccess: () => toast.success('Report link revoked', 'It now opens nothing.'),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <CardSection
      title="Campaign report"
      intro="The results of this deal for the brand: every post with its metrics and growth, totals and averages, on a link that opens without an account."
      actions={canEdit && <CardAction onClick={() => setSharing(true)}>Share report</CardAction>}
    >
      <QueryList
        query={links}
        className="report-links"
        empty={<p className="muted">No report shared yet.</p>}
      >
        {(link) => (
          <li key={link.id} className="report-links__row" data-testid="report-link-row">
            <span>
              <strong>{STATE_LABELS[link.state]}</strong>{' '}
              <span className="muted small">
                {formatDay(link.createdAt.slice(0, 10))}
                {link.state === 'active'
                  ? ` · open until ${formatDay(link.expiresAt.slice(0, 10))}`
                  : ''}
              </span>
            </span>
            {canEdit && link.state === 'active' && (
              <DangerButton disabled={revoke.isPending} onClick={() => revoke.mutate(link.id)}>
                Revoke
              </DangerButton>
            )}
          </li>
        )}
      </QueryList>
      <DealTestimonials dealId={deal.id} isOwner={user.role === 'owner'} />
      {sharing && (
        <ShareReportDialog
          dealId={deal.id}
          brandName={deal.brandName}
          onClose={() => setSharing(false)}
          onShared={(answer) => {
            setSharing(false);
            setCreated(answer);
          }}
        />
      )}
      {created && (
        <CopyDialog
          dialogTitle="Report shared"
          title="The brand's link to the report"
          warning="Copy it now: for safety it is shown only once. You can share a new link any time."
          value={created.url}
          label="Report link"
          onClose={() => setCreated(null)}
        />
      )}
    </CardSection>
  );
}

/** What brands said on the reports; the owner features the ones they allowed on the media kit. */
function DealTestimonials({ dealId, isOwner }: { dealId: string; isOwner: boolean }) {
  const testimonials = useDealTestimonials(dealId);
  const toast = useToast();
  const feature = useFeatureTestimonial(dealId, {
    onSuccess: (t) =>
      toast.success(t.featured ? 'Featured on your media kit' : 'Taken off your media kit'),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const items = testimonials.data ?? [];
  if (items.length === 0) return null;
  return (
    <div className="report-testimonials">
      <h3 className="section-title">Testimonials</h3>
      <ul>
        {items.map((t) => (
          <li key={t.id} className="report-testimonials__row" data-testid="testimonial-row">
            <blockquote>{t.quote}</blockquote>
            <p className="muted small">
              {t.name}
              {t.title ? `, ${t.title}` : ''} · {t.brandName} ·{' '}
              {t.mayPublish ? 'may be published' : 'not for publishing'}
            </p>
            {isOwner && t.mayPublish && (
              <button
                type="button"
                className="button button--small"
                aria-pressed={t.featured}
                disabled={feature.isPending}
                onClick={() => feature.mutate({ id: t.id, featured: !t.featured })}
              >
                {t.featured ? 'Remove from media kit' : 'Feature on media kit'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
