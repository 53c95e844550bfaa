import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Report } from './report';
import { messagesOf } from './messages';
import { syncToDisk } from './seed';
import { median, percentile } from './stats';

export interface AlertBenchOptions {
  file: string;
  now: Date;
  deliverables: number;
  invoices: number;
  /** First runs, each on a fresh copy of the seeded file; the median is reported. */
  runs: number;
  /** A signed-in session cookie and deliverables to read one at a time during the scan. */
  cookie: string;
  sampleIds: string[];
}

/**
 * Full runs of every alert rule over the seeded workspace — each the first
 * run on a fresh copy (a week's lookback, e-mail on, so deliveries are queued
 * too) — while a client in another process keeps asking /api/health and one
 * deliverable of a server that runs the scan in its child process, as the
 * server does. Reports the median run's time, the
 * longest block of the API's event loop in any run (`monitorEventLoopDelay`),
 * health check and point read p99 during the scans against before them, and
 * the steady-state run a minute later.
 */
export async function benchAlertScan(report: Report, options: AlertBenchOptions): Promise<void> {
  const runs: FirstScan[] = [];
  for (let run = 0; run < options.runs; run++) {
    // Each first run on its own copy of the seeded file (a run writes its alerts into it).
    const file = `${options.file}.run${run}`;
    copyToDisk(options.file, file);
    const last = run === options.runs - 1;
    runs.push(await firstScanInChild(file, options, last, false));
    if (!last) removeDatabase(file);
  }
  // The same first run on the API's own thread (as before the worker), for comparison.
  const mainFile = `${options.file}.main`;
  copyToDisk(options.file, mainFile);
  const onMain = await firstScanInChild(mainFile, options, false, true);
  removeDatabase(mainFile);
  const { raised, deliveries } = runs[0]!;
  const latencies = runs.flatMap((r) => r.latencies);
  const idle = runs.flatMap((r) => r.idleLatencies);
  const pointLatencies = runs.flatMap((r) => r.pointLatencies);
  const pointIdle = runs.flatMap((r) => r.idlePointLatencies);
  report.begin(
    `4. Alert scan: every rule over ${options.deliverables.toLocaleString('en')} deliverables and ${options.invoices.toLocaleString('en')} invoices (median of ${runs.length} first runs)`,
  );
  report.add('alert_scan_raised', 'Alerts raised (first run)', raised, 'alerts');
  report.add(
    'alert_scan_due_share',
    'Share of deliverables and invoices due',
    (100 * raised) / (options.deliverables + options.invoices),
    '%',
  );
  report.add('alert_scan_deliveries', 'Deliveries queued with them', deliveries, 'deliveries');
  report.add('alert_scan_ms', 'One full scan (median)', median(runs.map((r) => r.ms)), 'ms', {
    op: '<',
    value: 1000,
  });
  report.add(
    'alert_scan_ms_slowest',
    'One full scan (slowest run)',
    Math.max(...runs.map((r) => r.ms)),
    'ms',
  );
  report.add(
    'scan_max_event_loop_block_ms',
    "Longest block of the API's event loop during any run",
    Math.max(...runs.map((r) => r.loopMaxMs)),
    'ms',
    { op: '<=', value: 10 },
  );
  report.add(
    'alert_scan_loop_delay_p99_ms',
    'Event-loop delay p99 during the scan (median of runs)',
    median(runs.map((r) => r.loopP99Ms)),
    'ms',
  );
  addScheduleFigures(
    report,
    'alert_scan_api_thread',
    "The API thread's time on a CPU during the scan (median of runs)",
    runs.map((r) => r.apiThread),
  );
  addScheduleFigures(
    report,
    'alert_scan_other_threads',
    "The API process's other threads (V8's GC and compiler, libuv's) on a CPU (median of runs)",
    runs.map((r) => r.otherThreads),
  );
  addScheduleFigures(
    report,
    'alert_scan_process',
    "The scan's process (all its threads) on a CPU (median of runs)",
    runs.map((r) => r.scanProcess),
  );
  report.add(
    'alert_scan_api_gc_ms',
    "The API isolate's GC pauses during the scan, in all (median of runs)",
    median(runs.map((r) => r.apiGcMs)),
    'ms',
  );
  report.add(
    'alert_scan_api_gc_max_ms',
    '… the longest in any run',
    Math.max(...runs.map((r) => r.apiGcMaxMs)),
    'ms',
  );
  report.add(
    'alert_scan_health_requests',
    'Health checks answered during the scans',
    latencies.length,
    'requests',
  );
  report.add(
    'alert_scan_health_max_ms',
    'Slowest health check during the scans',
    latencies.length ? Math.max(...latencies) : 0,
    'ms',
  );
  const scanP99 = latencies.length ? percentile(latencies, 99) : 0;
  const idleP99 = idle.length ? percentile(idle, 99) : 0;
  report.add('alert_scan_health_p99_ms', 'Health check p99 during the scans', scanP99, 'ms');
  report.add('alert_scan_health_idle_p99_ms', 'Health check p99 before them (idle)', idleP99, 'ms');
  report.add(
    'ratio_health_p99_scan_vs_idle',
    'Health check p99 during the scans ÷ idle',
    idleP99 > 0 ? scanP99 / idleP99 : 0,
    '×',
    { op: '<=', value: 2 },
  );
  const pointScanP99 = pointLatencies.length ? percentile(pointLatencies, 99) : 0;
  const pointIdleP99 = pointIdle.length ? percentile(pointIdle, 99) : 0;
  report.add(
    'alert_scan_point_p99_ms',
    'Point read (one deliverable) p99 during the scans',
    pointScanP99,
    'ms',
  );
  report.add(
    'alert_scan_point_idle_p99_ms',
    'Point read p99 before them (idle)',
    pointIdleP99,
    'ms',
  );
  report.add(
    'ratio_point_p99_scan_vs_idle',
    'Point read p99 during the scans ÷ idle',
    pointIdleP99 > 0 ? pointScanP99 / pointIdleP99 : 0,
    '×',
    { op: '<=', value: 2 },
  );
  report.add(
    'alert_scan_on_main_thread_ms',
    "The same first run on the API's thread (no worker)",
    onMain.ms,
    'ms',
  );
  report.add(
    'alert_scan_on_main_thread_loop_block_max_ms',
    'Longest event-loop block then',
    onMain.loopMaxMs,
    'ms',
  );
  report.add(
    'alert_scan_on_main_thread_health_p99_ms',
    'Health check p99 then',
    onMain.latencies.length ? percentile(onMain.latencies, 99) : 0,
    'ms',
  );
  const { nextMinute } = runs.at(-1)!;
  report.add(
    'alert_scan_next_minute_ms',
    'The scan one minute later (steady state)',
    nextMinute!.ms,
    'ms',
  );
  report.add('alert_scan_next_minute_raised', 'Alerts raised by it', nextMinute!.raised, 'alerts');
  removeDatabase(`${options.file}.run${options.runs - 1}`);
}

type Schedule = { runMs: number; waitMs: number };

/** `<name>_run_ms` and `<name>_cpu_wait_ms`: medians of the runs' schedules, where Linux gave them. */
function addScheduleFigures(
  report: Report,
  name: string,
  label: string,
  schedules: Array<Schedule | null>,
): void {
  const known = schedules.flatMap((s) => (s ? [s] : []));
  if (known.length === 0) return;
  report.add(`${name}_run_ms`, label, median(known.map((s) => s.runMs)), 'ms');
  report.add(
    `${name}_cpu_wait_ms`,
    '… and runnable, waiting for a CPU (median of runs)',
    median(known.map((s) => s.waitMs)),
    'ms',
  );
}

/** What bench/alert-scan-child.ts measures of its own process during one first scan. */
export interface ScanFigures {
  ms: number;
  raised: number;
  deliveries: number;
  loopMaxMs: number;
  loopP99Ms: number;
  /** The API thread during the scan: on a CPU, and runnable but waiting for one (Linux). */
  apiThread: Schedule | null;
  /** The same, summed over the process's other threads (the scan's, V8's GC and compiler threads). */
  otherThreads: Schedule | null;
  /** The scan's child process, all its threads; null on the API's thread or without /proc. */
  scanProcess: Schedule | null;
  /** The API isolate's GC pauses during the scan: in all, and the longest. */
  apiGcMs: number;
  apiGcMaxMs: number;
  nextMinute?: { ms: number; raised: number };
}

/** What bench/alert-poller.ts timed: health checks and point reads during the scan and before it. */
export interface PollerTimings {
  latencies: number[];
  idleLatencies: number[];
  pointLatencies: number[];
  idlePointLatencies: number[];
}

export type FirstScan = ScanFigures & PollerTimings;

export type ScanChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'scanning' }
  | { type: 'scanned' }
  | { type: 'result'; scan: ScanFigures };
export type ScanParentMessage = { type: 'scan' } | { type: 'finish' };
export type PollerMessage =
  | { type: 'idle-done' }
  | { type: 'scan-started' }
  | { type: 'scan-ended' }
  | ({ type: 'timings' } & PollerTimings);

/** Copies a database file and puts the copy on disk (see `syncToDisk`). */
function copyToDisk(from: string, to: string): void {
  fs.copyFileSync(from, to);
  syncToDisk(to);
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Runs bench/alert-scan-child.ts on `file`: each run in a fresh process, as a
 * server starts, not in the bench's own (whose heap the load generator and
 * the other sections have grown); its client, bench/alert-poller.ts, in another
 * (in the server's process, its fetches' garbage was collected on the API's thread:
 * scavenges of 4–12 ms there, about 1 ms with the server alone).
 */
async function firstScanInChild(
  file: string,
  { now, cookie, sampleIds }: AlertBenchOptions,
  thenNextMinute: boolean,
  onMainThread: boolean,
): Promise<FirstScan> {
  const server = forkTs('alert-scan-child.ts', {
    BENCH_ALERT_FILE: file,
    BENCH_NOW: now.toISOString(),
    BENCH_NEXT_MINUTE: thenNextMinute ? '1' : '',
    BENCH_SCAN_ON_MAIN: onMainThread ? '1' : '',
  });
  let poller: ChildProcess | undefined;
  try {
    const serverSays = messagesOf<ScanChildMessage>(server, 'alert-scan-child.ts');
    const { port } = await serverSays('listening');
    poller = forkTs('alert-poller.ts', {
      BENCH_ORIGIN: `http://127.0.0.1:${port}`,
      BENCH_COOKIE: cookie,
      BENCH_DELIVERABLE_IDS: sampleIds.join(','),
    });
    const pollerSays = messagesOf<PollerMessage>(poller, 'alert-poller.ts');
    await pollerSays('idle-done');
    const scanning = serverSays('scanning');
    const scanned = serverSays('scanned');
    const result = serverSays('result');
    // Awaited in turn below; a child that dies first rejects them all at once.
    for (const later of [scanned, result]) later.catch(() => undefined);
    server.send({ type: 'scan' } satisfies ScanParentMessage);
    await scanning;
    poller.send({ type: 'scan-started' } satisfies PollerMessage);
    await scanned;
    const timings = pollerSays('timings');
    poller.send({ type: 'scan-ended' } satisfies PollerMessage);
    const { type: _, ...polled } = await timings;
    server.send({ type: 'finish' } satisfies ScanParentMessage);
    const { scan } = await result;
    return { ...scan, ...polled };
  } finally {
    for (const child of [poller, server]) if (child && child.exitCode === null) child.kill();
  }
}

/** A bench script in a process of its own (run by tsx), its output on ours, talking over IPC. */
function forkTs(script: string, env: Record<string, string>): ChildProcess {
  return fork(path.join(import.meta.dirname, script), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
