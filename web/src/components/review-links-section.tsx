import './review-links-section.css';
import { useId, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Deliverable } from '../../../shared/schemas/deliverable';
import type { ReviewLinkCreated, ReviewLinkState } from '../../../shared/schemas/review';
import { errorMessage } from '../api';
import { formatInstant } from '../format';
import {
  useCreateReviewLink,
  useReviewLinks,
  useRevokeReviewLink,
} from '../resources/review-links';
import { BusyButton } from '../forms/submit-button';
import { CopyBox } from './copy-box';
import { QueryList } from './query-state';
import { useToast } from './toast';
import { DangerButton } from './row-actions';

const STATE_LABELS: Record<ReviewLinkState, string> = {
  open: 'Waiting for the brand',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The status colours the calendar uses, so "approved" looks the same everywhere. */
const STATE_CHIPS: Record<ReviewLinkState, string> = {
  open: 'chip--in_review',
  approved: 'chip--approved',
  changes_requested: 'chip--changes_requested',
  expired: 'chip--invite-expired',
  revoked: 'chip--invite-revoked',
};

const EXPIRY_CHOICES = [1, 3, 7, 14, 30] as const;

/**
 * Brand review for an existing deliverable: the history of its review links
 * with the brand's answers, and (for editors, while the deliverable is in
 * review) a new link to send, shown once.
 */
export function ReviewLinksSection({
  user,
  deliverable,
}: {
  user: User;
  deliverable: Deliverable;
}) {
  const titleId = useId();
  const expiryId = useId();
  const toast = useToast();
  const links = useReviewLinks(deliverable.id);
  const [created, setCreated] = useState<ReviewLinkCreated | null>(null);
  const [days, setDays] = useState<number>(7);
  const canEdit = user.role !== 'viewer';
  const inReview = deliverable.status === 'in_review';
  const timeZone = user.effectiveTimeZone;
  const create = useCreateReviewLink(deliverable.id, {
    onSuccess: (link) => {
      setCreated(link);
    },
  });

  const revoke = useRevokeReviewLink(deliverable.id, {
    onSuccess: () => {
      toast.success('Review link revoked', 'The link no longer opens the draft.');
    },
    onError: (error) => toast.error('Could not revoke the link', errorMessage(error)),
  });

  return (
    <section className="review-links" aria-labelledby={titleId} data-testid="review-links">
      <h3 id={titleId} className="subsection-title">
        Brand review
      </h3>
      <p className="muted small review-links__intro">
        Send the brand a link to this draft: they see the caption, brief and draft links, and
        approve it or ask for changes without an account.
      </p>
      {created && (
        <CopyBox
          title="Review link for the brand"
          warning="Copy it now: it is shown only this once. Send it to your contact at the brand."
          value={created.url}
          label="Review link"
          onDone={() => setCreated(null)}
        >
          <p>
            It works once, until {formatInstant(created.expiresAt, timeZone)}, and only while the
            deliverable is in review.
          </p>
        </CopyBox>
      )}
      <QueryList
        query={links}
        className="invite-list review-links__list"
        empty={<p className="muted small">No review links yet.</p>}
      >
        {(link) => (
          <li key={link.id} className="invite-row review-link" data-testid="review-link">
            <div className="invite-row__main">
              <p className="muted small">
                Created {formatInstant(link.createdAt, timeZone)}
                {link.createdBy ? ` by ${link.createdBy.name}` : ''}
                {' · '}
                {link.state === 'open' || link.state === 'expired'
                  ? `${link.state === 'expired' ? 'Expired' : 'Expires'} ${formatInstant(link.expiresAt, timeZone)}`
                  : link.state === 'revoked' && link.revokedAt
                    ? `Revoked ${formatInstant(link.revokedAt, timeZone)}`
                    : link.decidedAt
                      ? `Answered ${formatInstant(link.decidedAt, timeZone)}${link.reviewerName ? ` by ${link.reviewerName}` : ''}`
                      : ''}
              </p>
              {link.comment && (
                <blockquote className="review-link__comment">{link.comment}</blockquote>
              )}
            </div>
            <span className={`chip ${STATE_CHIPS[link.state]}`}>{STATE_LABELS[link.state]}</span>
            {canEdit && link.state === 'open' && (
              <DangerButton disabled={revoke.isPending} onClick={() => revoke.mutate(link)}>
                Revoke<span className="visually-hidden"> this review link</span>
              </DangerButton>
            )}
          </li>
        )}
      </QueryList>
      {canEdit && (
        <div className="review-links__create">
          {create.error && (
            <p className="banner banner--error" role="alert">
              {errorMessage(create.error)}
            </p>
          )}
          <label htmlFor={expiryId} className="small muted">
            Works for
          </label>
          <select
            id={expiryId}
            className="table-select"
            value={days}
            disabled={!inReview}
            onChange={(e) => setDays(Number(e.target.value))}
          >
            {EXPIRY_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? '1 day' : `${n} days`}
              </option>
            ))}
          </select>
          <BusyButton
            className="button button--small"
            label="Create review link"
            busyLabel="Creating…"
            busy={create.isPending}
            disabled={!inReview}
            onClick={() => create.mutate(days)}
          />
          {!inReview && (
            <span className="muted small">
              Save the deliverable as “In review” to send it to the brand.
            </span>
          )}
        </div>
      )}
    </section>
  );
}
