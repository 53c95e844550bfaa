import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

const config = loadConfig();
const handle = openDatabase(config.DATABASE_URL);
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === 'Success') ?? [];
  console.log(
    applied.length === 0
      ? 'Database is up to date.'
      : `Applied ${applied.length} migration(s): ${applied.map((r) => r.migrationName).join(', ')}`,
  );
} finally {
  await handle.close();
}
