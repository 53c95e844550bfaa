import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/**
 * Brand requests: what a brand sent through the public "Work with me" form,
 * and the team's decision on it. The requested items are one JSON document
 * (shared/schemas/request.ts), read and written with their request. Blocked
 * senders are the e-mail addresses whose requests were marked spam. The
 * media kit gains the form's settings (a JSON document; null: the defaults).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  const bigint = columnType(db, 'bigint');
  await db.schema
    .createTable('brand_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('want', 'text', (c) => c.notNull())
    .addColumn('budget_cents', bigint)
    .addColumn('budget_max_cents', bigint)
    .addColumn('currency', 'text')
    .addColumn('dates_from', day)
    .addColumn('dates_to', day)
    .addColumn('usage_rights', 'text', (c) => c.notNull())
    .addColumn('exclusivity', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('decided_at', instant)
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('brand_id', 'text', (c) => c.references('brands.id').onDelete('set null'))
    .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('brand_requests_status_created')
    .on('brand_requests')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('brand_requests_deal_id')
    .on('brand_requests')
    .column('deal_id')
    .execute();
  await db.schema
    .createTable('blocked_senders')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.alterTable('media_kit').addColumn('request_form', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media_kit').dropColumn('request_form').execute();
  await db.schema.dropTable('blocked_senders').execute();
  await db.schema.dropTable('brand_requests').execute();
}
