import type { ReactNode } from 'react';
import { LogoMark } from '../../components/app-shell';

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
