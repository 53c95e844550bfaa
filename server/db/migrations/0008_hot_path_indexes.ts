import type { Kysely } from 'kysely';

// Frozen once landed.

/**
 * Indexes the benchmark showed missing. Without statistics, SQLite prefers an
 * equality on `deals_status` to a date range, so the exclusivity check and the
 * usage-rights rule walked every signed deal; leading with the status and
 * ranging on the date makes both a few short index searches on either engine.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deals_status_exclusivity_until')
    .on('deals')
    .columns(['status', 'exclusivity_until'])
    .execute();
  await db.schema
    .createIndex('deals_status_usage_rights_until')
    .on('deals')
    .columns(['status', 'usage_rights_until'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deals_status_usage_rights_until').execute();
  await db.schema.dropIndex('deals_status_exclusivity_until').execute();
}
