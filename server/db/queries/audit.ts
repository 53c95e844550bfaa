import type { Kysely } from 'kysely';
import type { AuditEntry, AuditPage, AuditQuery } from '../../../shared/schemas/team';
import type { Database } from '../schema';

const DEFAULT_LIMIT = 50;

/** The trail, newest first, filtered; one more row than asked tells whether an older page exists. */
export async function listAuditEntries(
  db: Kysely<Database>,
  query: AuditQuery,
): Promise<AuditPage> {
  const limit = Number(query.limit ?? DEFAULT_LIMIT);
  let q = db.selectFrom('auditLog').selectAll();
  if (query.entityType) q = q.where('entityType', '=', query.entityType);
  if (query.entityId) q = q.where('entityId', '=', query.entityId);
  if (query.actorId) q = q.where('actorId', '=', query.actorId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('at', '<', new Date(query.to).toISOString());
  if (query.before) q = q.where('id', '<', query.before);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items: AuditEntry[] = page.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
    via: row.via,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
    changes: JSON.parse(row.changes) as AuditEntry['changes'],
  }));
  return { items, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}
