import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  const bigint = columnType(db, 'bigint');

  for (const column of [
    'creator_legal_name',
    'creator_address',
    'creator_email',
    'creator_tax_id',
    'creator_payment_instructions',
  ]) {
    await db.schema
      .alterTable('workspace_settings')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  await db.schema
    .alterTable('workspace_settings')
    .addColumn('default_payment_terms_days', 'integer', (c) => c.notNull().defaultTo(30))
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No cascade: a deal with real invoices is not deleted (the API answers 409 first).
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('amount_cents', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('issued_on', day, (c) => c.notNull())
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
    .addColumn('due_on', day, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Kept beside the payments so "unpaid" scans need no join.
    .addColumn('paid_cents', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoices_deal_id').on('invoices').column('deal_id').execute();
  // The invoice rules and the money page ask "sent invoices by due day".
  await db.schema.createIndex('invoices_status_due_on').on('invoices').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('invoices_due_on').on('invoices').column('due_on').execute();
  await db.schema.createIndex('invoices_updated_at').on('invoices').column('updated_at').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('amount_cents', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid_on', day, (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_invoice_id').on('payments').column('invoice_id').execute();
  await db.schema.createIndex('payments_paid_on').on('payments').column('paid_on').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payments').execute();
  await db.schema.dropTable('invoices').execute();
  for (const column of [
    'default_payment_terms_days',
    'creator_payment_instructions',
    'creator_tax_id',
    'creator_email',
    'creator_address',
    'creator_legal_name',
  ]) {
    await db.schema.alterTable('workspace_settings').dropColumn(column).execute();
  }
}
