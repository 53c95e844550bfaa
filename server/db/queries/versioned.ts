import type { Kysely, UpdateResult } from 'kysely';
import { notFound, versionConflict } from '../../errors';
import type { Database } from '../schema';

type VersionedTable =
  'brands' | 'deals' | 'deliverables' | 'channels' | 'invoices' | 'users' | 'dealPackages';

/**
 * Checks an `UPDATE … WHERE id = ? AND version = ?`: when it matched nothing,
 * the row is either gone (404) or was changed by someone else (409).
 */
export async function assertVersionedUpdate(
  db: Kysely<Database>,
  result: UpdateResult,
  table: VersionedTable,
  id: string,
  what: string,
): Promise<void> {
  if (Number(result.numUpdatedRows) > 0) return;
  const exists = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  throw exists ? versionConflict(what.toLowerCase()) : notFound(what);
}

/**
 * The same check for an `UPDATE … RETURNING *`: the row it returned (the row
 * after the change, read by the update itself), or 404/409 when it matched nothing.
 */
export async function assertVersionedRow<T>(
  db: Kysely<Database>,
  row: T | undefined,
  table: VersionedTable,
  id: string,
  what: string,
): Promise<T> {
  if (row !== undefined) return row;
  const exists = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  throw exists ? versionConflict(what.toLowerCase()) : notFound(what);
}
