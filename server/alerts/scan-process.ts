import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { forkEntry } from '../entry-points';
import type { AlertScanResult } from './scan';

export interface ScanRequest {
  id: number;
  /** ISO instant. */
  now: string;
  emailEnabled: boolean;
}

/** To the child: a scan to run, or `'close'` (close the connection and end). */
export type ScanMessage = ScanRequest | 'close';

/** `'ready'` once the child's connection is open, then one reply per request. */
export type ScanReply =
  'ready' | { id: number; result: AlertScanResult } | { id: number; error: string };

export interface ScanProcess {
  /** Starts the child if it is not running; resolves once its connection is open. */
  ready(): Promise<void>;
  /** One `runAlertScan` on the child's connection. */
  scan(options: { now: Date; emailEnabled: boolean }): Promise<AlertScanResult>;
  /** Closes the child's connection and ends it; call it once no scan is in progress. */
  close(): Promise<void>;
  /** The child's process id while one runs (for operators' tools and tests). */
  pid(): number | undefined;
}

/**
 * V8 in the child compiles and collects garbage on its one thread: a first scan
 * over a million deliverables otherwise keeps V8's helper threads busy compiling
 * its code (about 0.2 s of CPU), and on two cores they took turns from the API's
 * thread. A young generation of 1 MB semi-spaces keeps the child's peak 4 MB
 * lower at no cost to the scan (docs/performance.md, "The alert scan in a
 * process of its own").
 */
const CHILD_NODE_OPTIONS = ['--single-threaded', '--max-semi-space-size=1'];

/**
 * The child's `nice`: a background job. When the API wants both cores its thread goes
 * first (a tenth of the weight: 110 against 1,024 under Linux's scheduler), so a scan
 * on a saturated machine takes longer; on an idle core it runs at full speed
 * (docs/performance.md, "The alert scan in a process of its own").
 */
export const SCAN_NICENESS = 10;

/**
 * The variable the child reads its database's URL from: not its command line, which
 * every user of the machine can read (`ps`), while a PostgreSQL URL holds a password.
 */
export const SCAN_DATABASE_URL_VARIABLE = 'SPONSORCAL_SCAN_DATABASE_URL';

/**
 * Runs the alert scan in a child process with its own connection to the database
 * `databaseUrl` names (a SQLite file or PostgreSQL). On SQLite, better-sqlite3 is
 * synchronous: on the API's thread every statement and commit of a scan over a
 * million deliverables blocked requests (up to 36 ms at a time). On PostgreSQL the
 * driver waits without blocking, but the rules' own work on what it answers did
 * (up to 18 ms at a time over a million deliverables). The scan itself is the same
 * `runAlertScan`, so exactly-once raising and the watermark are unchanged (the
 * child's connection is just another connection to the database). The child starts
 * with the first scan (or `ready`), again after it died, and ends with the server.
 */
export function startScanProcess(databaseUrl: string): ScanProcess {
  let current: { child: ChildProcess; ready: Promise<void> } | null = null;
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
    if (current) return current;
    const child = forkEntry('alerts/scan-child', [], CHILD_NODE_OPTIONS, {
      ...process.env,
      [SCAN_DATABASE_URL_VARIABLE]: databaseUrl,
    });
    // On its main thread, where the scan runs; threads it starts later inherit it.
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, SCAN_NICENESS);
      } catch {
        // Not allowed here (a sandbox): the scan runs at the server's priority.
      }
    }
    // The child never keeps the server running; shutdown ends it explicitly.
    child.unref();
    child.channel?.unref();
    let opened = () => {};
    const ready = new Promise<void>((resolve) => (opened = resolve));
    child.on('message', (reply: ScanReply) => {
      if (reply === 'ready') return opened();
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    child.on('error', (error) => {
      // A child that never started sends no 'exit': the next scan starts another.
      if (child.pid === undefined && current?.child === child) current = null;
      failAll(error);
    });
    child.on('exit', (code, signal) => {
      if (current?.child === child) current = null;
      opened();
      failAll(new Error(`the alert scan process exited (${signal ?? code})`));
    });
    return (current = { child, ready });
  };
  return {
    ready: () => started().ready,
    scan({ now, emailEnabled }) {
      const id = nextId++;
      const request: ScanRequest = { id, now: now.toISOString(), emailEnabled };
      return new Promise<AlertScanResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        started().child.send(request satisfies ScanMessage);
      });
    },
    pid: () => current?.child.pid,
    async close() {
      const child = current?.child;
      if (!child) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('close' satisfies ScanMessage);
      await exited;
    },
  };
}
