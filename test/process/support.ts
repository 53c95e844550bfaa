import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { hc } from 'hono/client';
import { SMTPServer } from 'smtp-server';
import type { AppType } from '../../server/app';
import { createTestDatabase } from '../support/database';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { insertBrand } from '../../server/db/queries/brands';
import { insertChannel } from '../../server/db/queries/channels';
import { insertDeal } from '../../server/db/queries/deals';
import { getSettings } from '../../server/db/queries/settings';
import type { NewDeliverable } from '../../server/db/schema';
import { newId } from '../../server/ids';
import { startServer, tempDir, type ServerProcess } from '../e2e/server';

/**
 * Ceilings, not budgets: these tests run real processes and wait on events (a log line,
 * health, an exit), so on a loaded two-core machine they only take longer. Generous, so
 * that load never fails them; a test that truly hangs still ends.
 */
export const PROCESS_TEST_TIMEOUT_MS = 180_000;
/** How long `waitFor` waits by default for what a process will do. */
export const PROCESS_WAIT_MS = 90_000;

export const OWNER = {
  email: 'owner@example.com',
  name: 'Olive Owner',
  password: 'correct horse battery',
};

/** Every scheduled second: the fastest node-cron runs. */
export const EVERY_SECOND = '*/1 * * * * *';
/**
 * A scheduler that runs every second with a short delivery lease (2 s): deliveries a
 * killed or stopped sender held are retried within the test.
 */
export const SHORT_LEASE_SCHEDULER_ENV = {
  ALERT_CRON: EVERY_SECOND,
  ALERT_DELIVERY_LEASE_SECONDS: '2',
};

/** Once a year: in practice only the start-up run happens. */
export const ONCE_A_YEAR = '0 0 1 1 *';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `check` until it returns something other than undefined/false and
 * returns that; after the timeout, fails naming `what` (and the last error `check` threw).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = PROCESS_WAIT_MS, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves once the wall clock is past `instant` (plus a margin). */
export async function waitUntilPast(instant: Date, marginMs = 250): Promise<void> {
  const ms = instant.getTime() + marginMs - Date.now();
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

/** The typed client (`hc<AppType>`) against a running server, signed in with `cookie`. */
export function apiClient(url: string, cookie?: string) {
  // A signed-in browser names its origin on every change (the CSRF check wants it).
  return hc<AppType>(url, { headers: cookie ? { cookie, origin: url } : {} }).api;
}
export type ApiClient = ReturnType<typeof apiClient>;

async function ok<T>(
  response: { ok: boolean; status: number; json(): Promise<T>; text(): Promise<string> },
  what: string,
) {
  if (!response.ok)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Creates the owner (first-run set-up) and answers the session cookie. */
export async function setUpOwner(url: string): Promise<string> {
  const response = await apiClient(url).auth.setup.$post({ json: OWNER });
  await ok(response, 'POST /api/auth/setup');
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('POST /api/auth/setup set no cookie');
  return cookie.split(';')[0]!;
}

/** A brand and a deal to hang deliverables on. */
export async function createDeal(api: ApiClient): Promise<{ brandId: string; dealId: string }> {
  const brand = await ok(
    await api.brands.$post({ json: { name: 'Acme Outdoor' } }),
    'POST /api/brands',
  );
  const deal = await ok(
    await api.deals.$post({ json: { brandId: brand.id, title: 'Spring campaign' } }),
    'POST /api/deals',
  );
  return { brandId: brand.id, dealId: deal.id };
}

export async function createDeliverable(
  api: ApiClient,
  input: { dealId: string; title: string; draftDueAt?: Date; publishAt?: Date },
) {
  return ok(
    await api.deliverables.$post({
      json: {
        dealId: input.dealId,
        title: input.title,
        platform: 'tiktok',
        ...(input.draftDueAt ? { draftDueAt: input.draftDueAt.toISOString() } : {}),
        ...(input.publishAt ? { publishAt: input.publishAt.toISOString() } : {}),
      },
    }),
    'POST /api/deliverables',
  );
}

/** A `json` webhook channel; answers its id and signing secret. */
export async function createJsonChannel(
  api: ApiClient,
  url: string,
): Promise<{ id: string; secret: string }> {
  const channel = await ok(
    await api.channels.$post({ json: { type: 'json', name: 'Test receiver', url } }),
    'POST /api/channels',
  );
  if (!channel.secret) throw new Error('A new json channel came without its secret');
  return { id: channel.id, secret: channel.secret };
}

export async function listAllAlerts(api: ApiClient) {
  return ok(await api.alerts.$get({ query: { state: 'all', limit: '500' } }), 'GET /api/alerts');
}

export async function getHealth(url: string) {
  const response = await apiClient(url).health.$get();
  const body = await response.json();
  if (!('scheduler' in body))
    throw new Error(`GET /api/health answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

// ---------------------------------------------------------------------------
// The webhook receiver: a real HTTP server that counts what arrives.

export interface ReceivedWebhook {
  /** The Idempotency-Key header: the delivery id. */
  key: string;
  signature: string;
  timestamp: string;
  body: string;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** How long each request waits before its 204; change it at any time. */
  delayMs: number;
  /** Overrides `delayMs` for the requests it answers a number for (it sees each as it arrives). */
  delayFor: ((webhook: ReceivedWebhook) => number | undefined) | null;
  /** How many times each idempotency key arrived. */
  countsByKey(): Map<string, number>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  options: { delayMs?: number } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: Pick<WebhookReceiver, 'delayMs' | 'delayFor'> = {
    delayMs: options.delayMs ?? 0,
    delayFor: null,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    req.on('end', () => {
      const webhook: ReceivedWebhook = {
        key: String(req.headers['idempotency-key'] ?? ''),
        signature: String(req.headers['x-sponsorcal-signature'] ?? ''),
        timestamp: String(req.headers['x-sponsorcal-timestamp'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      received.push(webhook);
      const answer = () => {
        if (!res.destroyed) res.writeHead(204).end();
      };
      const delay = receiver.delayFor?.(webhook) ?? receiver.delayMs;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/sponsorcal`,
    received,
    countsByKey: () => countBy(received.map((r) => r.key)),
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** Whether a request carries the HMAC the channel's secret gives (`sha256=` of "timestamp.body"). */
export function hasValidSignature(webhook: ReceivedWebhook, secret: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(`${webhook.timestamp}.${webhook.body}`).digest('hex')}`;
  return webhook.signature === expected;
}

/** The alert a json webhook was about. */
export function alertIdOf(webhook: ReceivedWebhook): string | null {
  const body = JSON.parse(webhook.body) as { alert: { id: string } | null };
  return body.alert?.id ?? null;
}

// ---------------------------------------------------------------------------
// The mail receiver: a real SMTP server (no TLS, no auth) that keeps what arrives.

export interface ReceivedMail {
  to: string[];
  /** The Message-ID header, `<delivery id@sponsorcal>`: stable across retries. */
  messageId: string;
  /** The X-Sponsorcal-Delivery header: the delivery id. */
  deliveryId: string;
}

export interface MailReceiver {
  /** For SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

export async function startMailReceiver(): Promise<MailReceiver> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: headerOf(raw, 'Message-ID'),
          deliveryId: headerOf(raw, 'X-Sponsorcal-Delivery'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------------------
// A test's scratch space: one database file, the processes on it, cleaned up after.

export interface ProcessScope {
  dir: string;
  /** The test database (SQLite file or PostgreSQL database, per TEST_DB), migrated. */
  databaseUrl: string;
  /** Starts the real server on this scope's database; it is killed in `dispose` if still running. */
  start(env?: Record<string, string>): Promise<ServerProcess>;
  /** Opens the database from the test process (SQLite WAL: readers do not block the server). */
  openDb(): DatabaseHandle;
  receiver(options?: { delayMs?: number }): Promise<WebhookReceiver>;
  mailReceiver(): Promise<MailReceiver>;
  /** Everything the servers printed, for failure messages. */
  logs(): string;
  dispose(): Promise<void>;
}

export async function createProcessScope(
  options: { migrate?: boolean } = {},
): Promise<ProcessScope> {
  const dir = tempDir('sponsorcal-process-');
  const database = await createTestDatabase(options);
  const databaseUrl = database.url;
  const servers: ServerProcess[] = [];
  const receivers: { close(): Promise<void> }[] = [];
  const handles: DatabaseHandle[] = [];

  return {
    dir,
    databaseUrl,
    async start(env = {}) {
      const server = await startServer({ databaseUrl, env });
      servers.push(server);
      return server;
    },
    openDb() {
      const handle = openDatabase(databaseUrl);
      handles.push(handle);
      return handle;
    },
    async receiver(options) {
      const receiver = await startWebhookReceiver(options);
      receivers.push(receiver);
      return receiver;
    },
    async mailReceiver() {
      const receiver = await startMailReceiver();
      receivers.push(receiver);
      return receiver;
    },
    logs() {
      return servers
        .map((s, i) => `--- server #${i + 1} (pid ${s.process.pid}) ---\n${s.output()}`)
        .join('\n');
    },
    async dispose() {
      try {
        await Promise.allSettled(servers.map((s) => s.stop('SIGKILL')));
        await Promise.allSettled([
          ...handles.map((h) => h.close()),
          ...receivers.map((r) => r.close()),
        ]);
      } finally {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A fresh scope for each test of the file, disposed after it: registers the hooks and
 * answers the current test's scope.
 */
/**
 * For tests that make their scope themselves (with options, or not at all): answers a
 * function that makes one, and disposes of every scope it made after each test.
 */
export function trackProcessScopes(): (
  options?: Parameters<typeof createProcessScope>[0],
) => Promise<ProcessScope> {
  useProcessTimeout();
  const made: ProcessScope[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((scope) => scope.dispose()));
  });
  return async (options) => {
    const scope = await createProcessScope(options);
    made.push(scope);
    return scope;
  };
}

/** Gives every test of the calling file PROCESS_TEST_TIMEOUT_MS (Vitest resets it after the file). */
function useProcessTimeout(): void {
  vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT_MS });
}

/**
 * For tests that start servers on files of their own: every server put in `servers` is
 * killed, and every directory put in `dirs` removed, after each test.
 */
export function useOwnServers(): { servers: ServerProcess[]; dirs: string[] } {
  useProcessTimeout();
  const servers: ServerProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.allSettled(servers.splice(0).map((s) => s.stop('SIGKILL')));
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return { servers, dirs };
}

export function useProcessScope(): () => ProcessScope {
  useProcessTimeout();
  let scope: ProcessScope | undefined;
  beforeEach(async () => {
    scope = await createProcessScope();
  });
  afterEach(async () => {
    await scope?.dispose();
    scope = undefined;
  });
  return () => {
    if (!scope) throw new Error('The process scope exists only inside a test.');
    return scope;
  };
}

export interface SeedDeliverablesOptions {
  dealId: string;
  brandId: string;
  count: number;
  draftDueAt: Date | null;
  publishAt: Date | null;
  now?: Date;
}

/**
 * Writes `count` planned deliverables straight into the database file, in one
 * transaction: the bulk a test needs, without thousands of API calls. A running
 * server sees them on its next alert run, as it would rows written by another instance.
 */
export async function seedDeliverables(
  handle: DatabaseHandle,
  options: SeedDeliverablesOptions,
): Promise<string[]> {
  const at = (options.now ?? new Date()).toISOString();
  const rows: NewDeliverable[] = Array.from({ length: options.count }, (_, i) => ({
    id: newId(),
    dealId: options.dealId,
    brandId: options.brandId,
    title: `Deliverable ${i + 1}`,
    platform: 'tiktok',
    format: 'post',
    status: 'planned',
    draftDueAt: options.draftDueAt?.toISOString() ?? null,
    publishAt: options.publishAt?.toISOString() ?? null,
    assigneeId: null,
    caption: '',
    brief: '',
    disclosureDone: false,
    liveUrl: null,
    metricsViews: null,
    metricsLikes: null,
    metricsComments: null,
    metricsShares: null,
    metricsSaves: null,
    metricsClicks: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('deliverables')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  });
  return rows.map((r) => r.id);
}

export interface Workspace {
  /** The test process's own connection to the file. */
  handle: DatabaseHandle;
  brandId: string;
  dealId: string;
  channel: { id: string; secret: string };
}

/**
 * A fresh, migrated database file with a brand, a deal and a json channel
 * pointing at `receiverUrl`, written by the server's own query functions from
 * the test process (no server start needed; the scheduler does not need users).
 */
export async function prepareWorkspace(
  scope: ProcessScope,
  receiverUrl: string,
): Promise<Workspace> {
  const handle = scope.openDb();
  await migrateToLatest(handle.db);
  const now = new Date();
  const settings = await getSettings(handle.db, now);
  const brand = await insertBrand(handle.db, { name: 'Acme Outdoor' }, now);
  const deal = await insertDeal(
    handle.db,
    { brandId: brand.id, title: 'Spring campaign' },
    { currency: settings.currency },
    now,
  );
  const channel = await insertChannel(
    handle.db,
    { type: 'json', name: 'Test receiver', url: receiverUrl },
    now,
  );
  if (!channel.secret) throw new Error('A new json channel came without its secret');
  return {
    handle,
    brandId: brand.id,
    dealId: deal.id,
    channel: { id: channel.id, secret: channel.secret },
  };
}

/** Every alert and delivery in the file, read from the test process. */
export async function readOutbox(handle: DatabaseHandle) {
  const alerts = await handle.db.selectFrom('alerts').selectAll().execute();
  const deliveries = await handle.db.selectFrom('deliveries').selectAll().execute();
  return { alerts, deliveries };
}

/** `rule|subjectId|dueAt`, sorted: the keys an alert is raised once for. */
export function alertKeys(alerts: { rule: string; subjectId: string; dueAt: string }[]): string[] {
  return alerts.map((a) => `${a.rule}|${a.subjectId}|${a.dueAt}`).sort();
}

/** Maps every value to how often it occurs. */
export function countBy<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

const HOUR_MS = 60 * 60_000;

/** A deliverable seeded by `seedDueDeliverables` is due twice: its draft is overdue and it goes live within the day. */
export interface DueSeed {
  ids: string[];
  draftDueAt: Date;
  publishAt: Date;
  /** The alert keys the scheduler must raise, exactly once each. */
  expectedKeys: string[];
}

export async function seedDueDeliverables(workspace: Workspace, count: number): Promise<DueSeed> {
  const now = Date.now();
  const draftDueAt = new Date(now - HOUR_MS);
  const publishAt = new Date(now + 3 * HOUR_MS);
  const ids = await seedDeliverables(workspace.handle, {
    ...workspace,
    count,
    draftDueAt,
    publishAt,
  });
  const expectedKeys = alertKeys(
    ids.flatMap((id) => [
      { rule: 'draft_overdue', subjectId: id, dueAt: draftDueAt.toISOString() },
      { rule: 'publish_due_soon', subjectId: id, dueAt: publishAt.toISOString() },
    ]),
  );
  return { ids, draftDueAt, publishAt, expectedKeys };
}

export interface DueAlertsScenario extends DueSeed {
  receiver: WebhookReceiver;
  workspace: Workspace;
  /** The test process's own connection to the file. */
  db: DatabaseHandle;
}

/**
 * A webhook receiver (answering after `delayMs`), a workspace whose channel points at it
 * and `count` deliverables due twice each (see `seedDueDeliverables`).
 */
export async function prepareDueAlerts(
  scope: ProcessScope,
  { count, delayMs }: { count: number; delayMs?: number },
): Promise<DueAlertsScenario> {
  const receiver = await scope.receiver(delayMs === undefined ? undefined : { delayMs });
  const workspace = await prepareWorkspace(scope, receiver.url);
  const seed = await seedDueDeliverables(workspace, count);
  return { ...seed, receiver, workspace, db: workspace.handle };
}

/**
 * After the scheduler is done: exactly the expected alerts were raised, every delivery is
 * sent, and the receiver holds each delivery (by key) at least once. Answers the outbox
 * and how often each delivery arrived, for the test's own checks on duplicates.
 */
export async function expectEveryAlertDelivered({
  db,
  receiver,
  expectedKeys,
}: Pick<DueAlertsScenario, 'db' | 'receiver' | 'expectedKeys'>) {
  const { alerts, deliveries } = await readOutbox(db);
  expect(alertKeys(alerts)).toEqual(expectedKeys);
  expect(countBy(deliveries.map((d) => d.status))).toEqual(new Map([['sent', deliveries.length]]));
  const counts = receiver.countsByKey();
  expect([...counts.keys()].sort()).toEqual(deliveries.map((d) => d.id).sort());
  return { alerts, deliveries, counts };
}

export async function countAlerts(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

const execFileAsync = promisify(execFile);

/**
 * Runs a built operator command (`dist/server/cli/<command>.js`, as `npm run <command>`
 * runs it; the global setup built it) against `databaseUrl`. Rejects with the exit code
 * and output when it fails.
 */
export function runBuiltCommand(command: string, databaseUrl: string, ...args: string[]) {
  return execFileAsync(
    process.execPath,
    ['--enable-source-maps', `dist/server/cli/${command}.js`, ...args],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
}
