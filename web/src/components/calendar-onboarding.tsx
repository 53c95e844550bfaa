import './calendar-onboarding.css';
import { errorMessage } from '../api';
import { plural } from '../format';
import { useLoadSampleData } from '../resources/seed';
import { UploadIcon } from './icons';
import { Link } from './link';
import { useToast } from './toast';

export interface CalendarOnboardingProps {
  canEdit: boolean;
  hasBrands: boolean;
}

/** The three steps to a planned deliverable; the first is ticked once a brand exists. */
const STEPS: ReadonlyArray<{ title: string; detail: string }> = [
  { title: 'Add a brand', detail: 'The company you work with, its contacts and its colour.' },
  { title: 'Record a deal', detail: 'The fee, the contract, exclusivity and usage rights.' },
  { title: 'Plan its deliverables', detail: 'Each post’s draft due date and go-live, right here.' },
];

/**
 * The empty calendar: what to do first (brand → deal → deliverables) and,
 * in a workspace without brands, the offer to load sample data.
 */
export function CalendarOnboarding({ canEdit, hasBrands }: CalendarOnboardingProps) {
  const toast = useToast();
  const seed = useLoadSampleData({
    onSuccess: (counts) => {
      toast.success(
        'Sample data loaded',
        `${plural(counts.brands, 'brand')}, ${plural(counts.deals, 'deal')}, ${plural(counts.deliverables, 'deliverable')} and ${plural(counts.invoices, 'invoice')}.`,
      );
    },
    onError: (error) => toast.error('Could not load sample data', errorMessage(error)),
  });

  return (
    <section className="card empty-state" aria-labelledby="empty-title">
      <EmptyIllustration />
      <h2 id="empty-title" className="empty-state__title">
        Plan your first sponsored post
      </h2>
      {canEdit ? (
        <>
          <p className="empty-state__text">
            Sponsorcal organises your work as <strong>brand → deal → deliverables</strong>. Each
            deliverable gets a draft due date and a go-live slot on this calendar, and the team is
            reminded before anything slips.
          </p>
          <ol className="steps">
            {STEPS.map((step, index) => {
              const done = index === 0 && hasBrands;
              return (
                <li key={step.title} className={`steps__item${done ? ' steps__item--done' : ''}`}>
                  <span className="steps__number">{done ? '✓' : String(index + 1)}</span>
                  <div>
                    <p className="steps__title">{step.title}</p>
                    <p className="muted small">{step.detail}</p>
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="empty-state__actions">
            {hasBrands ? (
              <Link href="/deals?new=1" className="button button--primary">
                Create a deal
              </Link>
            ) : (
              <Link href="/brands?new=1" className="button button--primary">
                Add your first brand
              </Link>
            )}
            {/* The server seeds only an empty workspace, so the offer goes once a brand exists. */}
            {!hasBrands && (
              <button
                type="button"
                className="button"
                data-testid="load-sample"
                onClick={() => seed.mutate()}
                disabled={seed.isPending}
              >
                {seed.isPending ? 'Loading sample data…' : 'Load sample data'}
              </button>
            )}
            <Link href="/import" className="button">
              <UploadIcon /> Import from a spreadsheet
            </Link>
          </div>
          <p className="muted small">
            {!hasBrands &&
              'Sample data adds a few example brands with deals and posts; edit or delete them any time. '}
            Already plan in a spreadsheet? Import it as CSV: one row per post, with its brand and
            deal.
          </p>
        </>
      ) : (
        <p className="empty-state__text">
          Nothing is planned yet. When an editor adds brands, deals and deliverables, they will
          appear here.
        </p>
      )}
    </section>
  );
}

function EmptyIllustration() {
  return (
    <svg
      className="empty-state__art"
      viewBox="0 0 160 110"
      width="160"
      height="110"
      aria-hidden="true"
    >
      <rect x="10" y="14" width="140" height="88" rx="12" fill="#eef2ff" stroke="#c7d2fe" />
      <path d="M10 36h140" stroke="#c7d2fe" />
      <rect x="34" y="6" width="6" height="16" rx="3" fill="#818cf8" />
      <rect x="120" y="6" width="6" height="16" rx="3" fill="#818cf8" />
      <rect x="22" y="46" width="34" height="12" rx="4" fill="#db2777" opacity=".85" />
      <rect x="64" y="64" width="34" height="12" rx="4" fill="#2563eb" opacity=".85" />
      <rect
        x="106"
        y="46"
        width="34"
        height="12"
        rx="4"
        fill="none"
        stroke="#059669"
        strokeDasharray="3 2"
        strokeWidth="1.5"
      />
      <rect x="22" y="82" width="34" height="12" rx="4" fill="#d97706" opacity=".85" />
    </svg>
  );
}
