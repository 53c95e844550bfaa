import type { Kysely } from 'kysely';

// Frozen once landed.

/**
 * Indexes for the deal rules' window (issue 23): `report_due` read every deal's
 * published deliverables on every scan, `ready_to_invoice` every deal. They now
 * read only the deals edited since the last scan (`deals_updated_at`), those
 * whose last go-live passed the lead time since, and those whose contract day
 * began since (`deals_payment_trigger_contract_signed_on`), and check each of
 * those on its own deliverables' statuses and go-live moments
 * (`deliverables_deal_status_publish`) without reading a row of the table.
 * That index leads with `deal_id`, so it replaces `deliverables_deal_id` for
 * every read of a deal's deliverables (one index less to write on each change).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('deals_updated_at').on('deals').column('updated_at').execute();
  await db.schema
    .createIndex('deals_payment_trigger_contract_signed_on')
    .on('deals')
    .columns(['payment_trigger', 'contract_signed_on'])
    .execute();
  await db.schema
    .createIndex('deliverables_deal_status_publish')
    .on('deliverables')
    .columns(['deal_id', 'status', 'publish_at'])
    .execute();
  await db.schema.dropIndex('deliverables_deal_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deliverables_deal_id')
    .on('deliverables')
    .column('deal_id')
    .execute();
  await db.schema.dropIndex('deliverables_deal_status_publish').execute();
  await db.schema.dropIndex('deals_payment_trigger_contract_signed_on').execute();
  await db.schema.dropIndex('deals_updated_at').execute();
}
