/**
 * One first run of every alert rule on a seeded database file, in its own
 * process (forked by bench/alerts.ts), as the server runs it: in its worker
 * thread (server/alerts/scan-thread.ts), while a server in the same process
 * is asked /api/health and one deliverable (a point read, signed in) all
 * along — first idle, then during the scan. Sends its figures to the parent over IPC.
 *
 * Environment: BENCH_ALERT_FILE, BENCH_NOW, BENCH_COOKIE (a signed-in session),
 * BENCH_DELIVERABLE_IDS (comma-separated, read in turn), BENCH_NEXT_MINUTE (non-empty: also
 * the run a minute later), BENCH_SCAN_ON_MAIN (non-empty: the scan on the API's
 * own thread instead, as before the worker, for comparison).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { runAlertScan } from '../server/alerts/scan';
import { startScanThread } from '../server/alerts/scan-thread';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/connect';
import type { FirstScan } from './alerts';

/** Health checks (and point reads) timed on the idle server, before the scan, for the p99 to compare with. */
const IDLE_REQUESTS = 300;
/**
 * Between two health checks: a monitor polling often, not a load generator — one
 * in a tight loop would take a core from the scan on this 2-core machine.
 */
const PAUSE_MS = 2;

const onMain = Boolean(process.env.BENCH_SCAN_ON_MAIN);
const file = process.env.BENCH_ALERT_FILE;
const nowIso = process.env.BENCH_NOW;
const cookie = process.env.BENCH_COOKIE;
const deliverableIds = (process.env.BENCH_DELIVERABLE_IDS ?? '').split(',').filter(Boolean);
if (!file || !nowIso || !cookie || deliverableIds.length === 0 || !process.send)
  throw new Error(
    'run by bench/alerts.ts with BENCH_ALERT_FILE, BENCH_NOW, BENCH_COOKIE, BENCH_DELIVERABLE_IDS and an IPC channel',
  );

/** Time on a CPU and runnable but waiting for one, in ms, from Linux's schedstat of a thread. */
type Schedule = { runMs: number; waitMs: number };

function scheduleOf(thread: string): Schedule | null {
  try {
    const [run, wait] = fs
      .readFileSync(`/proc/self/task/${thread}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return { runMs: run! / 1e6, waitMs: wait! / 1e6 };
  } catch {
    return null;
  }
}

/**
 * The API thread's schedule and the sum of every other thread's of this process
 * (the scan thread, V8's GC and compiler threads), null where there is no /proc:
 * a long event-loop block with little run time is the thread waiting for a core,
 * not code blocking it.
 */
function threadSchedules(): { api: Schedule; others: Schedule } | null {
  const api = scheduleOf(String(process.pid));
  if (!api) return null;
  const others = { runMs: 0, waitMs: 0 };
  for (const thread of fs.readdirSync('/proc/self/task')) {
    if (thread === String(process.pid)) continue;
    const s = scheduleOf(thread);
    others.runMs += s?.runMs ?? 0;
    others.waitMs += s?.waitMs ?? 0;
  }
  return { api, others };
}

const since = (after: Schedule, before: Schedule): Schedule => ({
  runMs: after.runMs - before.runMs,
  waitMs: after.waitMs - before.waitMs,
});

/**
 * `fetch`, once more on a new connection when the kept-alive one was closed under it
 * (undici: "other side closed"), which cut two bench runs short; the time counted
 * is from the first attempt.
 */
async function fetchAgainOnceClosed(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** Times one GET of `url`; throws unless it answers 200. */
async function timedGet(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now();
  const res = await fetchAgainOnceClosed(url, init);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status} during the scan`);
  return performance.now() - started;
}

/**
 * The first run of every rule on `file` (a week's lookback, e-mail on, so
 * deliveries are queued too), while a client keeps asking /api/health of a
 * server on the same event loop; with `thenNextMinute`, also the run a minute later.
 */
async function firstScan(
  file: string,
  now: Date,
  session: { cookie: string; deliverableIds: string[] },
  thenNextMinute: boolean,
): Promise<FirstScan> {
  const handle = openDatabase(`sqlite:${file}`);
  const app = createApp({ db: handle.db, logError: (error) => console.error(error) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const latencies: number[] = [];
  const pointLatencies: number[] = [];
  let polling = true;
  // A health check, then a point read of the next sample deliverable, then a short pause.
  const poller = (async () => {
    for (let i = 0; polling; i++) {
      latencies.push(await timedGet(`${origin}/api/health`));
      const id = session.deliverableIds[i % session.deliverableIds.length]!;
      pointLatencies.push(
        await timedGet(`${origin}/api/deliverables/${id}`, { headers: { cookie: session.cookie } }),
      );
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  })();

  const thread = startScanThread(file);
  // Started and connected before anything is timed, as in a server that has been up a while.
  if (!onMain) await thread.ready();
  const scanAt = (at: Date) =>
    onMain
      ? runAlertScan({ db: handle.db, now: at, emailEnabled: true })
      : thread.scan({ now: at, emailEnabled: true });
  try {
    // The client is warm before the idle health checks are counted.
    const settle = (count: number) => async () => {
      while (latencies.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await settle(20)();
    latencies.length = 0;
    pointLatencies.length = 0;
    await settle(IDLE_REQUESTS)();
    const idleLatencies = latencies.splice(0);
    const idlePointLatencies = pointLatencies.splice(0);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // The API isolate's own GC pauses: a part of its event-loop blocks that is not the scan's.
    const gcPauses: number[] = [];
    const gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push(entry.duration);
    });
    gc.observe({ entryTypes: ['gc'] });
    const before = threadSchedules();
    const started = performance.now();
    const result = await scanAt(now);
    const ms = performance.now() - started;
    delay.disable();
    const after = threadSchedules();
    polling = false;
    await poller;
    gc.disconnect();

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
      apiThread: before && after ? since(after.api, before.api) : null,
      otherThreads: before && after ? since(after.others, before.others) : null,
      apiGcMs: gcPauses.reduce((sum, pause) => sum + pause, 0),
      apiGcMaxMs: Math.max(0, ...gcPauses),
      latencies: [...latencies],
      idleLatencies,
      pointLatencies: [...pointLatencies],
      idlePointLatencies,
    };
    if (thenNextMinute) {
      // What the scheduler does every minute after that: the same rules, one minute later.
      const next = performance.now();
      const again = await scanAt(new Date(now.getTime() + 60_000));
      scan.nextMinute = { ms: performance.now() - next, raised: again.raised };
    }
    return scan;
  } finally {
    polling = false;
    await poller.catch(() => undefined);
    await thread.close();
    server.close();
    await handle.close();
  }
}

const scan = await firstScan(
  file,
  new Date(nowIso),
  { cookie, deliverableIds },
  Boolean(process.env.BENCH_NEXT_MINUTE),
);
process.send(scan, () => process.exit(0));
