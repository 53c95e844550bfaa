import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditAction, AuditEntityType } from '../../../shared/schemas/team';
import { api, unwrap } from '../api';
import { keys } from './keys';

/** What the audit page asks for; `from`/`to` are UTC instants (the filter's days in the user's zone). */
export interface AuditFilter {
  entityType: AuditEntityType | null;
  actorId: string | null;
  action: AuditAction | null;
  from: string | null;
  to: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first; each further page is older (`before` = the last page's `nextBefore`). */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: keys.auditList(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.audit.$get({
          query: {
            limit: String(AUDIT_PAGE_SIZE),
            ...(filter.entityType ? { entityType: filter.entityType } : {}),
            ...(filter.actorId ? { actorId: filter.actorId } : {}),
            ...(filter.action ? { action: filter.action } : {}),
            ...(filter.from ? { from: filter.from } : {}),
            ...(filter.to ? { to: filter.to } : {}),
            ...(pageParam ? { before: pageParam } : {}),
          },
        }),
      ),
    getNextPageParam: (page) => page.nextBefore,
    placeholderData: (previous) => previous,
  });
}
