import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { runAlertScan } from '../server/alerts/scan';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/connect';
import type { Report } from './report';
import { median, percentile } from './stats';

export interface AlertBenchOptions {
  file: string;
  now: Date;
  deliverables: number;
  invoices: number;
  /** First runs, each on a fresh copy of the seeded file; the median is reported. */
  runs: number;
}

/**
 * Full runs of every alert rule over the seeded workspace — each the first
 * run on a fresh copy (a week's lookback, e-mail on, so deliveries are queued
 * too) — while a client keeps asking /api/health of a server on the same event
 * loop: the scheduler shares the process with the API. Reports the median
 * run's time, the longest event-loop block of any run (`monitorEventLoopDelay`),
 * how health checks fared, and the steady-state run a minute later.
 */
export async function benchAlertScan(report: Report, options: AlertBenchOptions): Promise<void> {
  const runs: FirstScan[] = [];
  for (let run = 0; run < options.runs; run++) {
    // Each first run on its own copy of the seeded file (a run writes its alerts into it).
    const file = `${options.file}.run${run}`;
    copyToDisk(options.file, file);
    const last = run === options.runs - 1;
    runs.push(await firstScan(file, options.now, last));
    if (!last) removeDatabase(file);
  }
  const { raised, deliveries } = runs[0]!;
  const latencies = runs.flatMap((r) => r.latencies);
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
    'alert_scan_loop_block_max_ms',
    'Longest event-loop block during any run',
    Math.max(...runs.map((r) => r.loopMaxMs)),
    'ms',
    { op: '<', value: 50 },
  );
  report.add(
    'alert_scan_loop_delay_p99_ms',
    'Event-loop delay p99 during the scan (median of runs)',
    median(runs.map((r) => r.loopP99Ms)),
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
  report.add(
    'alert_scan_health_p99_ms',
    'Health check p99 during the scans',
    latencies.length ? percentile(latencies, 99) : 0,
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

interface FirstScan {
  ms: number;
  raised: number;
  deliveries: number;
  loopMaxMs: number;
  loopP99Ms: number;
  latencies: number[];
  nextMinute?: { ms: number; raised: number };
}

/** Copies a database file and puts the copy on disk (see seedWorkspace: dirty pages skew writes). */
function copyToDisk(from: string, to: string): void {
  fs.copyFileSync(from, to);
  const fd = fs.openSync(to, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * The first run of every rule on `file` (a week's lookback, e-mail on, so
 * deliveries are queued too), while a client keeps asking /api/health of a
 * server on the same event loop; with `thenNextMinute`, also the run a minute later.
 */
async function firstScan(file: string, now: Date, thenNextMinute: boolean): Promise<FirstScan> {
  const handle = openDatabase(`sqlite:${file}`);
  const app = createApp({ db: handle.db, logError: (error) => console.error(error) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;

  const latencies: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const started = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/api/health answered ${res.status} during the scan`);
      latencies.push(performance.now() - started);
    }
  })();

  try {
    // The client is warm before the run starts.
    while (latencies.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    latencies.length = 0;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const result = await runAlertScan({ db: handle.db, now, emailEnabled: true });
    const ms = performance.now() - started;
    delay.disable();
    polling = false;
    await poller;

    const deliveries = await handle.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const scan: FirstScan = {
      ms,
      raised: result.raised,
      deliveries: Number(deliveries.count),
      loopMaxMs: delay.max / 1e6,
      loopP99Ms: delay.percentile(99) / 1e6,
      latencies: [...latencies],
    };
    if (thenNextMinute) {
      // What the scheduler does every minute after that: the same rules, one minute later.
      const next = performance.now();
      const again = await runAlertScan({
        db: handle.db,
        now: new Date(now.getTime() + 60_000),
        emailEnabled: true,
      });
      scan.nextMinute = { ms: performance.now() - next, raised: again.raised };
    }
    return scan;
  } finally {
    polling = false;
    await poller.catch(() => undefined);
    server.close();
    await handle.close();
  }
}
