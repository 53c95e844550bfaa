/**
 * The alert scan's worker thread (started by `startScanThread`): its own
 * connection to the SQLite file, so the scan's synchronous queries and commits
 * block this thread, never the API's event loop. Answers each `ScanRequest`
 * with a `ScanReply`; a `null` message closes the connection and ends the thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connect';
import { runAlertScan } from './scan';
import type { ScanReply, ScanRequest, ScanWorkerData } from './scan-thread';

const port = parentPort;
if (!port) throw new Error('server/alerts/scan-worker.ts runs as a worker thread only');
const { file } = workerData as ScanWorkerData;

/**
 * How many nice steps below the API's thread the scan runs. On 2 cores the scan's thread,
 * the API's thread and V8's compiler and GC threads at times want more than two cores,
 * and the API's thread took its turn: during a first scan over a million deliverables it
 * waited 173 ms for a core against 315 ms on one, its event loop held up to 15.7 ms. A
 * thread of lower priority gets the cores the others leave idle and gives one up the
 * moment the API's thread wakes; with nothing else running, the scan takes as long.
 */
const SCAN_NICE_STEPS = 10;

/** Lowers this thread's priority, not the process's: Linux gives each thread its own nice value. */
function lowerThisThreadsPriority(): void {
  try {
    // `/proc/thread-self` → `<pid>/task/<thread id>`.
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    os.setPriority(threadId, Math.min(19, os.getPriority(threadId) + SCAN_NICE_STEPS));
  } catch {
    // Not Linux (no /proc): the scan runs at the API's priority.
  }
}

lowerThisThreadsPriority();
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
