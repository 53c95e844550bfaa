/**
 * The alert scan's worker thread (started by `startScanThread`): its own
 * connection to the SQLite file, so the scan's synchronous queries and commits
 * block this thread, never the API's event loop. Answers each `ScanRequest`
 * with a `ScanReply`; a `null` message closes the connection and ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connect';
import { runAlertScan } from './scan';
import type { ScanReply, ScanRequest, ScanWorkerData } from './scan-thread';

const port = parentPort;
if (!port) throw new Error('server/alerts/scan-worker.ts runs as a worker thread only');
const { file } = workerData as ScanWorkerData;
const handle = openDatabase(`sqlite:${file}`);
port.postMessage('ready' satisfies ScanReply);

port.on('message', (request: ScanRequest | null) => {
  if (request === null) {
    void handle.close().finally(() => port.close());
    return;
  }
  runAlertScan({ db: handle.db, now: new Date(request.now), emailEnabled: request.emailEnabled })
    .then((result): ScanReply => ({ id: request.id, result }))
    .catch((error: unknown): ScanReply => ({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    }))
    .then((reply) => port.postMessage(reply));
});
