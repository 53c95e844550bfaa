import fs from 'node:fs';
import { buildIfStale } from '../scripts/build.mjs';
import { calendarPathOf, type MonthRange } from './api';
import { startUpRunDone } from './cluster';
import { load } from './http';
import type { Report } from './report';
import { startProductionServer } from './startup';

export interface MemoryBenchOptions {
  file: string;
  cookie: string;
  ids: string[];
  range: MonthRange;
  connections: number;
  duration: number;
}

/** Fields of a process's /proc status, in MB: `VmHWM` (its peak RSS so far), `RssFile`, … */
function statusMb(pid: number, field: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

/** The processes `pid` started that still run (the alert scan's), from every thread of it. */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((thread) =>
      fs.readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').split(' ').filter(Boolean),
    )
    .map(Number);
}

/**
 * The server's peak memory with its child process's (the alert scan runs in one): the
 * server's peak RSS plus each child's peak RSS less the files it maps (Node's binary
 * and libraries, the server's pages too, counted once). Peaks summed, so never less
 * than what they held at once.
 */
function peakRssMb(pid: number): { total: number; children: number } {
  const children = childrenOf(pid).reduce(
    (sum, child) => sum + statusMb(child, 'VmHWM') - statusMb(child, 'RssFile'),
    0,
  );
  return { total: statusMb(pid, 'VmHWM') + children, children };
}

/**
 * Peak memory of the production server (`npm start`, as operators run it: no
 * tsx, no bench routes or floors' connection) and its alert scan process under the
 * API sections' loads one after another: calendar months, point reads, then both at
 * once.
 */
export async function benchMemory(report: Report, options: MemoryBenchOptions): Promise<void> {
  await buildIfStale();
  report.begin('6. Server memory (the production server under the API load)');
  const server = startProductionServer(options.file, { ALERT_CRON: '0 0 1 1 *' });
  try {
    const url = `http://127.0.0.1:${await server.healthy}`;
    await startUpRunDone(url);
    const atStart = peakRssMb(server.pid);
    const { connections, duration, cookie } = options;
    const headers = { cookie };
    const months = (n: number) =>
      load({ url, paths: [calendarPathOf(options.range)], headers, connections: n, duration });
    const points = (n: number) =>
      load({
        url,
        paths: options.ids.map((id) => `/api/deliverables/${id}`),
        headers,
        connections: n,
        duration,
      });
    const results = [await months(connections), await points(connections)];
    results.push(
      ...(await Promise.all([months(connections), points(Math.max(1, connections / 5))])),
    );
    const peak = peakRssMb(server.pid);
    report.add(
      'server_start_rss_mb',
      'Server RSS once started, with its alert scan process (its start-up run done)',
      atStart.total,
      'MB',
    );
    report.add(
      'server_peak_rss_mb',
      'Server peak RSS under the API load, with its alert scan process',
      peak.total,
      'MB',
      { op: '<=', value: 200 },
    );
    report.add(
      'server_scan_process_peak_rss_mb',
      "… of which the alert scan process's (its peak less the files it maps)",
      peak.children,
      'MB',
    );
    report.add(
      'server_memory_load_failures',
      'Failed or non-2xx responses meanwhile',
      results.reduce((sum, r) => sum + r.failures, 0),
      'requests',
      { op: '<=', value: 0 },
    );
  } finally {
    await server.stop();
  }
}
