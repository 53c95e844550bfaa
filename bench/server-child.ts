/**
 * The bench's HTTP server, in its own process so the load generator does not
 * share its core: the real `createApp` on @hono/node-server (as
 * server/index.ts wires it, without the scheduler) plus a hello-world route,
 * and the point read's floors (below), recording how long each request took
 * from arrival to its last byte written.
 *
 * Environment: BENCH_DATABASE_FILE (or BENCH_DATABASE_URL, a PostgreSQL database: then
 * without the floors, which read the SQLite file), optional BENCH_WEB_ROOT. Talks to the
 * parent over IPC: sends `{type: 'ready', port}`, answers `timings` (and
 * forgets them) and `memory`.
 */
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { createApp } from '../server/app';
import { SESSION_COOKIE } from '../server/auth/session';
import { hashToken } from '../server/auth/tokens';
import { openDatabase } from '../server/db/connect';
import { keepPagesInMemory } from '../server/db/reader';
import { keepHeapSmall } from '../server/heap';
import { startHttpServer } from '../server/http-server';
import { SECURITY_HEADERS } from '../server/security/headers';

export type ChildRequest =
  { type: 'timings'; prefix: string; except?: string } | { type: 'memory' };
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'timings'; durations: number[] }
  | { type: 'memory'; maxRssMb: number; rssMb: number; peakHeapMb: number; peakExternalMb: number };

const file = process.env.BENCH_DATABASE_FILE;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? (file ? `sqlite:${file}` : undefined);
if (!databaseUrl || !process.send)
  throw new Error(
    'run by bench/http.ts with BENCH_DATABASE_FILE or BENCH_DATABASE_URL set and an IPC channel',
  );
const send = (message: ChildMessage) => process.send!(message);

const handle = openDatabase(databaseUrl);
const app = createApp({
  db: handle.db,
  webRoot: process.env.BENCH_WEB_ROOT,
  logError: (error) => console.error(error),
});

/**
 * The point read's floors: what no implementation of `GET /api/deliverables/:id`
 * can undercut on this server. `point-floor` reads the session and the row by
 * raw prepared better-sqlite3 statements in one read transaction and sends the
 * row with the app's security headers as a plain object (@hono/node-server's
 * fast path): no middleware, validation, warnings or Kysely. `row-floor` skips
 * even the session: one row read and its JSON, the most a point read can be
 * on this machine. Answers the connection they read by, to close.
 */
function addFloors(routes: Hono, sqliteFile: string): SQLite.Database {
  const raw = new SQLite(sqliteFile, { readonly: true });
  keepPagesInMemory(raw);
  const sessionRow = raw.prepare(`select users.*, sessions.expires_at as session_expires_at
  from sessions join users on users.id = sessions.user_id where sessions.id = ?`);
  const deliverableRow = raw.prepare('select * from deliverables where id = ?');
  const sessionAndRow = raw.transaction((session: string, id: string) => [
    sessionRow.get(session),
    deliverableRow.get(id),
  ]);
  const JSON_HEADERS = { ...SECURITY_HEADERS, 'content-type': 'application/json' };
  routes
    .get('/bench/point-floor/:id', (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      const [session, row] = sessionAndRow(token ? hashToken(token) : '', c.req.param('id'));
      if (!session) return c.text('Sign in', 401);
      if (!row) return c.text('Not found', 404);
      return new Response(JSON.stringify(row), { status: 200, headers: JSON_HEADERS });
    })
    .get('/bench/row-floor/:id', (c) => {
      const row = deliverableRow.get(c.req.param('id'));
      if (!row) return c.text('Not found', 404);
      return new Response(JSON.stringify(row), { status: 200, headers: JSON_HEADERS });
    });
  return raw;
}

const bench = new Hono().get('/bench/hello', (c) => c.text('Hello, world!'));
const raw = process.env.BENCH_DATABASE_URL || !file ? null : addFloors(bench, file);

// The server as server/index.ts runs it.
keepHeapSmall();
/**
 * Requests whose handler has not finished: a load's last requests can still wait for a
 * PostgreSQL connection after the load generator has gone, and the database closes after them.
 */
let inFlight = 0;
let allAnswered: (() => void) | null = null;
function counted(answer: Response | Promise<Response>): Response | Promise<Response> {
  if (!(answer instanceof Promise)) return answer;
  inFlight += 1;
  return answer.finally(() => {
    inFlight -= 1;
    if (inFlight === 0) allAnswered?.();
  });
}
const { server, listening } = startHttpServer({
  fetch: (request, env) =>
    counted(request.url.includes('/bench/') ? bench.fetch(request, env) : app.fetch(request, env)),
  port: 0,
  hostname: '127.0.0.1',
});

const durations: Array<{ url: string; ms: number }> = [];
/**
 * The prefixes asked for so far: only their requests are kept (a point-read load is
 * hundreds of thousands of requests, and keeping each was tens of MB of this process's RSS).
 */
const watched = new Set<string>();
function recordIfWatched(url: string, ms: number): void {
  for (const prefix of watched) {
    if (url.startsWith(prefix)) {
      durations.push({ url, ms });
      return;
    }
  }
}

// First in line, so the time includes the app's synchronous start on the request.
server.prependListener('request', (request, response) => {
  const started = performance.now();
  response.once('finish', () => recordIfWatched(request.url ?? '', performance.now() - started));
});

void listening.then((address) => send({ type: 'ready', port: address.port }));

/** The JavaScript heap's and Buffers' peaks, sampled: what of the RSS is Node's own. */
const MB = 1024 * 1024;
let peakHeapMb = 0;
let peakExternalMb = 0;
setInterval(() => {
  const usage = process.memoryUsage();
  peakHeapMb = Math.max(peakHeapMb, usage.heapTotal / MB);
  peakExternalMb = Math.max(peakExternalMb, usage.external / MB);
}, 50).unref();

process.on('message', (message: ChildRequest) => {
  if (message.type === 'timings') {
    watched.add(message.prefix);
    const { prefix, except } = message;
    const matching = durations
      .filter((d) => d.url.startsWith(prefix) && !(except && d.url.startsWith(except)))
      .map((d) => d.ms);
    durations.length = 0;
    send({ type: 'timings', durations: matching });
  } else if (message.type === 'memory') {
    send({
      type: 'memory',
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      rssMb: process.memoryUsage().rss / MB,
      peakHeapMb,
      peakExternalMb,
    });
  }
});

process.on('disconnect', () => {
  server.close();
  void new Promise<void>((resolve) => {
    allAnswered = resolve;
    if (inFlight === 0) resolve();
  })
    .then(() => {
      raw?.close();
      return handle.close();
    })
    .finally(() => process.exit(0));
});
