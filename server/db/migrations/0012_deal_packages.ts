import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/**
 * Deal packages: reusable lists of deliverables with day offsets, applied to a
 * deal from a start day. The lines are one JSON document (shared/schemas/package.ts):
 * they are always read and written with their package, never queried alone.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  await db.schema
    .createTable('deal_packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('publish_time', 'text', (c) => c.notNull())
    .addColumn('usage_rights_days', 'integer')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deal_packages').execute();
}
