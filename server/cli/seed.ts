import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { getSettings } from '../db/queries/settings';
import { AppError } from '../errors';
import { seedSampleWorkspace } from '../seed/sample';

const config = loadConfig();
const handle = openDatabase(config.DATABASE_URL);
try {
  await migrateToLatest(handle.db);
  const now = new Date();
  const settings = await getSettings(handle.db, now);
  const counts = await seedSampleWorkspace(handle.db, {
    now,
    timeZone: settings.timeZone,
    currency: settings.currency,
  });
  console.log(
    `Loaded the sample workspace: ${counts.brands} brands, ${counts.deals} deals, ${counts.deliverables} deliverables, ${counts.invoices} invoices, ${counts.pitches} pitches.`,
  );
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
