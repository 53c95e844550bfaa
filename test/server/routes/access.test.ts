import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { Access } from '../../../server/permissions';
import { declaredRoutes, guardTable } from '../../../server/routes/declare';
import type { Role } from '../../../shared/schemas/auth';
import type { TestApp } from '../../support/app';
import {
  apiRoutesOf,
  caseOf,
  caseUrl,
  IDENTITIES,
  listApiRoutes,
  prepareWorkspace,
  ROUTE_CASES,
  type ApiRoute,
  type Identity,
  type PreparedWorkspace,
  type RouteCase,
  undeclaredAnswer,
} from '../../support/routes';
import { DATA_TABLES, dataSnapshot, expectApiError, trackApps } from '../helpers';

const apps = trackApps();

/** Every handler the app registers under /api (read from `app.routes`, not written down here). */
const ROUTES = await listApiRoutes();

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** What a valid call answers to this caller: 401 without a session, 403 below the least role. */
function expectedStatus(identity: Identity, route: ApiRoute, rule: RouteCase): number {
  if (route.access === 'public') return rule.status;
  if (identity === 'anonymous') return 401;
  return RANK[identity] >= RANK[route.access] ? rule.status : 403;
}

/**
 * The exceptions to "reads need a viewer, changes an editor", written out so that a
 * declaration that opens a route (or lowers its role) fails here, not in production.
 */
const PUBLIC = [
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/auth/setup',
  'POST /api/auth/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/invoice-links/:token',
  'GET /api/invoice-links/:token/pdf',
  'POST /api/invoice-links/:token/paid',
  'GET /api/invites/:token',
  'POST /api/invites/:token/accept',
  'POST /api/transfer/import',
  'GET /api/review/:token',
  'POST /api/review/:token/decision',
  'GET /api/calendar.ics',
  'GET /api/kit/:slug/request-form',
  'POST /api/kit/:slug/requests',
  'GET /api/proposal-links/:token',
  'GET /api/proposal-links/:token/pdf',
  'POST /api/proposal-links/:token/decision',
  'GET /api/report-links/:token',
  'GET /api/report-links/:token/pdf',
  'POST /api/report-links/:token/testimonial',
  'GET /api/email/unsubscribe',
  'POST /api/email/unsubscribe',
];
const OWNER = [
  'PATCH /api/settings',
  'PATCH /api/kit',
  'GET /api/channels',
  'POST /api/channels',
  'PATCH /api/channels/:id',
  'DELETE /api/channels/:id',
  'POST /api/channels/:id/test',
  'GET /api/users',
  'PATCH /api/users/:id',
  'POST /api/users/:id/transfer-ownership',
  'GET /api/invites',
  'POST /api/invites',
  'DELETE /api/invites/:id',
  'GET /api/audit',
  'GET /api/transfer/export',
  'POST /api/packages',
  'PATCH /api/packages/:id',
  'DELETE /api/packages/:id',
  'PATCH /api/testimonials/:id',
];
/** Credential management: a session only, never an API token (a leaked token cannot mint more). */
const SESSION_ONLY = [
  'POST /api/me/password',
  'GET /api/me/sessions',
  'DELETE /api/me/sessions',
  'DELETE /api/me/sessions/:id',
  'GET /api/me/tokens',
  'POST /api/me/tokens',
  'DELETE /api/me/tokens/:id',
  'GET /api/me/feed-token',
  'POST /api/me/feed-token',
  'DELETE /api/me/feed-token',
];

/** What a route of the app must declare: the lists above, else a viewer reads (and manages their own account) and an editor changes. */
function agreedAccess(route: ApiRoute): Access {
  if (PUBLIC.includes(route.key)) return 'public';
  if (OWNER.includes(route.key)) return 'owner';
  if (route.path === '/api/me' || route.path.startsWith('/api/me/')) return 'viewer';
  return route.method === 'GET' ? 'viewer' : 'editor';
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const SNAPSHOT_TABLES = new Set<string>(DATA_TABLES.map(snakeCase));

/**
 * `dataSnapshot` plus every other table but sessions (sign-in throttling, the scheduler's
 * state, whatever a later migration adds): a refused call must leave all of it as it was.
 */
async function everyTable(t: TestApp): Promise<Record<string, unknown[]>> {
  const snapshot = await dataSnapshot(t);
  const tables = await t.db.introspection.getTables();
  for (const { name } of tables) {
    if (SNAPSHOT_TABLES.has(name) || name === 'sessions' || name.startsWith('kysely_')) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      t.db,
    );
    snapshot[name] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return snapshot;
}

describe('the access table', () => {
  it('finds the API routes in app.routes', () => {
    expect(ROUTES.length).toBeGreaterThan(40);
    expect(ROUTES.map((r) => r.key)).toContain('PATCH /api/brands/:id');
    expect(ROUTES.every((r) => r.method !== 'ALL' && r.path.startsWith('/api'))).toBe(true);
  });

  it('leaves out middleware and the web app’s static and SPA fallbacks', async () => {
    const t = await apps.app();
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-web-'));
    try {
      fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>x</title>');
      const withWeb = createApp({ db: t.db, webRoot });
      expect(withWeb.routes.map((r) => r.path)).toEqual(
        expect.arrayContaining(['/*', '/assets/*']),
      );
      expect(withWeb.routes.some((r) => r.method === 'ALL' && r.path === '/api/*')).toBe(true);
      expect(apiRoutesOf(withWeb).map((r) => r.key)).toEqual(ROUTES.map((r) => r.key));
    } finally {
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it('has a case for every route the app registers', () => {
    const missing = ROUTES.filter((r) => !(r.key in ROUTE_CASES)).map((r) => r.key);
    expect(missing, 'routes without a case in ROUTE_CASES (test/support/routes.ts)').toEqual([]);
  });

  it('has no case for a route the app does not register', () => {
    const registered = new Set(ROUTES.map((r) => r.key));
    const stale = Object.keys(ROUTE_CASES).filter((key) => !registered.has(key));
    expect(stale, 'cases in ROUTE_CASES whose route is gone').toEqual([]);
  });

  it('has every route declare the access agreed for it', () => {
    const disagreements = ROUTES.filter((route) => route.access !== agreedAccess(route)).map(
      (route) => `${route.key}: declares ${route.access}, agreed ${agreedAccess(route)}`,
    );
    expect(disagreements).toEqual([]);
    const sessionOnly = ROUTES.filter((route) => route.sessionOnly).map((route) => route.key);
    expect(sessionOnly.sort()).toEqual([...SESSION_ONLY].sort());
  });

  it("has each route's declared query and body take its valid call", async () => {
    const w = await prepareWorkspace({ empty: true });
    try {
      const { values } = await w.callAs('owner');
      const refused = ROUTES.flatMap((route) => {
        const rule = caseOf(route);
        const { query, body, form } = route.facts;
        const problems: string[] = [];
        const url = new URL(caseUrl(route, rule, values), 'http://localhost');
        if (query && !query.safeParse(Object.fromEntries(url.searchParams)).success)
          problems.push(`${route.key}: the declared query refuses ${url.search}`);
        if (!query && url.search) problems.push(`${route.key}: sends a query none is declared for`);
        const sent = rule.body?.(values);
        // A call the case expects refused (409 before the body is read) may send a partial body.
        if (body && rule.status < 400 && (!sent || !body.safeParse(sent).success))
          problems.push(`${route.key}: the declared body refuses the valid call's`);
        if (!body && sent && Object.keys(sent).length > 0)
          problems.push(`${route.key}: sends a body none is declared for`);
        if (Boolean(form) !== Boolean(rule.form))
          problems.push(`${route.key}: a form body is ${form ? '' : 'not '}declared`);
        return problems;
      });
      expect(refused).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it("has the guard find each route's declaration from a real URL of it", async () => {
    const w = await prepareWorkspace({ empty: true });
    try {
      const ruleOf = guardTable(declaredRoutes(w.app.routes));
      const { values } = await w.callAs('owner');
      const wrong = ROUTES.flatMap((route) => {
        const rule = caseOf(route);
        const url = caseUrl(route, rule, values).split('?')[0]!;
        const found = ruleOf(route.method, url);
        return found.access === route.access && found.sessionOnly === route.sessionOnly
          ? []
          : [`${route.key} (${url}): guard ${found.access}, declared ${route.access}`];
      });
      expect(wrong).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('fills every path parameter with an id of the workspace', () => {
    const unfilled = ROUTES.flatMap((route) => {
      const rule = ROUTE_CASES[route.key];
      return rule
        ? route.params.filter((p) => !rule.params?.[p]).map((p) => `${route.key} :${p}`)
        : [];
    });
    expect(unfilled).toEqual([]);
  });
});

/**
 * Every route as every caller. Each caller gets one workspace that serves all its calls
 * in route order (a call that succeeds works on rows of its own: spare brands, deals, ...);
 * routes that need an empty workspace share a second one, and a call that changes who
 * owns the workspace gets one of its own.
 */
describe.each(IDENTITIES)('as %s', (identity) => {
  const open: PreparedWorkspace[] = [];
  let shared: PreparedWorkspace;
  let empty: PreparedWorkspace | undefined;

  beforeAll(async () => {
    shared = await prepareWorkspace();
    open.push(shared);
  });

  afterAll(async () => {
    await Promise.all(open.map((w) => w.close()));
  });

  const workspaceFor = async (rule: RouteCase) => {
    if (rule.workspace === 'own' || (rule.workspace === 'empty' && !empty)) {
      const w = await prepareWorkspace({ empty: rule.workspace === 'empty' });
      open.push(w);
      if (rule.workspace === 'own') return w;
      empty = w;
    }
    return rule.workspace === 'empty' ? empty! : shared;
  };

  const cases = ROUTES.map((route) => {
    const rule = ROUTE_CASES[route.key];
    return [
      route.key,
      rule ? String(expectedStatus(identity, route, rule)) : '(no case in ROUTE_CASES)',
      route,
    ] as const;
  });

  it.each(cases)('%s answers %s', async (_, __, route) => {
    const rule = caseOf(route);
    const w = await workspaceFor(rule);
    const status = expectedStatus(identity, route, rule);
    const refused = status === 401 || status === 403;
    const { client, values } = await w.callAs(identity);
    const url = caseUrl(route, rule, values);
    const before = refused ? await everyTable(w) : undefined;
    const res = await client.raw(route.method, url, rule.form?.(values) ?? rule.body?.(values));
    if (refused) {
      expectApiError(res, status, { code: status === 401 ? 'unauthorized' : 'forbidden' });
      expect(await everyTable(w), 'a refused call changed data').toEqual(before);
    } else {
      expect(res.status, `${route.method} ${url} → ${res.text.slice(0, 300)}`).toBe(status);
      if (route.access === 'public') expect([401, 403]).not.toContain(res.status);
      expect(undeclaredAnswer(route, res), `${route.method} ${url}: the answer`).toBeUndefined();
    }
    expect(w.unexpectedErrors).toEqual([]);
  });
});

describe('authorization before anything else', () => {
  it('answers 401 from every non-public route to a forged session cookie, and writes nothing', async () => {
    const w = await prepareWorkspace();
    try {
      const { values } = await w.callAs('owner');
      const before = await everyTable(w);
      const forged = w.client();
      forged.cookie = 'sponsorcal_session=not-a-real-session-token';
      for (const route of ROUTES) {
        const rule = ROUTE_CASES[route.key];
        if (!rule || route.access === 'public') continue;
        const res = await forged.raw(
          route.method,
          caseUrl(route, rule, values),
          rule.form?.(values) ?? rule.body?.(values),
        );
        expect(res.status, route.key).toBe(401);
        expectApiError(res, 401, { code: 'unauthorized' });
      }
      expect(await everyTable(w)).toEqual(before);
    } finally {
      await w.close();
    }
  });

  it('answers 401 and 403 before looking at the body: an invalid body is refused for the role, not the input', async () => {
    const w = await prepareWorkspace();
    try {
      const before = await everyTable(w);
      for (const route of ROUTES) {
        const rule = ROUTE_CASES[route.key];
        if (!rule || route.access === 'public' || !['POST', 'PATCH', 'PUT'].includes(route.method))
          continue;
        for (const identity of IDENTITIES) {
          const status = expectedStatus(identity, route, { ...rule, status: 0 });
          if (status !== 401 && status !== 403) continue;
          const { client, values } = await w.callAs(identity);
          const url = caseUrl(route, rule, values);
          expectApiError(await client.raw(route.method, url, { version: 'x', name: 42 }), status);
          expectApiError(await client.raw(route.method, url, '{"broken": '), status);
        }
      }
      expect(await everyTable(w)).toEqual(before);
      expect(w.unexpectedErrors).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

describe('unknown API routes', () => {
  it('return 401 without a session', async () => {
    const t = await apps.app();
    expectApiError(await t.client().raw('GET', '/api/nothing-here'), 401);
  });

  it('return 404 with the error shape when signed in', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.raw('GET', '/api/nothing-here'), 404, { code: 'not_found' });
    expectApiError(await t.owner.raw('PUT', '/api/brands', { name: 'x' }), 404);
  });
});

describe('spellings of a path', () => {
  let w: PreparedWorkspace;
  beforeAll(async () => {
    w = await prepareWorkspace();
  });
  afterAll(async () => {
    expect(w.unexpectedErrors).toEqual([]);
    await w.close();
  });

  it.each([
    '/api/settings/',
    '/api//settings',
    '/api/settings?role=owner',
    '/api/%73ettings',
    '/api/./settings',
    '/api/brands/../settings',
    '/API/settings',
  ])('do not let an editor PATCH %s', async (path) => {
    const client = await w.clientAs('editor');
    const before = await everyTable(w);
    const res = await client.raw('PATCH', path, { version: 1, name: 'Hijacked' });
    expect([401, 403, 404]).toContain(res.status);
    expect(await everyTable(w)).toEqual(before);
  });

  it.each(['/api/brands/', '/api//brands', '/api/%62rands'])(
    'do not let a viewer POST %s',
    async (path) => {
      const client = await w.clientAs('viewer');
      const before = await everyTable(w);
      const res = await client.raw('POST', path, { name: 'Sneaky' });
      expect([401, 403, 404]).toContain(res.status);
      expect(await everyTable(w)).toEqual(before);
    },
  );
});
