/**
 * One scheduled backup in a worker thread (started by `runScheduledBackupInThread`):
 * `VACUUM INTO` and the copy's integrity check are synchronous and take about a
 * second per 100 MB, which here blocks this thread, never the API's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScheduledBackup } from './backup';
import type { BackupReply, BackupWorkerData } from './backup-thread';

const data = workerData as BackupWorkerData;
let reply: BackupReply;
try {
  reply = { result: runScheduledBackup({ ...data, now: new Date(data.now) }) };
} catch (error) {
  // better-sqlite3's errors lose their message when cloned to the parent: send it as text.
  reply = { error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
