import './review-page.css';
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  REVIEW_COMMENT_MAX,
  reviewDecisionBodySchema,
  type ReviewDecision,
  type ReviewDecisionBody,
  type ReviewView,
} from '../../../shared/schemas/review';
import { errorMessage, isApiError } from '../api';
import { LogoMark } from '../components/app-shell';
import { Spinner } from '../components/badges';
import { Field, FormBanner } from '../components/field';
import { FORMAT_LABELS, PLATFORM_LABELS } from '../format';
import { useReview, useReviewDecision } from '../resources/review';
import { useFormErrors } from '../hooks/use-form-errors';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Tuesday, March 10, 2026 at 6:00 PM CET": the reviewer's own zone, spelled out. */
function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: browserZone(),
  }).format(new Date(iso));
}

/** A centred page for someone who has never seen the app: no navigation, nothing else to find. */
function ReviewLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="auth review">
      <div className="auth__brand">
        <LogoMark size={30} />
        <span className="auth__product">Sponsorcal</span>
      </div>
      <main className={`auth__card${wide ? ' review__card' : ''}`}>{children}</main>
      <p className="auth__tagline">A draft shared with you for review.</p>
    </div>
  );
}

/**
 * `/review/:token`, opened signed out by the brand: what the creator made (title,
 * platform, go-live, caption, notes, links to the draft), then approve it or
 * ask for changes. A link that no longer works says so, and nothing more.
 */
export function ReviewPage({ token }: { token: string }) {
  const review = useReview(token);
  const [gone, setGone] = useState(false);
  const [decided, setDecided] = useState<{ decision: ReviewDecision; workspace: string } | null>(
    null,
  );

  if (decided) return <ThankYou {...decided} />;
  if (review.isPending) {
    return (
      <ReviewLayout>
        <Spinner label="Opening the draft…" />
      </ReviewLayout>
    );
  }
  if (review.error) {
    return (
      <ReviewLayout>
        <h1 className="auth__title">Could not open this review</h1>
        <p className="banner banner--error" role="alert">
          {errorMessage(review.error)}
        </p>
        <button
          type="button"
          className="button button--primary button--block"
          onClick={() => void review.refetch()}
        >
          Try again
        </button>
      </ReviewLayout>
    );
  }
  const data = review.data;
  if (data === null || gone) return <InactiveLink />;
  return (
    <ReviewDraft
      token={token}
      review={data}
      onGone={() => setGone(true)}
      onDecided={(decision) => setDecided({ decision, workspace: data.workspaceName })}
    />
  );
}

function InactiveLink() {
  return (
    <ReviewLayout>
      <h1 className="auth__title">This review link is no longer active</h1>
      <p className="auth__subtitle">
        It has already been answered, it has expired, or it was withdrawn.
      </p>
      <p className="muted">
        If you still need to review this draft, ask the person who sent you the link for a new one.
      </p>
    </ReviewLayout>
  );
}

function ThankYou({ decision, workspace }: { decision: ReviewDecision; workspace: string }) {
  return (
    <ReviewLayout>
      <div className="review__done" role="status">
        <h1 className="auth__title">Thank you!</h1>
        <p>
          {decision === 'approve'
            ? `${workspace} has been told that you approved the draft.`
            : `${workspace} has been told what you would like changed, and will prepare a new draft.`}
        </p>
        <p className="muted small">You can close this page. The link has now been used.</p>
      </div>
    </ReviewLayout>
  );
}

function ReviewDraft({
  token,
  review,
  onGone,
  onDecided,
}: {
  token: string;
  review: ReviewView;
  onGone: () => void;
  onDecided: (decision: ReviewDecision) => void;
}) {
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [comment, setComment] = useState('');
  const [name, setName] = useState('');

  const decide = useReviewDecision(token, {
    onSuccess: (result) => onDecided(result.decision),
    onError: (error) => {
      if (isApiError(error, 404)) onGone();
      else fromError(error);
    },
  });

  const submit = (decision: ReviewDecision) => {
    clear();
    const input: ReviewDecisionBody = {
      decision,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
    };
    const parsed = reviewDecisionBodySchema.safeParse(input);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    decide.mutate(input);
  };

  const where = `${PLATFORM_LABELS[review.platform]} · ${FORMAT_LABELS[review.format]}`;

  return (
    <ReviewLayout wide>
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

      {/* Enter in a field sends nothing: the answer is always one of the two buttons, on purpose. */}
      <form
        className="form review__decision"
        onSubmit={(event: FormEvent) => event.preventDefault()}
        noValidate
      >
        <h2 className="section-title">Your answer</h2>
        <FormBanner message={formError} />
        <Field
          label="Comment"
          error={errors['comment']}
          hint="Required to request changes; optional when you approve."
        >
          {(p) => (
            <textarea
              {...p}
              rows={4}
              value={comment}
              maxLength={REVIEW_COMMENT_MAX}
              onChange={(e) => setComment(e.target.value)}
              placeholder="What works, and what should change"
            />
          )}
        </Field>
        <Field
          label="Your name"
          error={errors['name']}
          hint="Optional: so the team knows who answered."
        >
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="name"
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <div className="review__actions">
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => submit('request_changes')}
          >
            Request changes
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={decide.isPending}
            onClick={() => submit('approve')}
          >
            {decide.isPending ? 'Sending…' : 'Approve'}
          </button>
        </div>
      </form>
      <p className="muted small auth__footnote">
        This link works until {formatMoment(review.expiresAt)}, and once: your answer closes it.
      </p>
    </ReviewLayout>
  );
}
