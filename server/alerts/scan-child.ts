/**
 * The alert scan's process (started by `startScanProcess`): its own connection
 * to the database, so the scan's queries and commits (synchronous on SQLite), its
 * work on their rows, its garbage and the compiling of its code never take the
 * API's event loop or its threads. Answers each `ScanRequest` with a `ScanReply`;
 * `'close'` closes the connection and ends the process; losing the server (its IPC
 * channel closes when the server exits, however it exits) ends it at once.
 */
import { openDatabase } from '../db/connect';
import { keepHeapSmall } from '../heap';
import { runAlertScan } from './scan';
import { SCAN_DATABASE_URL_VARIABLE, type ScanMessage, type ScanReply } from './scan-process';

const url = process.env[SCAN_DATABASE_URL_VARIABLE];
if (!process.send || !url) {
  throw new Error('server/alerts/scan-child.ts runs forked by startScanProcess only');
}
// As the server's own process: the scan's garbage goes at the next collection, not later.
keepHeapSmall();
const handle = openDatabase(url);
const reply = (message: ScanReply) => {
  if (process.connected) process.send!(message);
};

// Ctrl-C in a terminal signals the whole process group, and a service manager may
// signal every process of the service: the server stops this one itself, once a
// scan in progress has finished (its shutdown grace), so neither ends it mid-scan.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
let stopping: Promise<void> | null = null;
const stop = () => {
  stopping ??= handle.close().finally(() => process.exit(0));
};
// The server is gone (killed, crashed): nobody waits for this scan, so it stops writing at
// once. A transaction in progress is rolled back, as after a crash; what is committed stays,
// and the next server's scan raises the rest, exactly once.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: ScanMessage) => {
  if (request === 'close') return stop();
  runAlertScan({ db: handle.db, now: new Date(request.now), emailEnabled: request.emailEnabled })
    .then((result): ScanReply => ({ id: request.id, result }))
    .catch((error: unknown): ScanReply => ({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    }))
    .then(reply);
});
reply('ready');
