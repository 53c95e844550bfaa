import { sql, type Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const bool = columnType(db, 'boolean');

  await db.schema
    .alterTable('workspace_settings')
    .addColumn('lead_draft_due_soon_hours', 'integer', (c) => c.notNull().defaultTo(48))
    .execute();
  await db.schema
    .alterTable('workspace_settings')
    .addColumn('lead_publish_due_soon_hours', 'integer', (c) => c.notNull().defaultTo(24))
    .execute();
  await db.schema
    .alterTable('workspace_settings')
    .addColumn('lead_invoice_due_soon_days', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('email_alerts', bool, (c) => c.notNull().defaultTo(sql`true`))
    .execute();

  // Edited deliverables are re-examined by the overdue scan (a date moved into the past).
  await db.schema.createIndex('deliverables_updated_at').on('deliverables').column('updated_at').execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('due_at', instant, (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('acknowledged_at', instant)
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('snoozed_until', instant)
    .addColumn('resolved_at', instant)
    .execute();
  // The exactly-once guarantee: one alert per (rule, subject, due moment), ever.
  await db.schema
    .createIndex('alerts_key')
    .on('alerts')
    .columns(['rule', 'subject_type', 'subject_id', 'due_at'])
    .unique()
    .execute();
  await db.schema.createIndex('alerts_subject_id').on('alerts').column('subject_id').execute();
  await db.schema.createIndex('alerts_created_at').on('alerts').column('created_at').execute();
  await db.schema.createIndex('alerts_resolved_at').on('alerts').column('resolved_at').execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('enabled', bool, (c) => c.notNull().defaultTo(sql`true`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('channel_type', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.references('channels.id').onDelete('cascade'))
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant, (c) => c.notNull())
    .addColumn('claimed_until', instant)
    .addColumn('last_error', 'text')
    .addColumn('sent_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deliveries_status_next_attempt_at')
    .on('deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('deliveries_alert_id').on('deliveries').column('alert_id').execute();

  await db.schema
    .createTable('scheduler_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('watermark', instant)
    .addColumn('last_run_started_at', instant)
    .addColumn('last_run_finished_at', instant)
    .addColumn('last_run_raised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['scheduler_state', 'deliveries', 'channels', 'alerts']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('deliverables_updated_at').execute();
  await db.schema.alterTable('users').dropColumn('email_alerts').execute();
  for (const column of ['lead_invoice_due_soon_days', 'lead_publish_due_soon_hours', 'lead_draft_due_soon_hours']) {
    await db.schema.alterTable('workspace_settings').dropColumn(column).execute();
  }
}
