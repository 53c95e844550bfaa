import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one,
 * so a query function can be composed into a larger unit of work (a change and
 * its audit entry commit together or not at all).
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
