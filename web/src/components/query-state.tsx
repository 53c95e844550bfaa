import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../api';
import { Spinner } from './badges';

export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** The spinner's words; "Loading…" when absent. */
  loadingLabel?: string;
  /** An extra class on the error banner (e.g. padding inside a flush card). */
  errorClassName?: string;
}

/** A read's three faces in one place: a spinner, its error as a banner, or what it loaded. */
export function QueryState<T>({
  query,
  children,
  loadingLabel,
  errorClassName,
}: QueryStateProps<T>) {
  if (query.isPending) return <Spinner label={loadingLabel} />;
  if (query.isError) {
    return (
      <p
        className={`banner banner--error${errorClassName ? ` ${errorClassName}` : ''}`}
        role="alert"
      >
        {errorMessage(query.error)}
      </p>
    );
  }
  return children(query.data);
}

export interface QueryListProps<T> extends Omit<QueryStateProps<T[]>, 'children'> {
  /** What shows in place of the list when the read found nothing. */
  empty: ReactNode;
  /** The list's element: `ol` where the order means something (newest first, …). */
  as?: 'ul' | 'ol';
  className: string;
  'aria-label'?: string;
  /** One item as its keyed `<li>`. */
  children: (item: T) => ReactNode;
}

/** A read of a list: its spinner or error, the `empty` words, or the list of its items. */
export function QueryList<T>({
  empty,
  as: List = 'ul',
  className,
  'aria-label': label,
  children,
  ...state
}: QueryListProps<T>) {
  return (
    <QueryState {...state}>
      {(items) =>
        items.length === 0 ? (
          empty
        ) : (
          <List className={className} aria-label={label}>
            {items.map(children)}
          </List>
        )
      }
    </QueryState>
  );
}
