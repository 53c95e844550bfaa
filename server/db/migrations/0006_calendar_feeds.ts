import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/** One iCalendar feed per user, opened by a secret token in its URL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const boolean = columnType(db, 'boolean');
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // SHA-256 of the URL's token: a leaked table opens no feed.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('include_drafts', boolean, (c) => c.notNull())
    .addColumn('include_go_lives', boolean, (c) => c.notNull())
    .addColumn('include_invoices', boolean, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_fetched_at', instant)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
