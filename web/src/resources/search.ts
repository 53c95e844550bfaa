import { useQuery } from '@tanstack/react-query';
import { SEARCH_LIMIT_DEFAULT } from '../../../shared/constants';
import { api, unwrap } from '../api';

/** The server answers 400 below this many characters: nothing is asked until then. */
export const SEARCH_MIN_LENGTH = 2;

/**
 * Search everywhere as the user types: brands, deals, invoices (by number) and
 * deliverables, best first. Asks nothing for fewer than two characters; keeps
 * the previous answer on screen while the next one loads. Not invalidated by
 * writes (it spans every resource): each new query string asks again.
 */
export function useSearch(q: string, limit = SEARCH_LIMIT_DEFAULT) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query, limit] as const,
    queryFn: () => unwrap(api.search.$get({ query: { q: query, limit: String(limit) } })),
    enabled: query.length >= SEARCH_MIN_LENGTH,
    placeholderData: (previous) => previous,
  });
}
