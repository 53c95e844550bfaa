import type { ExpressionBuilder, Kysely } from 'kysely';
import type { AlertRule, Database } from '../../db/schema';

/** No `rule` alert was ever raised for the query's deal: a deal rule raises once per deal. */
export function noDealAlertYet(rule: AlertRule) {
  return ({ not, exists, selectFrom }: ExpressionBuilder<Database, 'deals'>) =>
    not(
      exists(
        selectFrom('alerts')
          .select('alerts.subjectId')
          .where('alerts.rule', '=', rule)
          .where('alerts.subjectType', '=', 'deal')
          .whereRef('alerts.subjectId', '=', 'deals.id'),
      ),
    );
}

/**
 * The deals whose own facts, or whose deliverables, changed after `since`: the
 * deal rules check these again, whatever their dates say. A deal can become due
 * by an edit (its last open deliverable published or cancelled, a go-live moved,
 * the deal un-cancelled) and by a deliverable leaving it (deleted, or moved to
 * another deal), which leaves no row behind: the audit trail, written in the
 * same transaction as every such change, names the deal it left. With
 * `invoices`, the deals whose invoices changed (or left them) count too. Edits
 * stamped ahead of this clock count too (the ranges are open-ended).
 */
export async function findDealsChangedSince(
  db: Kysely<Database>,
  since: Date,
  { invoices = false }: { invoices?: boolean } = {},
): Promise<Set<string>> {
  const after = since.toISOString();
  const ids = new Set<string>();
  const edited = await db.selectFrom('deals').select('id').where('updatedAt', '>', after).execute();
  for (const row of edited) ids.add(row.id);
  const deliverables = await db
    .selectFrom('deliverables')
    .select('dealId')
    .where('updatedAt', '>', after)
    .execute();
  for (const row of deliverables) ids.add(row.dealId);
  if (invoices) {
    const rows = await db
      .selectFrom('invoices')
      .select('dealId')
      .where('updatedAt', '>', after)
      .execute();
    for (const row of rows) ids.add(row.dealId);
  }
  // The window's entries that can name a deal left behind (a change of `dealId`, a
  // delete), sorted by type here: with a condition on the entity type, SQLite would walk
  // every deliverable's entry ever (audit_log_entity), not the window. The rest of the
  // window (a first scan's is the whole trail) never leaves the database.
  const trail = await db
    .selectFrom('auditLog')
    .select(['entityType', 'changes'])
    .where('at', '>', after)
    .where('action', '!=', 'create')
    .where('changes', 'like', '%"dealId"%')
    .execute();
  const types = invoices ? ['deliverable', 'invoice'] : ['deliverable'];
  for (const row of trail) {
    if (!types.includes(row.entityType)) continue;
    const from = dealLeft(row.changes);
    if (from) ids.add(from);
  }
  return ids;
}

/** The deal an audited change took a deliverable or invoice from: `{dealId: {from}}` on a delete or a move. */
function dealLeft(changes: string): string | undefined {
  const from = (JSON.parse(changes) as { dealId?: { from?: unknown } }).dealId?.from;
  return typeof from === 'string' ? from : undefined;
}
