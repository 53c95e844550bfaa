import { startWorker } from '../entry-points';
import type { ScheduledBackupOptions, ScheduledBackupResult } from './backup';

export type BackupWorkerData = Omit<ScheduledBackupOptions, 'now'> & { now: string };
export type BackupReply = { result: ScheduledBackupResult } | { error: string };

/**
 * `runScheduledBackup` in a worker thread of its own, so requests are served
 * while the copy is made. An error in the worker (a full disk, a failed
 * integrity check) rejects with it.
 */
export function runScheduledBackupInThread(
  options: ScheduledBackupOptions,
): Promise<ScheduledBackupResult> {
  const data: BackupWorkerData = { ...options, now: options.now.toISOString() };
  return new Promise((resolve, reject) => {
    const worker = startWorker('db/backup-worker', data);
    let reply: BackupReply | undefined;
    worker.once('message', (message: BackupReply) => (reply = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!reply) reject(new Error(`the backup thread exited (${code})`));
      else if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply.result);
    });
  });
}
