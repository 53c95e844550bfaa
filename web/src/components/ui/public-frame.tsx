import type { ReactNode } from 'react';
import { LogoMark } from '../app-shell';

export interface PublicFrameProps {
  /** The page's own class beside `auth`, e.g. `review`. */
  className?: string;
  logoSize: number;
  cardClassName?: string;
  /** The line under the card: what this page is. */
  tagline: string;
  children: ReactNode;
}

/** The centred card with the product's name above it that pages outside the app shell share. */
export function PublicFrame({
  className,
  logoSize,
  cardClassName,
  tagline,
  children,
}: PublicFrameProps) {
  return (
    <div className={className ? `auth ${className}` : 'auth'}>
      <div className="auth__brand">
        <LogoMark size={logoSize} />
        <span className="auth__product">Sponsorcal</span>
      </div>
      <main className={cardClassName ? `auth__card ${cardClassName}` : 'auth__card'}>
        {children}
      </main>
      <p className="auth__tagline">{tagline}</p>
    </div>
  );
}
