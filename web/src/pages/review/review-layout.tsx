import type { ReactNode } from 'react';
import { PublicFrame } from '../../components/ui/public-frame';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Tuesday, March 10, 2026 at 6:00 PM CET": the reviewer's own zone, spelled out. */
export function formatMoment(iso: string): string {
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

/**
 * A centred page for someone who has never seen the app (a draft to review, a proposal, a
 * report): no navigation, nothing else to find, and the tagline saying what was shared.
 */
export function ReviewLayout({
  children,
  wide = false,
  tagline = 'A draft shared with you for review.',
  kind,
}: {
  children: ReactNode;
  wide?: boolean;
  tagline?: string;
  /** The page's own class beside `review` ("report"), and its card's. */
  kind?: string;
}) {
  const card = kind ? `review__card ${kind}__card` : 'review__card';
  return (
    <PublicFrame
      className={kind ? `review ${kind}` : 'review'}
      logoSize={30}
      cardClassName={wide ? card : undefined}
      tagline={tagline}
    >
      {children}
    </PublicFrame>
  );
}

/** A titled part of a page shared with a brand (the caption, the items, a note). */
export function ReviewSection({
  id,
  title,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="review__section" aria-labelledby={id}>
      <h2 id={id} className="subsection-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
