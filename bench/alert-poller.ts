/**
 * The client of the alert scan bench (forked by bench/alerts.ts): asks the server
 * in bench/alert-scan-child.ts for /api/health and one deliverable (a point read,
 * signed in) in turn, with a short pause, from its own process — as a load
 * balancer and a user would, so that its own fetches' garbage is not collected on
 * the API's thread it measures. First warm-up, then `IDLE_REQUESTS` timed on the
 * idle server (then it tells the parent), then, between the parent's `scan-started`
 * and `scan-ended`, during the scan; it answers `scan-ended` with every timing.
 *
 * Environment: BENCH_ORIGIN, BENCH_COOKIE, BENCH_DELIVERABLE_IDS (comma-separated, read in turn).
 */
import type { PollerMessage, PollerTimings } from './alerts';

/** Health checks (and point reads) timed on the idle server, before the scan, for the p99 to compare with. */
const IDLE_REQUESTS = 300;
/** Untimed first: the client's connections and the server's code are warm before anything counts. */
const WARM_UP_REQUESTS = 20;
/**
 * Between two health checks: a monitor polling often, not a load generator — one
 * in a tight loop would take a core from the scan on this 2-core machine.
 */
const PAUSE_MS = 2;

const origin = process.env.BENCH_ORIGIN;
const cookie = process.env.BENCH_COOKIE;
const ids = (process.env.BENCH_DELIVERABLE_IDS ?? '').split(',').filter(Boolean);
if (!origin || !cookie || ids.length === 0 || !process.send)
  throw new Error(
    'run by bench/alerts.ts with BENCH_ORIGIN, BENCH_COOKIE, BENCH_DELIVERABLE_IDS and an IPC channel',
  );
const send = process.send.bind(process);

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

const timings: PollerTimings = {
  latencies: [],
  idleLatencies: [],
  pointLatencies: [],
  idlePointLatencies: [],
};
/** Where the next pair of timings goes: nowhere while warming up and between the phases. */
let phase: 'warm' | 'idle' | 'waiting' | 'scan' | 'done' = 'warm';
/** The phase now: the parent's messages change it between two awaits. */
const phaseNow = () => phase;

process.on('message', (message: PollerMessage) => {
  if (message.type === 'scan-started') phase = 'scan';
  if (message.type === 'scan-ended') phase = 'done';
});

for (let i = 0; phaseNow() !== 'done'; i++) {
  const health = await timedGet(`${origin}/api/health`);
  const id = ids[i % ids.length]!;
  const point = await timedGet(`${origin}/api/deliverables/${id}`, { headers: { cookie } });
  const now = phaseNow();
  if (now === 'idle') {
    timings.idleLatencies.push(health);
    timings.idlePointLatencies.push(point);
    if (timings.idleLatencies.length === IDLE_REQUESTS) {
      phase = 'waiting';
      send({ type: 'idle-done' } satisfies PollerMessage);
    }
  } else if (now === 'scan') {
    timings.latencies.push(health);
    timings.pointLatencies.push(point);
  } else if (now === 'warm' && i + 1 === WARM_UP_REQUESTS) {
    phase = 'idle';
  }
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}
send({ type: 'timings', ...timings } satisfies PollerMessage, () => process.exit(0));
