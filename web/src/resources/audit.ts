import type { AuditAction, AuditEntityType } from '../../../shared/schemas/team';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useOlderPages } from './read';

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
  return useOlderPages(
    keys.auditList(filter),
    AUDIT_PAGE_SIZE,
    (page) =>
      unwrap(
        api.audit.$get({
          query: {
            ...page,
            ...(filter.entityType ? { entityType: filter.entityType } : {}),
            ...(filter.actorId ? { actorId: filter.actorId } : {}),
            ...(filter.action ? { action: filter.action } : {}),
            ...(filter.from ? { from: filter.from } : {}),
            ...(filter.to ? { to: filter.to } : {}),
          },
        }),
      ),
    { keepPrevious: true },
  );
}
