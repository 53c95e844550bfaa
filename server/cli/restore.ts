import { loadConfig } from '../config';
import { restoreSqlite, RestoreRefused } from '../db/restore';

/**
 * `npm run restore -- <file>`: puts a backup (from `npm run backup` or a scheduled
 * one) in place of the SQLite database, with the server stopped. PostgreSQL has
 * its own tools: pg_restore.
 */
const source = process.argv[2];
if (!source || process.argv.length > 3) {
  console.error('Usage: npm run restore -- <backup file>   (stop the server first)');
  process.exit(2);
}
const url = loadConfig().DATABASE_URL;
if (!url.startsWith('sqlite:') || url === 'sqlite::memory:') {
  console.error(
    'npm run restore replaces a SQLite database file; for PostgreSQL use pg_restore (see docs/operating.md).',
  );
  process.exit(1);
}
try {
  const result = restoreSqlite({
    backup: source,
    target: url.slice('sqlite:'.length),
    now: new Date(),
  });
  const migrations =
    result.pendingMigrations > 0
      ? `; ${result.pendingMigrations} newer migrations run when the server starts`
      : '';
  console.log(
    `Restored ${source} to ${result.target}: ${result.rows} rows, integrity ok${migrations}.`,
  );
  console.log(
    result.keptAs
      ? `The replaced database is kept as ${result.keptAs}.`
      : `There was no database at ${result.target} before.`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    error instanceof RestoreRefused
      ? `Restore refused, nothing changed: ${message}`
      : `Restore failed: ${message}`,
  );
  process.exit(1);
}
