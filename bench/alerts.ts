import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { runAlertScan } from '../server/alerts/scan';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/connect';
import type { Report } from './report';
import { percentile } from './stats';

export interface AlertBenchOptions {
  file: string;
  now: Date;
  deliverables: number;
  invoices: number;
}

/**
 * One full run of every alert rule over the seeded workspace (first run: the
 * week's lookback, e-mail on, so deliveries are queued too), while a client
 * keeps asking /api/health of a server on the same event loop — the scheduler
 * shares the process with the API. Reports the run's time, the longest
 * event-loop block (`monitorEventLoopDelay`) and how health checks fared.
 */
export async function benchAlertScan(report: Report, options: AlertBenchOptions): Promise<void> {
  const handle = openDatabase(`sqlite:${options.file}`);
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
    const result = await runAlertScan({ db: handle.db, now: options.now, emailEnabled: true });
    const ms = performance.now() - started;
    delay.disable();
    polling = false;
    await poller;

    const deliveries = await handle.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    report.begin(
      `4. Alert scan: every rule over ${options.deliverables.toLocaleString('en')} deliverables and ${options.invoices.toLocaleString('en')} invoices`,
    );
    report.add('alert_scan_raised', 'Alerts raised (first run)', result.raised, 'alerts');
    report.add(
      'alert_scan_due_share',
      'Share of deliverables and invoices due',
      (100 * result.raised) / (options.deliverables + options.invoices),
      '%',
    );
    report.add(
      'alert_scan_deliveries',
      'Deliveries queued with them',
      Number(deliveries.count),
      'deliveries',
    );
    report.add('alert_scan_ms', 'One full scan', ms, 'ms', { op: '<', value: 1000 });
    report.add(
      'alert_scan_loop_block_max_ms',
      'Longest event-loop block during the scan',
      delay.max / 1e6,
      'ms',
      { op: '<', value: 50 },
    );
    report.add(
      'alert_scan_loop_delay_p99_ms',
      'Event-loop delay p99 during the scan',
      delay.percentile(99) / 1e6,
      'ms',
    );
    report.add(
      'alert_scan_health_requests',
      'Health checks answered during the scan',
      latencies.length,
      'requests',
    );
    report.add(
      'alert_scan_health_max_ms',
      'Slowest health check during the scan',
      latencies.length ? Math.max(...latencies) : 0,
      'ms',
    );
    report.add(
      'alert_scan_health_p99_ms',
      'Health check p99 during the scan',
      latencies.length ? percentile(latencies, 99) : 0,
      'ms',
    );
    // What the scheduler does every minute after that: the same rules, one minute later.
    const next = performance.now();
    const again = await runAlertScan({
      db: handle.db,
      now: new Date(options.now.getTime() + 60_000),
      emailEnabled: true,
    });
    report.add(
      'alert_scan_next_minute_ms',
      'The scan one minute later (steady state)',
      performance.now() - next,
      'ms',
    );
    report.add('alert_scan_next_minute_raised', 'Alerts raised by it', again.raised, 'alerts');
  } finally {
    polling = false;
    await poller.catch(() => undefined);
    server.close();
    await handle.close();
  }
}
