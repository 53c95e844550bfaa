import { keepPreviousData, useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '../api';

/**
 * A read where one refusal means "nothing there" (an expired session, a link
 * that no longer works): answers null for that status, throws anything else.
 */
export async function orNullOn<T>(status: number, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isApiError(error, status)) return null;
    throw error;
  }
}

/**
 * What a link opens, asked without a session: null when it opens nothing. Read once: the
 * page is not read again behind the visitor's back (a write that changes it asks again).
 */
export function useLinkView<T>(queryKey: QueryKey, read: () => Promise<T>) {
  return useQuery({
    queryKey,
    queryFn: () => orNullOn(404, read),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** One page's part of a paged read's query: its size, and where the last page ended. */
export interface PageQuery {
  limit: string;
  before?: string;
}

/**
 * A list read a page at a time, newest first: each further page is older, asked `before`
 * the last page's `nextBefore`. `keepPrevious` shows the old pages while a new key loads.
 */
export function useOlderPages<P extends { nextBefore: string | null }>(
  queryKey: QueryKey,
  pageSize: number,
  read: (page: PageQuery) => Promise<P>,
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      read({ limit: String(pageSize), ...(pageParam ? { before: pageParam } : {}) }),
    getNextPageParam: (page) => page.nextBefore,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}
