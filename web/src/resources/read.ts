import { useQuery, type QueryKey } from '@tanstack/react-query';
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
