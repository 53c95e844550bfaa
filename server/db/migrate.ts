import { setTimeout as sleep } from 'node:timers/promises';
import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './schema';

async function migrateOnce(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  return migrator.migrateToLatest();
}

/**
 * Applies every pending migration. On PostgreSQL, Kysely's Migrator holds an
 * advisory lock, so instances that start together take turns. SQLite has no
 * such lock across processes: a process that loses the race sees its
 * transaction fail, and simply tries again — by then the winner's migrations
 * are recorded and there is nothing left to do.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  attempts = 5,
): Promise<MigrationResultSet> {
  for (let attempt = 1; ; attempt++) {
    const result = await migrateOnce(db);
    if (!result.error) return result;
    if (attempt >= attempts) {
      const failed = result.results?.find((r) => r.status === 'Error');
      throw new Error(
        `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(
          result.error instanceof Error ? result.error.message : result.error,
        )}`,
        { cause: result.error },
      );
    }
    await sleep(100 * attempt + Math.floor(Math.random() * 100));
  }
}
