import type { Kysely } from 'kysely';

// Frozen once landed.

/** Every column the calendar reads (`listCalendarDeliverables`), after the one it ranges on. */
const CALENDAR_COLUMNS = [
  'id',
  'deal_id',
  'brand_id',
  'title',
  'platform',
  'format',
  'status',
  'assignee_id',
  'disclosure_done',
  'version',
];

/**
 * Covering indexes for the calendar's month: the range column first, then
 * every column the calendar answers, so a month is read from two index ranges
 * in date order — never a row of the table, whose pages lie scattered (a
 * month of 2,000 deliverables touched 2,000 table pages; SQLite and PostgreSQL
 * both answer from the index alone).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deliverables_calendar_publish')
    .on('deliverables')
    .columns(['publish_at', 'draft_due_at', ...CALENDAR_COLUMNS])
    .execute();
  await db.schema
    .createIndex('deliverables_calendar_draft')
    .on('deliverables')
    .columns(['draft_due_at', 'publish_at', ...CALENDAR_COLUMNS])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deliverables_calendar_draft').execute();
  await db.schema.dropIndex('deliverables_calendar_publish').execute();
}
