import { sql, type Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/**
 * Getting paid: invoices with lines, taxes, a discount, a PO number and a
 * payer; payers on deals and billing contacts on brands; the payment clock
 * (terms counted from a trigger); payment fees; public invoice links, the
 * invoice's event log, reminders to payers sent once per (invoice, step), and
 * the payer's "we've paid" notices.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  const bool = columnType(db, 'boolean');
  const bigint = columnType(db, 'bigint');

  // Lines and taxes are JSON lists ([{description, quantity, unitCents}], [{label, rateBasisPoints}]):
  // an invoice is one document, read and written whole.
  await db.schema
    .alterTable('invoices')
    .addColumn('lines', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('invoices')
    .addColumn('taxes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  for (const column of ['discount_cents', 'subtotal_cents', 'tax_cents']) {
    await db.schema
      .alterTable('invoices')
      .addColumn(column, bigint, (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema
    .alterTable('invoices')
    .addColumn('po_number', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // JSON {name, emails, address, taxId}; null: the deal's payer, else the brand's billing contact.
  await db.schema.alterTable('invoices').addColumn('payer', 'text').execute();
  await db.schema
    .alterTable('invoices')
    .addColumn('reminders_paused', bool, (c) => c.notNull().defaultTo(sql`false`))
    .execute();
  await db.schema.alterTable('invoices').addColumn('reminders_paused_until', day).execute();
  // JSON {enabled, steps}; null: the brand's ladder, else the workspace's.
  await db.schema.alterTable('invoices').addColumn('invoice_reminders', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('sent_at', instant).execute();

  // Every invoice so far had one amount: it becomes one line, named after its deal.
  const existing = await db
    .selectFrom('invoices')
    .innerJoin('deals', 'deals.id', 'invoices.deal_id')
    .select(['invoices.id as id', 'invoices.amount_cents as amount', 'deals.title as title'])
    .execute();
  for (const row of existing as { id: string; amount: number | string; title: string }[]) {
    const amount = Number(row.amount);
    await db
      .updateTable('invoices')
      .set({
        lines: JSON.stringify([{ description: row.title, quantity: 1, unitCents: amount }]),
        subtotal_cents: amount,
      })
      .where('id', '=', row.id)
      .execute();
  }

  await db.schema.alterTable('deals').addColumn('payer', 'text').execute();
  // Null: the workspace's default terms.
  await db.schema.alterTable('deals').addColumn('payment_terms_days', 'integer').execute();
  await db.schema
    .alterTable('deals')
    .addColumn('payment_trigger', 'text', (c) => c.notNull().defaultTo('invoice_issued'))
    .execute();

  await db.schema
    .alterTable('brand_contacts')
    .addColumn('billing', bool, (c) => c.notNull().defaultTo(sql`false`))
    .execute();
  await db.schema.alterTable('brands').addColumn('invoice_reminders', 'text').execute();

  await db.schema
    .alterTable('payments')
    .addColumn('fee_cents', bigint, (c) => c.notNull().defaultTo(0))
    .execute();

  // JSON; null: the built-in ladder and e-mail.
  await db.schema.alterTable('workspace_settings').addColumn('invoice_reminders', 'text').execute();
  await db.schema.alterTable('workspace_settings').addColumn('invoice_email', 'text').execute();
  await db.schema
    .alterTable('workspace_settings')
    .addColumn('creator_payment_link', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('invoice_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) =>
      c.notNull().references('invoices.id').onDelete('cascade'),
    )
    // SHA-256 of the link's token: a leaked table opens no invoice.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('revoked_at', instant)
    .execute();
  await db.schema
    .createIndex('invoice_links_invoice_id')
    .on('invoice_links')
    .column('invoice_id')
    .execute();

  // What happened to an invoice, for its timeline: sent, reminder, remittance, payment, …
  await db.schema
    .createTable('invoice_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) =>
      c.notNull().references('invoices.id').onDelete('cascade'),
    )
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // JSON: to, subject, template, messageId, status, step, amounts …
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('invoice_events_invoice_id_at')
    .on('invoice_events')
    .columns(['invoice_id', 'at'])
    .execute();

  // One row per (invoice, step) ever: a reminder is sent once, whatever crashes or instances.
  await db.schema
    .createTable('invoice_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) =>
      c.notNull().references('invoices.id').onDelete('cascade'),
    )
    .addColumn('step_offset_days', 'integer', (c) => c.notNull())
    /** `pending`, `sending`, `sent`, `failed`, `skipped`. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant, (c) => c.notNull())
    .addColumn('claimed_until', instant)
    .addColumn('message_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('invoice_reminders_invoice_step', ['invoice_id', 'step_offset_days'])
    .execute();
  await db.schema
    .createIndex('invoice_reminders_status_next_attempt_at')
    .on('invoice_reminders')
    .columns(['status', 'next_attempt_at'])
    .execute();

  // A payer's "we've paid": a notice for the team, never a payment until confirmed.
  await db.schema
    .createTable('remittance_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) =>
      c.notNull().references('invoices.id').onDelete('cascade'),
    )
    .addColumn('amount_cents', bigint, (c) => c.notNull())
    .addColumn('paid_on', day, (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    /** `pending`, `confirmed` (a payment was recorded from it) or `dismissed`. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.references('payments.id').onDelete('set null'))
    .addColumn('resolved_at', instant)
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('remittance_notices_invoice_id')
    .on('remittance_notices')
    .column('invoice_id')
    .execute();

  // Hits on public forms and links, per key (a token, an address), for limits that hold across instances.
  await db.schema
    .createTable('public_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('public_hits_key_at')
    .on('public_hits')
    .columns(['key', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'public_hits',
    'remittance_notices',
    'invoice_reminders',
    'invoice_events',
    'invoice_links',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['creator_payment_link', 'invoice_email', 'invoice_reminders']) {
    await db.schema.alterTable('workspace_settings').dropColumn(column).execute();
  }
  await db.schema.alterTable('payments').dropColumn('fee_cents').execute();
  await db.schema.alterTable('brands').dropColumn('invoice_reminders').execute();
  await db.schema.alterTable('brand_contacts').dropColumn('billing').execute();
  for (const column of ['payment_trigger', 'payment_terms_days', 'payer']) {
    await db.schema.alterTable('deals').dropColumn(column).execute();
  }
  for (const column of [
    'sent_at',
    'invoice_reminders',
    'reminders_paused_until',
    'reminders_paused',
    'payer',
    'po_number',
    'tax_cents',
    'subtotal_cents',
    'discount_cents',
    'taxes',
    'lines',
  ]) {
    await db.schema.alterTable('invoices').dropColumn(column).execute();
  }
}
