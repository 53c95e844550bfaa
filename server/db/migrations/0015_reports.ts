import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/**
 * Campaign reports: dated metric snapshots of a published deliverable (the
 * deliverable's own metric columns stay its latest), public report links of a
 * deal (only the token's hash is kept), testimonials the brand leaves on them,
 * and the lead time of the `report_due` alert.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  const bigint = columnType(db, 'bigint');
  const boolean = columnType(db, 'boolean');
  await db.schema
    .createTable('metric_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deliverable_id', 'text', (c) =>
      c.notNull().references('deliverables.id').onDelete('cascade'),
    )
    .addColumn('measured_on', day, (c) => c.notNull())
    .addColumn('views', bigint)
    .addColumn('likes', bigint)
    .addColumn('comments', bigint)
    .addColumn('shares', bigint)
    .addColumn('saves', bigint)
    .addColumn('clicks', bigint)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  // One snapshot per deliverable and day: measuring again the same day corrects it.
  await db.schema
    .createIndex('metric_snapshots_deliverable_day')
    .on('metric_snapshots')
    .columns(['deliverable_id', 'measured_on'])
    .unique()
    .execute();
  await db.schema
    .createTable('report_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('revoked_at', instant)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_links_deal_id')
    .on('report_links')
    .column('deal_id')
    .execute();
  await db.schema
    .createTable('testimonials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('report_link_id', 'text', (c) =>
      c.references('report_links.id').onDelete('set null'),
    )
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('may_publish', boolean, (c) => c.notNull())
    .addColumn('featured', boolean, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('testimonials_deal_id')
    .on('testimonials')
    .column('deal_id')
    .execute();
  await db.schema
    .alterTable('workspace_settings')
    .addColumn('lead_report_due_days', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspace_settings').dropColumn('lead_report_due_days').execute();
  await db.schema.dropTable('testimonials').execute();
  await db.schema.dropTable('report_links').execute();
  await db.schema.dropTable('metric_snapshots').execute();
}
