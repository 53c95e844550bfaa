import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './schema';

/**
 * Applies every pending migration. Kysely's Migrator takes a lock (a lock
 * table on SQLite, an advisory lock on PostgreSQL), so instances that start
 * together do not race.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(
        result.error instanceof Error ? result.error.message : result.error,
      )}`,
      { cause: result.error },
    );
  }
  return result;
}
