import type { ReviewView } from '../../../../shared/schemas/review';
import { FORMAT_LABELS, PLATFORM_LABELS } from '../../format';
import { formatMoment } from './review-layout';

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
        <div>
          <dt>Where</dt>
          <dd>{where}</dd>
        </div>
        <div>
          <dt>Goes live</dt>
          <dd>{review.publishAt ? formatMoment(review.publishAt) : 'Not scheduled yet'}</dd>
        </div>
      </dl>

      <section className="review__section" aria-labelledby="review-caption">
        <h2 id="review-caption" className="subsection-title">
          Caption
        </h2>
        {review.caption.trim() ? (
          <p className="review__text" data-testid="review-caption">
            {review.caption}
          </p>
        ) : (
          <p className="muted">No caption yet.</p>
        )}
      </section>

      {review.notes.trim() && (
        <section className="review__section" aria-labelledby="review-notes">
          <h2 id="review-notes" className="subsection-title">
            Notes
          </h2>
          <p className="review__text">{review.notes}</p>
        </section>
      )}

      <section className="review__section" aria-labelledby="review-links">
        <h2 id="review-links" className="subsection-title">
          The draft
        </h2>
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
      </section>
    </>
  );
}
