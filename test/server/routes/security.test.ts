import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { SECURITY_HEADERS } from '../../../server/security/headers';
import { signInAs, TestClient } from '../../support/app';
import { addDeliverable, expectApiError, rowCounts, trackApps } from '../helpers';

const apps = trackApps();

const EVIL = 'https://evil.example';

describe('security headers', () => {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

  function directives(csp: string | null): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const part of (csp ?? '').split(';')) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name) map.set(name, values);
    }
    return map;
  }

  it.each(['/api/health', '/', '/deals/123', '/api/brands'])('are sent on %s', async (url) => {
    const t = await apps.app();
    const app = createApp({ db: t.db, clock: t.clock, webRoot });
    const res = await app.request(url);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  // Under Node.js they are set on the Node response, not through Hono: tested over real HTTP.
  it('are sent once each over HTTP on answers, errors, the web app and a response with headers of its own', async () => {
    const t = await apps.workspace();
    const app = createApp({ db: t.db, clock: t.clock, webRoot });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = t.owner.cookie;
    const deliverable = await addDeliverable(t, {
      title: 'Unboxing',
      platform: 'youtube',
      format: 'video',
      publishAt: '2026-06-01T17:00:00Z',
    });
    try {
      const cases = [
        { path: '/api/health', status: 200, type: 'application/json' },
        {
          path: `/api/deliverables/${deliverable.id}`,
          status: 200,
          type: 'application/json',
          cookie,
        },
        {
          path: '/api/deliverables?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
          status: 200,
          type: 'application/json',
          cookie,
        },
        { path: '/api/brands', status: 401, type: 'application/json' },
        { path: '/api/no-such-route', status: 404, type: 'application/json', cookie },
        { path: '/deals/123', status: 200, type: 'text/html' },
        { path: '/api/exports/invoices.csv', status: 200, type: 'text/csv', cookie },
      ];
      for (const { path: url, status, type, cookie: sent } of cases) {
        const res = await fetch(base + url, { headers: sent ? { cookie: sent } : {} });
        await res.arrayBuffer();
        expect(res.status, url).toBe(status);
        expect(res.headers.get('content-type'), url).toContain(type);
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          // A header sent twice would read as "a, b".
          expect(res.headers.get(name), `${name} on ${url}`).toBe(value);
        }
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('allows no inline script anywhere in the policy', async () => {
    const t = await apps.app();
    const res = await t.client().get('/api/health');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.has('script-src-attr')).toBe(false);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated change from another origin and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await rowCounts(t);
    const res = await t.owner.post(
      '/api/brands',
      { name: 'Forged' },
      { headers: { origin: EVIL } },
    );
    expectApiError(res, 403, { code: 'csrf' });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses a change a browser marks cross-site, even without Origin', async () => {
    const t = await apps.workspace();
    const res = await t.owner.delete(`/api/deals/${t.deal.id}`, {
      headers: {
        'sec-fetch-site': 'cross-site',
      },
    });
    expectApiError(res, 403, { code: 'csrf' });
    expect((await t.owner.get(`/api/deals/${t.deal.id}`)).status).toBe(200);
  });

  it('refuses a same-site but cross-origin change (a sibling subdomain)', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post(
      '/api/brands',
      { name: 'Sibling' },
      { headers: { origin: 'http://other.localhost', 'sec-fetch-site': 'same-site' } },
    );
    expectApiError(res, 403, { code: 'csrf' });
  });

  it('refuses a forged sign-in (login CSRF) and a forged sign-out', async () => {
    const t = await apps.workspace();
    const login = await t
      .client()
      .post(
        '/api/auth/login',
        { email: 'owner@example.com', password: 'correct horse battery staple' },
        { headers: { origin: EVIL } },
      );
    expectApiError(login, 403, { code: 'csrf' });
    const logout = await t.owner.post('/api/auth/logout', undefined, { headers: { origin: EVIL } });
    expectApiError(logout, 403, { code: 'csrf' });
    expect((await t.owner.get('/api/auth/me')).status).toBe(200);
  });

  it("accepts the app's own origin, by APP_URL or exactly as it was reached at", async () => {
    const t = await apps.workspace({
      appUrl: 'https://cal.example.com',
      allowedHosts: ['127.0.0.1'],
    });
    const byAppUrl = await t.owner.post(
      '/api/brands',
      { name: 'By APP_URL' },
      { headers: { origin: 'https://cal.example.com', 'sec-fetch-site': 'same-origin' } },
    );
    expect(byAppUrl.status).toBe(201);
    const byHost = await t.owner.raw(
      'POST',
      'http://127.0.0.1:8787/api/brands',
      { name: 'By host' },
      { origin: 'http://127.0.0.1:8787', host: '127.0.0.1:8787' },
    );
    expect(byHost.status).toBe(201);
  });

  // Each differs from the app's origin (http://localhost:8787 as reached) in one part only.
  it.each([
    ['another scheme', { origin: 'https://localhost:8787' }],
    ['a WebSocket scheme', { origin: 'ws://localhost:8787' }],
    ['another port', { origin: 'http://localhost:9999' }],
    ['no port (80)', { origin: 'http://localhost' }],
    ['another host', { origin: 'http://127.0.0.1:8787' }],
    ['an opaque origin', { origin: 'null' }],
    ['no Origin and a foreign Referer', { referer: 'http://evil.example/x' }],
    ['no Origin and a Referer of another port', { referer: 'http://localhost:9999/calendar' }],
    ['no Origin, no Referer, no Sec-Fetch-Site', {}],
  ])('refuses a cookie-authenticated change with %s', async (_, headers) => {
    const t = await apps.workspace();
    const before = await rowCounts(t);
    const browser = new TestClient(t.app, { origin: 'http://localhost:8787', browser: false });
    browser.cookie = t.owner.cookie;
    const res = await browser.post('/api/brands', { name: 'Forged' }, { headers });
    expectApiError(res, 403, { code: 'csrf' });
    expect(await rowCounts(t)).toEqual(before);
  });

  it.each([
    ['its exact origin', { origin: 'http://localhost:8787' }],
    ['no Origin but its own Referer', { referer: 'http://localhost:8787/calendar?view=month' }],
    ['no Origin or Referer, Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    [
      'no Origin or Referer, Sec-Fetch-Site: none (typed by the user)',
      { 'sec-fetch-site': 'none' },
    ],
  ])('accepts a cookie-authenticated change with %s', async (_, headers) => {
    const t = await apps.workspace();
    const browser = new TestClient(t.app, { origin: 'http://localhost:8787', browser: false });
    browser.cookie = t.owner.cookie;
    const res = await browser.post('/api/brands', { name: 'Mine' }, { headers });
    expect(res.status).toBe(201);
  });

  it('lets reads from anywhere through (they change nothing), and a script without a cookie or Origin', async () => {
    const t = await apps.workspace();
    expect((await t.owner.get('/api/brands', { headers: { origin: EVIL } })).status).toBe(200);
    const script = new TestClient(t.app, { browser: false });
    const login = await script.login('owner@example.com', 'correct horse battery staple');
    expect(login.status).toBe(200);
  });

  it('lets a Bearer-token request through from any origin: it carries no ambient credential', async () => {
    const t = await apps.workspace();
    const created = await t.owner.post('/api/me/tokens', { name: 'CI', scope: 'read_write' });
    expect(created.status).toBe(201);
    const script = new TestClient(t.app);
    const res = await script.post(
      '/api/brands',
      { name: 'Via token' },
      { headers: { origin: EVIL, authorization: `Bearer ${created.body.token}` } },
    );
    expect(res.status).toBe(201);
  });
});

describe('session rotation', () => {
  it('gives a new session on sign-in and ends the one the browser had', async () => {
    const t = await apps.workspace();
    const { client, user } = await signInAs(t, 'editor');
    const first = client.cookie!;
    const again = await client.login(user.email, 'another long test password');
    expect(again.status).toBe(200);
    expect(client.cookie).not.toBe(first);
    const stale = new TestClient(t.app);
    stale.cookie = first;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a user’s sessions when the owner changes their role', async () => {
    const t = await apps.workspace();
    const { client, user } = await signInAs(t, 'editor');
    const team = await t.owner.get('/api/users');
    const member = team.body.items.find((u: { id: string }) => u.id === user.id);
    const res = await t.owner.patch(`/api/users/${user.id}`, {
      version: member!.version,
      role: 'viewer',
    });
    expect(res.status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const back = await client.login(user.email, 'another long test password');
    expect(back.body.role).toBe('viewer');
    expectApiError(await client.post('/api/brands', { name: 'Not any more' }), 403);
  });
});

describe('request body limit', () => {
  it('answers 413 for a body over 1 MB on a public route too, before reading it all', async () => {
    const t = await apps.app();
    const body = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024 + 10) });
    // Sent as encoded text: the limit must hold whatever the body parses to.
    const res = await t.client().raw('POST', '/api/auth/login', body);
    expectApiError(res, 413, { code: 'payload_too_large' });
  });
});
