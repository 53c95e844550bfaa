import type { ComponentType, ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Spinner } from '../badges';
import { DownloadIcon } from '../icons';
import { LoadFailed } from './load-failed';

export interface PublicLinkViewProps<T> {
  /** The read of what the link opens; null when it opens nothing. */
  query: UseQueryResult<T | null>;
  /** The page's frame, around every state but the loaded one. */
  layout: ComponentType<{ children: ReactNode }>;
  /** The spinner's words: "Opening the report…". */
  opening: string;
  /** The heading when the read failed: "Could not open this report". */
  failed: string;
  /** The link stopped working after it opened (an answer found it gone). */
  gone?: boolean;
  /** What a link that opens nothing shows inside the frame. */
  inactive: ReactNode;
  /** The loaded page, frame and all. */
  children: (view: T) => ReactNode;
}

/**
 * A page a link opens signed out (a proposal, a report, a review): a spinner while it
 * opens, its error with Try again, what an inactive link says, or the page itself.
 */
export function PublicLinkView<T>({
  query,
  layout: Layout,
  opening,
  failed,
  gone = false,
  inactive,
  children,
}: PublicLinkViewProps<T>) {
  if (query.isPending) {
    return (
      <Layout>
        <Spinner label={opening} />
      </Layout>
    );
  }
  if (query.isError) {
    return (
      <Layout>
        <h1 className="auth__title">{failed}</h1>
        <LoadFailed
          error={query.error}
          onRetry={() => void query.refetch()}
          buttonClassName="button button--primary button--block"
        />
      </Layout>
    );
  }
  if (query.data === null || gone) return <Layout>{inactive}</Layout>;
  return children(query.data);
}

/** What a proposal's or report's link says once it opens nothing. */
export function InactiveLinkNote({ title }: { title: string }) {
  return (
    <>
      <h1 className="auth__title">{title}</h1>
      <p className="muted">Ask the person who sent it to you for a new link.</p>
    </>
  );
}

/** The row under a public document with the link to its printable copy. */
export function PdfActions({ className, href }: { className: string; href: string }) {
  return (
    <div className={className}>
      <a className="button" href={href} download>
        <DownloadIcon /> Download PDF
      </a>
    </div>
  );
}
