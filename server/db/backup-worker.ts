/**
 * One scheduled backup in a worker thread (started by `runScheduledBackupInThread`):
 * `VACUUM INTO` and the copy's integrity check are synchronous and take about a
 * second per 100 MB, which here blocks this thread, never the API's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScheduledBackup } from './backup';
import type { BackupWorkerData } from './backup-thread';

const data = workerData as BackupWorkerData;
parentPort?.postMessage(runScheduledBackup({ ...data, now: new Date(data.now) }));
