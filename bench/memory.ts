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

/** The process's peak resident memory so far (Linux: VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

/**
 * Peak memory of the production server (`npm start`, as operators run it: no
 * tsx, no bench routes or floors' connection) under the API sections' loads one
 * after another: calendar months, point reads, then both at once.
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
    report.add(
      'server_start_rss_mb',
      'Server RSS once started (its start-up alert run done)',
      atStart,
      'MB',
    );
    report.add(
      'server_peak_rss_mb',
      'Server peak RSS under the API load',
      peakRssMb(server.pid),
      'MB',
      {
        op: '<=',
        value: 200,
      },
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
