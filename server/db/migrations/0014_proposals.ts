import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/**
 * Proposals: the terms of a deal sent to its brand on a public link, one
 * version at a time. The terms are one JSON document (shared/schemas/proposal.ts):
 * exactly what the brand was shown, hashed on acceptance. Only the link token's
 * hash is kept.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // sent, accepted, changes_requested, withdrawn, replaced ("expired" is read from expires_on).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_on', day, (c) => c.notNull())
    .addColumn('decided_at', instant)
    .addColumn('decided_name', 'text')
    .addColumn('decided_title', 'text')
    .addColumn('decided_ip', 'text')
    .addColumn('terms_hash', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // One row per version of a deal's proposal: two revisions at once cannot both be version N.
  await db.schema
    .createIndex('proposals_deal_id_version')
    .on('proposals')
    .columns(['deal_id', 'version'])
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proposals').execute();
}
