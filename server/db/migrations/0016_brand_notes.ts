import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/**
 * Brand notes (a call, a meeting, a DM the app did not see), and the indexes
 * that let a brand's timeline read each of its sources newest first, only
 * that brand's rows: the timeline is read from the records that exist, so
 * these are its only storage.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  await db.schema
    .createTable('brand_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('happened_on', day, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // Where the note sorts on the timeline (see server/db/queries/brand-notes.ts).
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('brand_notes_brand_id_at')
    .on('brand_notes')
    .columns(['brand_id', 'at', 'id'])
    .execute();
  // The pitch log by when each entry was written (its own index is by day).
  await db.schema
    .createIndex('brand_pitches_brand_id_created_at')
    .on('brand_pitches')
    .columns(['brand_id', 'created_at', 'id'])
    .execute();
  // Requests that became this brand's, newest first.
  await db.schema
    .createIndex('brand_requests_brand_id_created_at')
    .on('brand_requests')
    .columns(['brand_id', 'created_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('brand_requests_brand_id_created_at').execute();
  await db.schema.dropIndex('brand_pitches_brand_id_created_at').execute();
  await db.schema.dropTable('brand_notes').execute();
}
