/**
 * One first run of every alert rule on a seeded database file, in its own
 * process (forked by bench/alerts.ts): a server on the same event loop is
 * asked /api/health all along, as the scheduler shares the API's process.
 * Sends its figures to the parent over IPC.
 *
 * Environment: BENCH_ALERT_FILE, BENCH_NOW, BENCH_NEXT_MINUTE (non-empty: also
 * the run a minute later).
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { runAlertScan } from '../server/alerts/scan';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/connect';
import type { FirstScan } from './alerts';

const file = process.env.BENCH_ALERT_FILE;
const nowIso = process.env.BENCH_NOW;
if (!file || !nowIso || !process.send)
  throw new Error('run by bench/alerts.ts with BENCH_ALERT_FILE, BENCH_NOW and an IPC channel');

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

const scan = await firstScan(file, new Date(nowIso), Boolean(process.env.BENCH_NEXT_MINUTE));
process.send(scan, () => process.exit(0));
