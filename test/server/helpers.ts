import { afterEach, expect } from 'vitest';
import type { Database, NewBrand } from '../../server/db/schema';
import {
  createTestApp,
  createWorkspace,
  setUpBody,
  type TestApp,
  type TestAppOptions,
  type TestResponse,
  type Workspace,
  type WorkspaceOptions,
} from '../support/app';
import type { RequestBody } from '../support/api-types';

/**
 * Registers an `afterEach` that closes every app a test made and fails the
 * test if the app logged an unexpected error (a 500 in the making). `close`
 * ends each app (`closeApp` in test/support/invoices.ts for the money tests).
 */
export function trackApps(close: (t: TestApp) => Promise<void> = (t) => t.close()) {
  const open: TestApp[] = [];
  afterEach(async () => {
    const apps = open.splice(0);
    const errors = apps.flatMap((t) => t.unexpectedErrors);
    await Promise.all(apps.map(close));
    expect(errors, 'the app logged unexpected errors').toEqual([]);
  });
  return {
    async app(options: TestAppOptions = {}) {
      const t = await createTestApp(options);
      open.push(t);
      return t;
    },
    async workspace(options: WorkspaceOptions = {}) {
      const t = await createWorkspace(options);
      open.push(t);
      return t;
    },
  };
}

/** What POST /api/deliverables takes, on the workspace's deal unless `dealId` names another. */
export type DeliverableBody = Omit<RequestBody<'POST', '/api/deliverables'>, 'dealId'> & {
  dealId?: string;
};

/** Creates a deliverable as the owner (on the workspace's deal unless told); throws unless 201. */
export async function addDeliverable(t: Workspace, body: DeliverableBody) {
  const res = await t.owner.post('/api/deliverables', { dealId: t.deal.id, ...body });
  return setUpBody(res, 201, 'create deliverable');
}

/** The one alert GET /api/alerts lists for `query`, the owner asking. */
export async function theOnlyAlert(t: Workspace, query: string) {
  const res = await t.owner.get(`/api/alerts?${query}`);
  expect(res.status).toBe(200);
  expect(res.body.items).toHaveLength(1);
  return res.body.items[0];
}

/** A client of `t` that presents a given cookie (e.g. one the browser held before it was replaced). */
export function clientWithCookie(t: TestApp, cookie: string | undefined) {
  const client = t.client();
  client.cookie = cookie;
  return client;
}

/** ISO 8601 in UTC as the API answers it: `2026-03-01T17:00:00.000Z`. */
export const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const STACK_TRACE = /\bat \S+ \(|\bat (file:|node:)|\.ts:\d+:\d+|\.js:\d+:\d+|node_modules/;

/** No stack trace, file path or internal detail in an answer. */
export function expectNoStackTrace(res: TestResponse): void {
  expect(res.text).not.toMatch(STACK_TRACE);
}

export interface ExpectedError {
  code?: string;
  /** Each of these must be the path of an issue (or its prefix, for array items: `platform` matches `platform.0`). */
  paths?: string[];
  message?: RegExp;
}

/** Asserts the one error shape: `{error: {code, message, issues?: [{path, message}]}}`. */
export function expectApiError(
  res: TestResponse,
  status: number,
  expected: ExpectedError = {},
): void {
  expect(res.status, `status of ${res.text.slice(0, 300)}`).toBe(status);
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expectNoStackTrace(res);
  const body = res.body as { error?: { code?: unknown; message?: unknown; issues?: unknown } };
  expect(body).toEqual({ error: expect.any(Object) });
  const error = body.error!;
  expect(typeof error.code).toBe('string');
  expect(typeof error.message).toBe('string');
  expect((error.message as string).length).toBeGreaterThan(0);
  expect(Object.keys(error).every((k) => ['code', 'message', 'issues'].includes(k))).toBe(true);
  if (expected.code) expect(error.code).toBe(expected.code);
  if (expected.message) expect(error.message).toMatch(expected.message);
  if (error.issues !== undefined) {
    expect(Array.isArray(error.issues)).toBe(true);
    for (const issue of error.issues as unknown[]) {
      expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
    }
  }
  if (expected.paths) {
    const paths = ((error.issues as Array<{ path: string }> | undefined) ?? []).map((i) => i.path);
    for (const want of expected.paths) {
      const named = paths.some((p) => p === want || p.startsWith(`${want}.`));
      expect(named, `issues ${JSON.stringify(paths)} should name "${want}"`).toBe(true);
    }
  }
}

/** Asserts that `text` contains every one of `parts` (a failure names the one missing). */
export function expectToContainAll(text: string, parts: readonly string[]): void {
  for (const part of parts) expect(text).toContain(part);
}

/** What a refused request answers: its status and what the one error shape must name. */
export interface Refusal extends ExpectedError {
  status: number;
}

/**
 * Sends a request that must be refused as `refusal` says (see `expectApiError`) and
 * asserts that it wrote nothing (`dataSnapshot` before and after). Answers the response.
 */
export async function expectRefused<T>(
  t: TestApp,
  { status, ...expected }: Refusal,
  send: () => Promise<TestResponse<T>>,
): Promise<TestResponse<T>> {
  const before = await dataSnapshot(t);
  const res = await send();
  expectApiError(res, status, expected);
  expect(await dataSnapshot(t)).toEqual(before);
  return res;
}

/** Issue paths of an error answer. */
export function issuePaths(res: TestResponse): string[] {
  const body = res.body as { error?: { issues?: Array<{ path: string }> } };
  return (body.error?.issues ?? []).map((i) => i.path);
}

/**
 * A brand row as the database (or an export file) holds it, for tests that write rows
 * without the API: a partner with no website, category, follow-up or notes.
 */
export function brandRow(id: string, name: string, at: string) {
  return {
    id,
    name,
    website: null,
    category: null,
    stage: 'partner',
    nextFollowUpOn: null,
    notes: '',
    color: '#2563eb',
    version: 1,
    createdAt: at,
    updatedAt: at,
  } satisfies NewBrand;
}

/** Tables holding what users wrote (sessions aside: signing in is not "writing"). */
export const DATA_TABLES = [
  'users',
  'workspaceSettings',
  'brands',
  'brandContacts',
  'brandPitches',
  'brandNotes',
  'deals',
  'deliverables',
  'alerts',
  'channels',
  'deliveries',
  'invoices',
  'payments',
  'invites',
  'apiTokens',
  'auditLog',
  'mediaKit',
  'reviewLinks',
  'proposals',
  'metricSnapshots',
  'reportLinks',
  'testimonials',
] as const satisfies ReadonlyArray<keyof Database>;

/** Every row of every data table, in a stable order: equal snapshots mean nothing was written. */
export async function dataSnapshot(t: TestApp): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of DATA_TABLES) snapshot[table] = await sortedRows(t, table);
  return snapshot;
}

/** Every row of a table, each with its keys sorted, in a stable order. */
export async function sortedRows(t: TestApp, table: keyof Database): Promise<unknown[]> {
  const rows = await t.db.selectFrom(table).selectAll().execute();
  return rows
    .map((row) => JSON.stringify(row, Object.keys(row).sort()))
    .sort()
    .map((json) => JSON.parse(json) as unknown);
}

/** Row counts of every table: to show that a rejected request wrote nothing. */
export async function rowCounts(t: TestApp): Promise<Record<keyof Database, number>> {
  const counts = {} as Record<keyof Database, number>;
  for (const table of [...DATA_TABLES, 'sessions' as const]) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

/** The session cookie lines of a response. */
export function sessionCookies(res: TestResponse): string[] {
  return res.headers.getSetCookie().filter((line) => line.startsWith('sponsorcal_session='));
}
