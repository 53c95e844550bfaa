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

/** A centred page for someone who has never seen the app: no navigation, nothing else to find. */
export function ReviewLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <PublicFrame
      className="review"
      logoSize={30}
      cardClassName={wide ? 'review__card' : undefined}
      tagline="A draft shared with you for review."
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
