import { sql, type Kysely } from 'kysely';

// Frozen once landed.

/**
 * Partial indexes for the workspace's risk count (`GET /api/risk`, asked on every
 * calendar load): only deliverables whose draft, or whose go-live, is still pending,
 * by that moment. The count read every draft and go-live due up to the horizon —
 * the past included, about half of a long-lived workspace — to pick the few still
 * pending in JavaScript; it now counts the late ones within these small indexes
 * alone and reads rows only for the short window of the lead times.
 * Status is a column too, so a count never reads the table to check it.
 * Partial, so no other query is planned onto them: a query uses one only when its
 * WHERE names the same status list, written literally (`countDeliverablesAtRisk`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deliverables_draft_pending')
    .on('deliverables')
    .columns(['draft_due_at', 'publish_at', 'status'])
    .where(sql.ref('status'), 'in', sql`('planned', 'drafting')`)
    .execute();
  await db.schema
    .createIndex('deliverables_publish_pending')
    .on('deliverables')
    .columns(['publish_at', 'status'])
    .where(
      sql.ref('status'),
      'in',
      sql`('planned', 'drafting', 'in_review', 'changes_requested', 'approved', 'scheduled')`,
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deliverables_publish_pending').execute();
  await db.schema.dropIndex('deliverables_draft_pending').execute();
}
