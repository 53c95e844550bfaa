/**
 * One first run of every alert rule on a seeded database file, in its own
 * process (forked by bench/alerts.ts), as the server runs it: in its child
 * process (server/alerts/scan-process.ts), with the API served in this process:
 * the parent's client (bench/alert-poller.ts, its own process) asks it for
 * /api/health and one deliverable all along, first idle, then during the scan.
 * Measures this process: its event loop's longest block, the API isolate's GC
 * pauses and its threads' schedules during the scan, and the scan process's
 * schedule; sends them over IPC.
 *
 * Environment: BENCH_ALERT_FILE, BENCH_NOW, BENCH_NEXT_MINUTE (non-empty: also the
 * run a minute later), BENCH_SCAN_ON_MAIN (non-empty: the scan on the API's own
 * thread instead, as before its process, for comparison).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { runAlertScan } from '../server/alerts/scan';
import { startScanProcess } from '../server/alerts/scan-process';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/connect';
import type { ScanChildMessage, ScanFigures, ScanParentMessage } from './alerts';
import { messagesOf } from './messages';

const onMain = Boolean(process.env.BENCH_SCAN_ON_MAIN);
const file = process.env.BENCH_ALERT_FILE;
const nowIso = process.env.BENCH_NOW;
if (!file || !nowIso || !process.send)
  throw new Error('run by bench/alerts.ts with BENCH_ALERT_FILE, BENCH_NOW and an IPC channel');
const send = process.send.bind(process);

/** Time on a CPU and runnable but waiting for one, in ms, from Linux's schedstat of a thread. */
type Schedule = { runMs: number; waitMs: number };

function scheduleOf(task: string): Schedule | null {
  try {
    const [run, wait] = fs.readFileSync(`${task}/schedstat`, 'utf8').split(' ').map(Number);
    return { runMs: run! / 1e6, waitMs: wait! / 1e6 };
  } catch {
    return null;
  }
}

/** The sum of the schedules of the threads of process `pid` (`self`) but `except`. */
function processSchedule(pid: string, except?: string): Schedule {
  const sum = { runMs: 0, waitMs: 0 };
  for (const thread of fs.readdirSync(`/proc/${pid}/task`)) {
    if (thread === except) continue;
    const s = scheduleOf(`/proc/${pid}/task/${thread}`);
    sum.runMs += s?.runMs ?? 0;
    sum.waitMs += s?.waitMs ?? 0;
  }
  return sum;
}

/**
 * The API thread's schedule, the sum of every other thread's of this process (V8's
 * GC and compiler threads, libuv's pool) and of the scan process's threads, null
 * where there is no /proc: a long event-loop block with little run time is the
 * thread waiting for a core, not code blocking it.
 */
function threadSchedules(scanPid: number | undefined): Schedules | null {
  const api = scheduleOf(`/proc/self/task/${process.pid}`);
  if (!api) return null;
  return {
    api,
    others: processSchedule('self', String(process.pid)),
    scan: scanPid ? processSchedule(String(scanPid)) : null,
  };
}

type Schedules = { api: Schedule; others: Schedule; scan: Schedule | null };

const since = (after: Schedule, before: Schedule): Schedule => ({
  runMs: after.runMs - before.runMs,
  waitMs: after.waitMs - before.waitMs,
});

/**
 * The first run of every rule on `file` (a week's lookback, e-mail on, so
 * deliveries are queued too) once the parent says `scan` (its client has timed the
 * idle server by then), telling it when the scan starts and ends; with
 * `thenNextMinute`, also the run a minute later.
 */
async function firstScan(file: string, now: Date, thenNextMinute: boolean): Promise<ScanFigures> {
  const handle = openDatabase(`sqlite:${file}`);
  const app = createApp({ db: handle.db, logError: (error) => console.error(error) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const scanner = startScanProcess(`sqlite:${file}`);
  // Started and connected before anything is timed, as in a server that has been up a while.
  if (!onMain) await scanner.ready();
  const scanAt = (at: Date) =>
    onMain
      ? runAlertScan({ db: handle.db, now: at, emailEnabled: true })
      : scanner.scan({ now: at, emailEnabled: true });
  try {
    const parentSays = messagesOf<ScanParentMessage>(process, 'this process');
    const told = parentSays('scan');
    // The client keeps asking until the parent has its timings: the server answers until then.
    const finished = parentSays('finish');
    const { port } = server.address() as AddressInfo;
    send({ type: 'listening', port } satisfies ScanChildMessage);
    await told;
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // The API isolate's own GC pauses: a part of its event-loop blocks that is not the scan's.
    const gcPauses: number[] = [];
    const gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push(entry.duration);
    });
    gc.observe({ entryTypes: ['gc'] });
    const before = threadSchedules(scanner.pid());
    send({ type: 'scanning' } satisfies ScanChildMessage);
    const started = performance.now();
    const result = await scanAt(now);
    const ms = performance.now() - started;
    send({ type: 'scanned' } satisfies ScanChildMessage);
    delay.disable();
    const after = threadSchedules(scanner.pid());
    gc.disconnect();

    const deliveries = await handle.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const scan: ScanFigures = {
      ms,
      raised: result.raised,
      deliveries: Number(deliveries.count),
      loopMaxMs: delay.max / 1e6,
      loopP99Ms: delay.percentile(99) / 1e6,
      apiThread: before && after ? since(after.api, before.api) : null,
      otherThreads: before && after ? since(after.others, before.others) : null,
      scanProcess: before?.scan && after?.scan ? since(after.scan, before.scan) : null,
      apiGcMs: gcPauses.reduce((sum, pause) => sum + pause, 0),
      apiGcMaxMs: Math.max(0, ...gcPauses),
    };
    if (thenNextMinute) {
      // What the scheduler does every minute after that: the same rules, one minute later.
      const next = performance.now();
      const again = await scanAt(new Date(now.getTime() + 60_000));
      scan.nextMinute = { ms: performance.now() - next, raised: again.raised };
    }
    await finished;
    return scan;
  } finally {
    await scanner.close();
    server.close();
    await handle.close();
  }
}

const scan = await firstScan(file, new Date(nowIso), Boolean(process.env.BENCH_NEXT_MINUTE));
send({ type: 'result', scan } satisfies ScanChildMessage, () => process.exit(0));
