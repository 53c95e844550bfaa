import type { ReviewView } from '../../../../shared/schemas/review';
import { FORMAT_LABELS, PLATFORM_LABELS } from '../../format';
import { formatMoment, ReviewSection } from './review-layout';
import { DescriptionItem } from '../../components/ui/description-item';

/** What the creator made: where and when it goes live, its caption, notes and links. */
export function DraftView({ review }: { review: ReviewView }) {
  const where = `${PLATFORM_LABELS[review.platform]} · ${FORMAT_LABELS[review.format]}`;
  return (
    <>
      <header className="review__header">
        <p className="review__eyebrow">
          {review.workspaceName} asks {review.brandName} to review a draft
        </p>
        <h1 className="auth__title">{review.title}</h1>
      </header>
      <dl className="review__facts">
        <DescriptionItem term="Where">{where}</DescriptionItem>
        <DescriptionItem term="Goes live">
          {review.publishAt ? formatMoment(review.publishAt) : 'Not scheduled yet'}
        </DescriptionItem>
      </dl>

      <ReviewSection id="review-caption" title="Caption">
        {review.caption.trim() ? (
          <p className="review__text" data-testid="review-caption">
            {review.caption}
          </p>
        ) : (
          <p className="muted">No caption yet.</p>
        )}
      </ReviewSection>

      {review.notes.trim() && (
        <ReviewSection id="review-notes" title="Notes">
          <p className="review__text">{review.notes}</p>
        </ReviewSection>
      )}

      <ReviewSection id="review-links" title="The draft">
        {review.draftLinks.length > 0 ? (
          <ul className="review__links">
            {review.draftLinks.map((link, index) => (
              <li key={index}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.label.trim() || link.url}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            No links were attached: the caption and notes above are the draft.
          </p>
        )}
      </ReviewSection>
    </>
  );
}
