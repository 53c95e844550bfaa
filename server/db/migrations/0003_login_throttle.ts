import type { Kysely } from 'kysely';
import { columnType } from '../dialect';

// Frozen once landed.

/** Failed sign-ins, in the database so every instance sees the same count. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failed_at', columnType(db, 'instant'), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key_failed_at').on('login_failures').columns(['key', 'failed_at']).execute();
  await db.schema.createIndex('login_failures_failed_at').on('login_failures').column('failed_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failures').execute();
}
