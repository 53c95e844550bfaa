import { loadConfig } from '../config';
import { backupSqlite } from '../db/backup';

/**
 * `npm run backup -- <file>`: a consistent copy of the running server's SQLite
 * database (safe while it serves). PostgreSQL has its own tools: pg_dump.
 */
const target = process.argv[2];
if (!target) {
  console.error(
    'Usage: npm run backup -- <file>   (e.g. npm run backup -- backups/sponsorcal-2026-11-25.db)',
  );
  process.exit(2);
}
const url = loadConfig().DATABASE_URL;
if (!url.startsWith('sqlite:') || url === 'sqlite::memory:') {
  console.error(
    'npm run backup copies a SQLite database file; for PostgreSQL use pg_dump (see the README).',
  );
  process.exit(2);
}
try {
  const result = backupSqlite(url.slice('sqlite:'.length), target);
  const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  console.log(`Backed up to ${result.file}: ${result.bytes} bytes, ${total} rows, integrity ok.`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
