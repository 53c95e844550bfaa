import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import type { Mailer } from '../../server/invoices/mailer';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { fixedClock } from '../../server/clock';
import { insertUser } from '../../server/db/queries/users';
import { newId } from '../../server/ids';
import type { Role } from '../../shared/schemas/auth';
import type { Answer, AnswerBody, Method, RoutedUrl, SentBody, Unchecked } from './api-types';
import { createTestDatabase } from './database';

export type { Method, RoutedUrl, Unchecked } from './api-types';

/**
 * Sends the body as it is, whatever the route takes: the one escape for tests of bad
 * input (a wrong type, a missing or unknown field). Nothing changes at run time.
 */
export function unchecked(body: unknown): Unchecked {
  return body as Unchecked;
}

/** What the client answers for a call: the route's success body or the one error shape. */
export type Reply<M extends Method, U extends string> = TestResponse<AnswerBody<Answer<M, U>>>;

/** Cheap scrypt for tests only; production uses OWASP_SCRYPT (tested separately). */
export const TEST_PASSWORD_COST = { N: 1024, r: 8, p: 1 } as const;

export const OWNER = {
  email: 'owner@example.com',
  name: 'Olivia Owner',
  password: 'correct horse battery staple',
} as const;

/** The password of every user made by `addUser`. */
export const TEAM_PASSWORD = 'another long test password';

export interface TestAppOptions {
  now?: string;
  /** The app's public URL; `https://…` makes session cookies `Secure`. */
  appUrl?: string;
  /** Client address from X-Forwarded-For (as behind a proxy). */
  trustProxy?: boolean;
  /** WEBHOOK_ALLOW_PRIVATE; on by default, since the tests' receivers listen on loopback. */
  webhookAllowPrivate?: boolean;
  /** ALLOWED_HOSTS. */
  allowedHosts?: string[];
  /** Sends invoices and reminders to payers (a real SMTP server in the tests that need one). */
  mailer?: Mailer;
  /** Signs public invoice links; default: random for this app. */
  linkSecret?: Buffer;
}

/**
 * The app as the tests run it, on a migrated database: its clock reads `options.now`
 * (2026-03-01T12:00Z unless given) and it keeps what it logs as an error.
 */
export function createAppOn(db: Kysely<Database>, options: TestAppOptions = {}) {
  const clock = fixedClock(options.now ?? '2026-03-01T12:00:00.000Z');
  const unexpectedErrors: unknown[] = [];
  const app = createApp({
    db,
    clock,
    passwordCost: TEST_PASSWORD_COST,
    logError: (error) => unexpectedErrors.push(error),
    ...(options.appUrl ? { appUrl: options.appUrl } : {}),
    trustProxy: options.trustProxy ?? false,
    webhookAllowPrivate: options.webhookAllowPrivate ?? true,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.linkSecret ? { linkSecret: options.linkSecret } : {}),
  });
  // Requests go to the app's own address, as a browser on it would send them.
  const origin = options.appUrl ? new URL(options.appUrl).origin : LOCAL_ORIGIN;
  return {
    app,
    db,
    clock,
    unexpectedErrors,
    /** A new client (no cookie yet); `headers` go with each of its requests. */
    client: (options: Pick<TestClientOptions, 'headers'> = {}) =>
      new TestClient(app, { origin, ...options }),
  };
}

/**
 * A fresh, migrated database (a SQLite file, or PostgreSQL with TEST_DB=postgres)
 * and an app on it; every test gets its own.
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const database = await createTestDatabase();
  const { handle } = database;
  return {
    ...createAppOn(handle.db, options),
    /** The SQLite file (SQLite runs only). */
    file: database.file,
    /** A DATABASE_URL for this test's database. */
    databaseUrl: database.url,
    dialect: handle.dialect,
    close: () => database.close(),
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  /** The raw response text. */
  text: string;
}

/**
 * The body of a set-up call's answer, which must have `status`: otherwise this throws,
 * naming `what` (a set-up that fails is not what a test checks, so it is no assertion).
 */
export function setUpBody<T>(res: TestResponse<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

type Fetchable = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** Where `app.request()` sends a path: Hono's own default host. */
export const LOCAL_ORIGIN = 'http://localhost';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface TestClientOptions {
  /** The origin paths are resolved against (and the browser's `Origin`). */
  origin?: string;
  /**
   * Like a browser (the default): every POST, PUT, PATCH and DELETE says
   * `Origin: <origin>` unless the test sets Origin, Referer or Sec-Fetch-Site
   * itself. Off: a script, which names no origin.
   */
  browser?: boolean;
  /** Sent with every request (a script's `Authorization`, say); a call's own headers win. */
  headers?: Record<string, string>;
}

/** What a typed call sends besides its body. */
export interface RequestOptions {
  /** Sent as given; a `cookie` or `origin` here replaces the client's own. */
  headers?: Record<string, string>;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/**
 * Calls the app through `app.request()` (no port), keeping the session cookie
 * like a browser: every `Set-Cookie` of the response is applied in order.
 * String and JSON bodies get a `Content-Length`, as an HTTP/1.1 client sends.
 */
export class TestClient {
  cookie: string | undefined;
  readonly origin: string;
  readonly browser: boolean;
  readonly headers: Record<string, string>;

  constructor(
    private readonly app: Fetchable,
    options: TestClientOptions = {},
  ) {
    this.origin = options.origin ?? LOCAL_ORIGIN;
    this.browser = options.browser ?? true;
    this.headers = options.headers ?? {};
  }

  /**
   * A request to a route the app declares, typed like `get`, `post`, … (for a method
   * held in a variable); the method and URL must each name one route, not a union.
   */
  request<M extends Method, U extends RoutedUrl<M>>(
    method: M,
    url: U,
    body?: SentBody<M, U>,
    options: RequestOptions = {},
  ): Promise<Reply<M, U>> {
    return this.raw(method, url, body, options.headers);
  }

  /**
   * Any method to any URL, unchecked: for tests that send what no route declares
   * (unknown paths and methods, encoded bytes) or walk the runtime route list.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  async raw<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const sent: Record<string, string> = { ...this.headers, ...headers };
    const init: RequestInit = { method, headers: sent };
    if (body instanceof FormData) {
      // multipart/form-data: the runtime sets the type with its boundary.
      init.body = body;
    } else if (body !== undefined) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      init.body = text;
      if (!hasHeader(sent, 'content-type')) sent['content-type'] = 'application/json';
      if (!hasHeader(sent, 'content-length'))
        sent['content-length'] = String(Buffer.byteLength(text));
    }
    if (this.cookie && !hasHeader(sent, 'cookie')) sent.cookie = this.cookie;
    const namesOrigin = ['origin', 'referer', 'sec-fetch-site'].some((h) => hasHeader(sent, h));
    if (this.browser && UNSAFE_METHODS.has(method) && !namesOrigin) sent.origin = this.origin;
    const response = await this.app.request(new URL(url, this.origin).href, init);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair!.indexOf('=');
      const value = pair!.slice(separator + 1);
      const cleared = value === '' || /;\s*max-age=0\b/i.test(line);
      this.cookie = cleared ? undefined : pair;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  /** Typed by the route the URL names: its answer, and the body it takes (see `SentBody`). */
  get = <U extends RoutedUrl<'GET'>>(
    url: U,
    options: RequestOptions = {},
  ): Promise<Reply<'GET', U>> => this.raw('GET', url, undefined, options.headers);
  /** GET's route without the body: answers `null` (or the error shape, which a HEAD never carries). */
  head = <U extends RoutedUrl<'HEAD'>>(
    url: U,
    options: RequestOptions = {},
  ): Promise<Reply<'HEAD', U>> => this.raw('HEAD', url, undefined, options.headers);
  post = <U extends RoutedUrl<'POST'>>(
    url: U,
    body?: SentBody<'POST', U>,
    options: RequestOptions = {},
  ): Promise<Reply<'POST', U>> => this.raw('POST', url, body, options.headers);
  patch = <U extends RoutedUrl<'PATCH'>>(
    url: U,
    body?: SentBody<'PATCH', U>,
    options: RequestOptions = {},
  ): Promise<Reply<'PATCH', U>> => this.raw('PATCH', url, body, options.headers);
  put = <U extends RoutedUrl<'PUT'>>(
    url: U,
    body?: SentBody<'PUT', U>,
    options: RequestOptions = {},
  ): Promise<Reply<'PUT', U>> => this.raw('PUT', url, body, options.headers);
  delete = <U extends RoutedUrl<'DELETE'>>(
    url: U,
    options: RequestOptions = {},
  ): Promise<Reply<'DELETE', U>> => this.raw('DELETE', url, undefined, options.headers);

  /** Creates the first owner (which also signs this client in). */
  async setupOwner(input: Partial<typeof OWNER> & { timeZone?: string } = {}) {
    const res = await this.post('/api/auth/setup', { ...OWNER, ...input });
    if (res.status !== 201)
      throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async login(email: string, password: string) {
    return this.post('/api/auth/login', { email, password });
  }
}

export interface AddUserOptions {
  role: Role;
  email?: string;
  name?: string;
}

/** Inserts a teammate straight into the database (there is no invite flow to go through yet). */
export async function addUser(t: TestApp, { role, email, name }: AddUserOptions) {
  const row = await insertUser(
    t.db,
    {
      id: newId(),
      email: email ?? `${role}-${newId().slice(0, 8)}@example.com`,
      name: name ?? `${role[0]!.toUpperCase()}${role.slice(1)} User`,
      role,
      passwordHash: await hashPassword(TEAM_PASSWORD, TEST_PASSWORD_COST),
      timeZone: null,
    },
    t.clock.now(),
  );
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** Inserts a teammate with the role and answers a client signed in as them. */
export async function signInAs(t: TestApp, role: Role, options: Omit<AddUserOptions, 'role'> = {}) {
  const user = await addUser(t, { role, ...options });
  const client = t.client();
  const res = await client.login(user.email, TEAM_PASSWORD);
  if (res.status !== 200 || !client.cookie) {
    throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { client, user };
}

export interface WorkspaceOptions extends TestAppOptions {
  /** The workspace's time zone (UTC unless given), set through PATCH /api/settings. */
  timeZone?: string;
}

/** An app with an owner signed in, and a brand and a deal to hang deliverables on. */
export async function createWorkspace(options: WorkspaceOptions = {}) {
  const t = await createTestApp(options);
  const owner = t.client();
  const user = await owner.setupOwner();
  const brand = (await owner.post('/api/brands', { name: 'Acme', category: 'tech' })).body;
  const deal = (
    await owner.post('/api/deals', { brandId: brand.id, title: 'Launch', feeCents: 100_000 })
  ).body;
  if (options.timeZone) {
    const { version } = (await owner.get('/api/settings')).body;
    const res = await owner.patch('/api/settings', { version, timeZone: options.timeZone });
    if (res.status !== 200) throw new Error(`setting the zone failed: ${res.status} ${res.text}`);
  }
  return { ...t, owner, user, brand, deal };
}

/** What `createWorkspace` answers: the app, its owner's client, a brand and a deal. */
export type Workspace = Awaited<ReturnType<typeof createWorkspace>>;
