import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../../api';
import { Spinner } from '../badges';
import { Link } from '../link';

/** The "← All deals" link above a page's header, back to where it was opened from. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="back-link">
      ← {children}
    </Link>
  );
}

/** A page of one record (a brand, a deal) while its read is on its way. */
export function DetailLoading({ label }: { label: string }) {
  return (
    <div className="page">
      <Spinner label={label} />
    </div>
  );
}

export interface DetailMissingProps {
  /** Why the record is not there: a 404 reads "not found", anything else "could not load". */
  error: unknown;
  /** "brand", "deal", "invoice". */
  noun: string;
  /** Where the back link goes, and its words. */
  backHref: string;
  backLabel: string;
}

/** A page of one record that cannot show it: deleted (404), or the read failed. */
export function DetailMissing({ error, noun, backHref, backLabel }: DetailMissingProps) {
  const missing = isApiError(error, 404);
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} not found`;
  return (
    <div className="page">
      <BackLink href={backHref}>{backLabel}</BackLink>
      <div className="card empty-inline">
        <p className="empty-inline__title">{missing ? title : `Could not load this ${noun}`}</p>
        <p className="muted">{missing ? 'It may have been deleted.' : errorMessage(error)}</p>
      </div>
    </div>
  );
}
