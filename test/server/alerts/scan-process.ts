/**
 * A second server instance, for exactly-once.test.ts: opens the database at
 * argv[2], says "ready", waits for a line on stdin, runs one alert scan at
 * argv[3] and prints its result as JSON. Started with `node --import tsx`.
 */
import { runAlertScan } from '../../../server/alerts/scan';
import { openDatabase } from '../../../server/db/connect';

const [url, now] = process.argv.slice(2);
if (!url || !now) throw new Error('usage: scan-process.ts DATABASE_URL NOW');

const handle = openDatabase(url);
await handle.db.selectFrom('schedulerState').select('id').execute();
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
try {
  const result = await runAlertScan({ db: handle.db, now: new Date(now), emailEnabled: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await handle.close();
}
