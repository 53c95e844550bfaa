/**
 * Helpers for the alert-engine tests: real users, real deliverables, a real
 * SMTP server and a real HTTP webhook receiver. Nothing here replaces the
 * database, the mailer or fetch; the tests talk to the real parts.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Role } from '../../shared/schemas/auth';
import type { DeliverableStatus, Platform } from '../../shared/schemas/deliverable';
import { createSmtpSender, type EmailSender } from '../../server/alerts/channels/email';
import { runDeliveries } from '../../server/alerts/dispatch';
import { runAlertScan, type AlertScanResult } from '../../server/alerts/scan';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect';
import { insertDeliverable } from '../../server/db/queries/deliverables';
import type { AlertRow, Database, DeliveryRow } from '../../server/db/schema';
import { createSmtpMailer } from '../../server/invoices/mailer';
import { addUser, setUpBody, TEAM_PASSWORD, type TestApp, type TestClient } from './app';

export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;
export const DAY = 24 * HOUR;

/** Adds `ms` to an instant; answers the ISO string the API stores. */
export function at(base: string | Date, ms = 0): string {
  return new Date(new Date(base).getTime() + ms).toISOString();
}

// ---------------------------------------------------------------------------
// People and deliverables
// ---------------------------------------------------------------------------

export interface AddMemberOptions {
  role: Role;
  email?: string;
  name?: string;
  /** The member's own zone (null: the workspace's). */
  timeZone?: string | null;
  disabled?: boolean;
}

export interface Member {
  id: string;
  email: string;
  /** Signed in, unless the member is disabled. */
  client: TestClient;
}

/**
 * A teammate (app.ts `addUser`) with a time zone and a disabled flag set in the
 * database, signed in through the real login route when not disabled.
 */
export async function addMember(t: TestApp, options: AddMemberOptions): Promise<Member> {
  const user = await addUser(t, { role: options.role, email: options.email, name: options.name });
  await t.db
    .updateTable('users')
    .set({ timeZone: options.timeZone ?? null, disabled: options.disabled ?? false })
    .where('id', '=', user.id)
    .execute();
  const client = t.client();
  if (!options.disabled) {
    const res = await client.login(user.email, TEAM_PASSWORD);
    if (res.status !== 200)
      throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { id: user.id, email: user.email, client };
}

export interface DeliverableInput {
  title?: string;
  status?: DeliverableStatus;
  draftDueAt?: string | null;
  publishAt?: string | null;
  assigneeId?: string | null;
  platform?: Platform;
}

export interface CreatedDeliverable {
  id: string;
  version: number;
  title: string;
  draftDueAt: string | null;
  publishAt: string | null;
  status: DeliverableStatus;
  liveUrl: string | null;
}

/** Creates a deliverable through POST /api/deliverables (so `updatedAt` comes from the test clock). */
export async function createDeliverable(
  client: TestClient,
  dealId: string,
  input: DeliverableInput = {},
): Promise<CreatedDeliverable> {
  const res = await client.post('/api/deliverables', {
    dealId,
    title: input.title ?? 'Unboxing video',
    platform: input.platform ?? 'tiktok',
    draftDueAt: input.draftDueAt ?? null,
    publishAt: input.publishAt ?? null,
    ...(input.status ? { status: input.status } : {}),
    // Proof of post: nothing is published without its live URL.
    ...(input.status === 'published' ? { liveUrl: 'https://example.com/posts/1' } : {}),
    ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
  });
  return setUpBody(res, 201, 'create deliverable');
}

/** PATCHes a deliverable with the version it currently has. */
export async function patchDeliverable(
  client: TestClient,
  id: string,
  changes: Record<string, unknown>,
): Promise<CreatedDeliverable> {
  const current = await client.get(`/api/deliverables/${id}`);
  const res = await client.patch(`/api/deliverables/${id}`, {
    version: current.body.version,
    // Proof of post: nothing is published without its live URL.
    ...(changes.status === 'published' && !current.body.liveUrl
      ? { liveUrl: 'https://example.com/posts/1' }
      : {}),
    ...changes,
  });
  return setUpBody(res, 200, 'patch deliverable');
}

/** Many deliverables at once, through the real insert query (the API would be slow for hundreds). */
export async function insertManyDeliverables(
  db: Kysely<Database>,
  dealId: string,
  count: number,
  fields: (i: number) => DeliverableInput,
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const f = fields(i);
    const d = await insertDeliverable(
      db,
      {
        dealId,
        title: f.title ?? `Post ${i}`,
        platform: 'tiktok',
        status: f.status ?? 'planned',
        draftDueAt: f.draftDueAt ?? null,
        publishAt: f.publishAt ?? null,
        assigneeId: f.assigneeId ?? null,
      },
      now,
    );
    ids.push(d.id);
  }
  return ids;
}

// ---------------------------------------------------------------------------
// Scans and what they left in the database
// ---------------------------------------------------------------------------

/** One scan at an instant (defaults to the test clock). */
export function scan(
  t: Pick<TestApp, 'db' | 'clock'>,
  now: Date | string = t.clock.now(),
  emailEnabled = false,
): Promise<AlertScanResult> {
  return runAlertScan({ db: t.db, now: new Date(now), emailEnabled });
}

/**
 * Three open alerts on two deliverables in `t`, whose clock reads `now`: draft_overdue and
 * publish_due_soon on `a`, draft_overdue on `b`. Answers them as the API lists them.
 */
export async function raiseThreeAlerts(
  t: Pick<TestApp, 'db' | 'clock'> & { owner: TestClient; deal: { id: string } },
  now: string,
) {
  const a = await createDeliverable(t.owner, t.deal.id, {
    title: 'Haul video',
    draftDueAt: at(now, -HOUR),
    publishAt: at(now, 2 * HOUR),
  });
  const b = await createDeliverable(t.owner, t.deal.id, {
    title: 'Story',
    draftDueAt: at(now, -2 * HOUR),
  });
  expect(await scan(t)).toMatchObject({ raised: 3 });
  const open = (await t.owner.get('/api/alerts')).body.items;
  const find = (rule: string, subjectId: string) =>
    open.find((x) => x.rule === rule && x.subjectId === subjectId)!;
  return {
    a,
    b,
    open,
    aOverdue: find('draft_overdue', a.id),
    aSoon: find('publish_due_soon', a.id),
    bOverdue: find('draft_overdue', b.id),
  };
}

export function alertRows(db: Kysely<Database>): Promise<AlertRow[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .orderBy('createdAt')
    .orderBy('rule')
    .orderBy('id')
    .execute();
}

export function deliveryRows(db: Kysely<Database>): Promise<DeliveryRow[]> {
  return db.selectFrom('deliveries').selectAll().orderBy('createdAt').orderBy('id').execute();
}

/** `rule@dueAt` for each alert of a subject, sorted: easy to compare. */
export async function alertKeys(db: Kysely<Database>, subjectId?: string): Promise<string[]> {
  let query = db.selectFrom('alerts').select(['rule', 'dueAt']);
  if (subjectId) query = query.where('subjectId', '=', subjectId);
  return (await query.execute()).map((a) => `${a.rule}@${a.dueAt}`).sort();
}

/** The DATABASE_URL of a test's database. */
export function databaseUrlOf(t: { file?: string; databaseUrl?: string }): string {
  if (t.databaseUrl) return t.databaseUrl;
  if (t.file) return `sqlite:${t.file}`;
  throw new Error('the test app has neither a database URL nor a SQLite file');
}

/** Another connection to the test's database, as a second server instance would open it. */
export function openSecondHandle(t: { file?: string; databaseUrl?: string }): DatabaseHandle {
  return openDatabase(databaseUrlOf(t));
}

// ---------------------------------------------------------------------------
// A real SMTP server
// ---------------------------------------------------------------------------

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  envelopeTo: string[];
  mail: ParsedMail;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1:<random port> that parses everything it receives with mailparser. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of 127.0.0.1 per connection: it only slows the tests down.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = session.envelope.rcptTo.map((r: SMTPServerAddress) => r.address.toLowerCase());
          messages.push({ envelopeTo: to, mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For a file's tests: an SMTP server and a client `connect` makes to it (a mailer, a
 * sender), started once, with the received messages emptied before each test.
 */
function useSmtpServer<C extends { close(): void }>(connect: (url: string) => C) {
  let server: TestSmtpServer | undefined;
  let client: C | undefined;
  const started = () => {
    if (!server || !client) throw new Error('the SMTP server starts in beforeAll');
    return { server, client };
  };
  beforeAll(async () => {
    server = await startSmtpServer();
    client = connect(server.url);
  });
  afterAll(async () => {
    client?.close();
    await server?.close();
  });
  beforeEach(() => {
    started().server.messages.length = 0;
  });
  return {
    /** What the server received, oldest first. */
    get messages() {
      return started().server.messages;
    },
    get client() {
      return started().client;
    },
  };
}

/** For a file's tests: an invoice mailer sending to an SMTP server (see `useSmtpServer`). */
export function useSmtpMailer(from = 'Sponsorcal <sponsorcal@studio.example>') {
  const smtp = useSmtpServer((url) => createSmtpMailer(url, from));
  return {
    /** What the server received, oldest first. */
    get messages() {
      return smtp.messages;
    },
    get mailer() {
      return smtp.client;
    },
  };
}

/**
 * For a file's alert e-mail tests: an alert e-mail sender to an SMTP server (see
 * `useSmtpServer`). `deliver` runs the deliveries as the app does, linking to `appUrl`
 * and signing unsubscribe links with `linkSecret` (give a workspace both to have its
 * own links signed the same way).
 */
export function useAlertEmail(from = 'Sponsorcal <alerts@example.com>') {
  const appUrl = 'https://cal.example.com';
  const linkSecret = randomBytes(32);
  const smtp = useSmtpServer((url) => createSmtpSender(url, from));
  return {
    appUrl,
    from,
    linkSecret,
    /** What the SMTP server received, oldest first. */
    get messages() {
      return smtp.messages;
    },
    get sender() {
      return smtp.client;
    },
    /** Runs the alert deliveries due at `now`, e-mail going through `email` (the sender unless told). */
    deliver(db: Kysely<Database>, now: Date | string, email: EmailSender | null = smtp.client) {
      return runDeliveries({ db, now: new Date(now), appUrl, email, linkSecret });
    },
  };
}

// ---------------------------------------------------------------------------
// A real webhook receiver
// ---------------------------------------------------------------------------

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  json: unknown;
  idempotencyKey: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  /** HMAC-SHA256 of `${timestamp}.${rawBody}` with the receiver's secret matched the signature header. */
  signatureValid: boolean;
}

export interface WebhookReply {
  status: number;
  body?: string;
}

export interface TestWebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** The channel secret the receiver checks signatures with (set after POST /api/channels). */
  secret: string | null;
  /** Decides the answer to each request (index counts from 0); 200 by default. */
  respond: (request: ReceivedWebhook, index: number) => WebhookReply | Promise<WebhookReply>;
  close(): Promise<void>;
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Verifies `sha256=<hex>` the way a receiver would: recompute, compare in constant time. */
export function verifySignature(
  secret: string,
  timestamp: string,
  rawBody: string,
  signature: string,
): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`,
  );
  const got = Buffer.from(signature);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

/** A node:http server on 127.0.0.1:<random port> recording every POST it gets. */
export async function startWebhookReceiver(): Promise<TestWebhookReceiver> {
  const receiver: TestWebhookReceiver = {
    url: '',
    port: 0,
    received: [],
    secret: null,
    respond: () => ({ status: 200, body: 'ok' }),
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(rawBody);
      } catch {
        json = null;
      }
      const timestamp = header(req.headers, 'x-sponsorcal-timestamp');
      const signature = header(req.headers, 'x-sponsorcal-signature');
      const request: ReceivedWebhook = {
        path: req.url ?? '/',
        headers: req.headers,
        rawBody,
        json,
        idempotencyKey: header(req.headers, 'idempotency-key'),
        timestamp,
        signature,
        signatureValid:
          receiver.secret !== null &&
          timestamp !== undefined &&
          signature !== undefined &&
          verifySignature(receiver.secret, timestamp, rawBody, signature),
      };
      const index = receiver.received.length;
      receiver.received.push(request);
      void Promise.resolve(receiver.respond(request, index)).then(
        (reply) => {
          res.writeHead(reply.status, { 'content-type': 'text/plain' });
          res.end(reply.body ?? '');
        },
        (error: unknown) => {
          res.writeHead(599, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks/sponsorcal`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** A port nothing listens on (bound, then released): a call to it fails at once, offline. */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Creates a channel through the API; answers it with the secret (shown once for `json`). */
export async function createChannel(
  owner: TestClient,
  input: { type: 'slack' | 'discord' | 'json'; url: string; name?: string; enabled?: boolean },
): Promise<{ id: string; secret: string | null; version: number }> {
  const res = await owner.post('/api/channels', {
    name: input.name ?? `${input.type} hook`,
    ...input,
  });
  if (res.status !== 201)
    throw new Error(`create channel failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; secret: string | null; version: number };
}

/** Waits for a condition with real time (only for the in-process cron tests). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
