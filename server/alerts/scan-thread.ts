import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread';
import type { AlertScanResult } from './scan';

export interface ScanWorkerData {
  file: string;
}

export interface ScanRequest {
  id: number;
  /** ISO instant. */
  now: string;
  emailEnabled: boolean;
}

/** `'ready'` once the worker's connection is open, then one reply per request. */
export type ScanReply =
  'ready' | { id: number; result: AlertScanResult } | { id: number; error: string };

export interface ScanThread {
  /** Starts the worker if it is not running; resolves once its connection is open. */
  ready(): Promise<void>;
  /** One `runAlertScan` on the worker's connection. */
  scan(options: { now: Date; emailEnabled: boolean }): Promise<AlertScanResult>;
  /** Closes the worker's connection and ends the thread; call it once no scan is in progress. */
  close(): Promise<void>;
}

/**
 * Runs the alert scan in a worker thread with its own connection to the SQLite
 * `file`. better-sqlite3 is synchronous: on the API's thread every statement
 * and commit of a scan over a million deliverables blocked requests (up to
 * 36 ms at a time); here they block only the worker. The scan itself is the
 * same `runAlertScan`, so exactly-once raising and the watermark are unchanged
 * (the worker's connection is just another connection to the file).
 * The worker starts with the first scan (or `ready`), and again after it died.
 */
export function startScanThread(file: string): ScanThread {
  let worker: { thread: Worker; ready: Promise<void> } | null = null;
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (r: AlertScanResult) => void; reject: (e: Error) => void }
  >();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const started = () => {
    if (worker) return worker;
    const w = startWorker('alerts/scan-worker', { file } satisfies ScanWorkerData);
    // The thread never keeps the process alive; shutdown closes it explicitly.
    w.unref();
    let opened = () => {};
    const ready = new Promise<void>((resolve) => (opened = resolve));
    w.on('message', (reply: ScanReply) => {
      if (reply === 'ready') return opened();
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    w.on('error', (error) => failAll(error));
    w.on('exit', (code) => {
      if (worker?.thread === w) worker = null;
      opened();
      failAll(new Error(`the alert scan thread exited (${code})`));
    });
    return (worker = { thread: w, ready });
  };
  return {
    ready: () => started().ready,
    scan({ now, emailEnabled }) {
      const id = nextId++;
      const request: ScanRequest = { id, now: now.toISOString(), emailEnabled };
      return new Promise<AlertScanResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        started().thread.postMessage(request);
      });
    },
    async close() {
      const w = worker?.thread;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage(null);
      await exited;
    },
  };
}
