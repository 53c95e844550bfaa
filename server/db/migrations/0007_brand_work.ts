import { sql, type Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/**
 * What a creator running their own deals needs beyond a calendar: brand review
 * links, the disclosure checklist, the pitch log, the media kit, and the
 * indexes the usage-rights rule and the exclusivity check scan.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const instant = columnType(db, 'instant');
  const day = columnType(db, 'day');
  const bool = columnType(db, 'boolean');

  // The disclosure checklist: paid-partnership label, #ad in the caption, the platform's branded-content toggle.
  for (const column of ['disclosure_label', 'disclosure_hashtag', 'disclosure_toggle']) {
    await db.schema
      .alterTable('deliverables')
      .addColumn(column, bool, (c) => c.notNull().defaultTo(sql`false`))
      .execute();
  }

  // Links to the draft (a video file, a doc) the brand reviews: a JSON list of {label, url}.
  await db.schema
    .alterTable('deliverables')
    .addColumn('draft_links', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('review_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deliverable_id', 'text', (c) => c.notNull().references('deliverables.id').onDelete('cascade'))
    // SHA-256 of the link's token: a leaked table opens no review.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('revoked_at', instant)
    .addColumn('decided_at', instant)
    /** `approve` or `request_changes`. */
    .addColumn('decision', 'text')
    .addColumn('comment', 'text')
    .addColumn('reviewer_name', 'text')
    .execute();
  await db.schema.createIndex('review_links_deliverable_id').on('review_links').column('deliverable_id').execute();

  await db.schema
    .createTable('brand_pitches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('pitched_on', day, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('brand_pitches_brand_id_pitched_on')
    .on('brand_pitches')
    .columns(['brand_id', 'pitched_on'])
    .execute();

  // The media kit is a singleton, like the workspace settings; its lists are JSON documents.
  await db.schema
    .createTable('media_kit')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('published', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('slug', 'text', (c) => c.unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('rate_card', 'text', (c) => c.notNull())
    .addColumn('case_study_ids', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('workspace_settings')
    .addColumn('lead_usage_rights_ending_days', 'integer', (c) => c.notNull().defaultTo(14))
    .execute();

  // The usage-rights rule and the exclusivity check are range scans on these (follow-ups have theirs since 0001).
  await db.schema.createIndex('deals_usage_rights_until').on('deals').column('usage_rights_until').execute();
  await db.schema.createIndex('deals_exclusivity_until').on('deals').column('exclusivity_until').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deals_exclusivity_until').execute();
  await db.schema.dropIndex('deals_usage_rights_until').execute();
  await db.schema.alterTable('workspace_settings').dropColumn('lead_usage_rights_ending_days').execute();
  await db.schema.dropTable('media_kit').execute();
  await db.schema.dropTable('brand_pitches').execute();
  await db.schema.dropTable('review_links').execute();
  for (const column of ['draft_links', 'disclosure_toggle', 'disclosure_hashtag', 'disclosure_label']) {
    await db.schema.alterTable('deliverables').dropColumn(column).execute();
  }
}
