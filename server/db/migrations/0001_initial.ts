import { sql, type Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed: change the schema with a new migration, never by editing this one.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  const bool = columnType(db, 'boolean');
  const bigint = columnType(db, 'bigint');

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_seen_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('workspace_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('brands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('category', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('next_follow_up_on', day)
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('brands_next_follow_up_on').on('brands').column('next_follow_up_on').execute();

  await db.schema
    .createTable('brand_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text')
    .execute();
  await db.schema
    .createIndex('brand_contacts_brand_id')
    .on('brand_contacts')
    .columns(['brand_id', 'position'])
    .execute();

  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No cascade: a brand with deals cannot be deleted (the API answers 409 first).
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fee_cents', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('contract_signed_on', day)
    .addColumn('exclusivity_category', 'text')
    .addColumn('exclusivity_until', day)
    .addColumn('usage_rights_until', day)
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deals_brand_id').on('deals').column('brand_id').execute();
  await db.schema.createIndex('deals_status').on('deals').column('status').execute();

  await db.schema
    .createTable('deliverables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draft_due_at', instant)
    .addColumn('publish_at', instant)
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('brief', 'text', (c) => c.notNull())
    .addColumn('disclosure_done', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('live_url', 'text')
    .addColumn('metrics_views', bigint)
    .addColumn('metrics_likes', bigint)
    .addColumn('metrics_comments', bigint)
    .addColumn('metrics_shares', bigint)
    .addColumn('metrics_saves', bigint)
    .addColumn('metrics_clicks', bigint)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // The calendar asks "what has a go-live or a draft due in [from, to)": one index per column
  // lets both engines answer the OR with two index range scans instead of a table scan.
  await db.schema.createIndex('deliverables_publish_at').on('deliverables').column('publish_at').execute();
  await db.schema.createIndex('deliverables_draft_due_at').on('deliverables').column('draft_due_at').execute();
  await db.schema.createIndex('deliverables_deal_id').on('deliverables').column('deal_id').execute();
  await db.schema.createIndex('deliverables_brand_id').on('deliverables').column('brand_id').execute();
  await db.schema.createIndex('deliverables_assignee_id').on('deliverables').column('assignee_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'deliverables',
    'deals',
    'brand_contacts',
    'brands',
    'workspace_settings',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
