import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app';
import { fixedClock } from '../../server/clock';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';

/** Cheap scrypt for tests only; production uses OWASP_SCRYPT (tested separately). */
export const TEST_PASSWORD_COST = { N: 1024, r: 8, p: 1 } as const;

export const OWNER = {
  email: 'owner@example.com',
  name: 'Olivia Owner',
  password: 'correct horse battery staple',
} as const;

export interface TestAppOptions {
  now?: string;
}

/** A fresh, migrated SQLite file and an app on it; every test gets its own. */
export async function createTestApp(options: TestAppOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-test-'));
  const file = path.join(dir, 'test.db');
  const handle: DatabaseHandle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  const clock = fixedClock(options.now ?? '2026-03-01T12:00:00.000Z');
  const unexpectedErrors: unknown[] = [];
  const app = createApp({
    db: handle.db,
    clock,
    passwordCost: TEST_PASSWORD_COST,
    logError: (error) => unexpectedErrors.push(error),
  });
  return {
    app,
    db: handle.db,
    clock,
    file,
    unexpectedErrors,
    client: () => new TestClient(app),
    async close() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

type Fetchable = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** Calls the app through `app.request()` (no port), keeping the session cookie like a browser. */
export class TestClient {
  cookie: string | undefined;

  constructor(private readonly app: Fetchable) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
    const response = await this.app.request(url, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      const [, value] = pair!.split('=');
      this.cookie = value ? pair : undefined;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url); // eslint-disable-line @typescript-eslint/no-explicit-any
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body); // eslint-disable-line @typescript-eslint/no-explicit-any
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body); // eslint-disable-line @typescript-eslint/no-explicit-any
  delete = <T = any>(url: string) => this.request<T>('DELETE', url); // eslint-disable-line @typescript-eslint/no-explicit-any

  /** Creates the first owner (which also signs this client in). */
  async setupOwner(input: Partial<typeof OWNER> & { timeZone?: string } = {}) {
    const res = await this.post('/api/auth/setup', { ...OWNER, ...input });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; email: string };
  }

  async login(email: string, password: string) {
    return this.post('/api/auth/login', { email, password });
  }
}

/** An app with an owner signed in, and a brand and a deal to hang deliverables on. */
export async function createWorkspace(options: TestAppOptions = {}) {
  const t = await createTestApp(options);
  const owner = t.client();
  const user = await owner.setupOwner();
  const brand = (await owner.post('/api/brands', { name: 'Acme', category: 'tech' })).body;
  const deal = (await owner.post('/api/deals', { brandId: brand.id, title: 'Launch', feeCents: 100_000 })).body;
  return { ...t, owner, user, brand, deal };
}
