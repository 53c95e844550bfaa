import './review-page.css';
import { useState } from 'react';
import type { ReviewDecision, ReviewView } from '../../../shared/schemas/review';
import { PublicLinkView } from '../components/ui/public-link-view';
import { useReview } from '../resources/review';
import { DecisionForm } from './review/decision-form';
import { DraftView } from './review/draft-view';
import { formatMoment, ReviewLayout } from './review/review-layout';

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
  return (
    <PublicLinkView
      query={review}
      layout={ReviewLayout}
      opening="Opening the draft…"
      failed="Could not open this review"
      gone={gone}
      inactive={<InactiveLink />}
    >
      {(data) => (
        <ReviewDraft
          token={token}
          review={data}
          onGone={() => setGone(true)}
          onDecided={(decision) => setDecided({ decision, workspace: data.workspaceName })}
        />
      )}
    </PublicLinkView>
  );
}

function InactiveLink() {
  return (
    <>
      <h1 className="auth__title">This review link is no longer active</h1>
      <p className="auth__subtitle">
        It has already been answered, it has expired, or it was withdrawn.
      </p>
      <p className="muted">
        If you still need to review this draft, ask the person who sent you the link for a new one.
      </p>
    </>
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
  return (
    <ReviewLayout wide>
      <DraftView review={review} />
      <DecisionForm token={token} onGone={onGone} onDecided={onDecided} />
      <p className="muted small auth__footnote">
        This link works until {formatMoment(review.expiresAt)}, and once: your answer closes it.
      </p>
    </ReviewLayout>
  );
}
