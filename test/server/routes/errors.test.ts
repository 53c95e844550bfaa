import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../server/app';
import { LOCAL_ORIGIN, OWNER, type RoutedUrl, unchecked } from '../../support/app';
import { dataSnapshot, expectApiError, expectNoStackTrace, trackApps } from '../helpers';

const apps = trackApps();

interface Ids {
  brandId: string;
  dealId: string;
  deliverableId: string;
}

/**
 * Every route that reads a JSON body, with a valid body to break. The walks send through
 * `raw()`: what they send (broken JSON, text, forms, over-long bodies) no route takes, and
 * a method-and-URL union would cost the typecheck more than it checks.
 */
const BODY_ROUTES: Array<{
  method: 'POST' | 'PATCH';
  path: (ids: Ids) => RoutedUrl<'POST' | 'PATCH'>;
  valid: (ids: Ids) => Record<string, unknown>;
}> = [
  {
    method: 'POST',
    path: () => '/api/brands',
    valid: () => ({ name: 'Globex', stage: 'pitched' }),
  },
  {
    method: 'PATCH',
    path: (i) => `/api/brands/${i.brandId}`,
    valid: () => ({ version: 1, name: 'Acme 2' }),
  },
  {
    method: 'POST',
    path: () => '/api/deals',
    valid: (i) => ({ brandId: i.brandId, title: 'Deal', feeCents: 100 }),
  },
  {
    method: 'PATCH',
    path: (i) => `/api/deals/${i.dealId}`,
    valid: () => ({ version: 1, feeCents: 200 }),
  },
  {
    method: 'POST',
    path: () => '/api/deliverables',
    valid: (i) => ({
      dealId: i.dealId,
      title: 'Reel',
      platform: 'instagram',
      publishAt: '2026-03-05T10:00:00Z',
    }),
  },
  {
    method: 'PATCH',
    path: (i) => `/api/deliverables/${i.deliverableId}`,
    valid: () => ({ version: 1, publishAt: '2026-03-06T10:00:00Z' }),
  },
  { method: 'PATCH', path: () => '/api/settings', valid: () => ({ version: 1, currency: 'EUR' }) },
  {
    method: 'POST',
    path: () => '/api/auth/setup',
    valid: () => ({ ...OWNER, email: 'second@example.com' }),
  },
  {
    method: 'POST',
    path: () => '/api/auth/login',
    valid: () => ({ email: OWNER.email, password: OWNER.password }),
  },
];

const label = (r: (typeof BODY_ROUTES)[number]) =>
  `${r.method} ${r.path({ brandId: ':id', dealId: ':id', deliverableId: ':id' })}`;

async function workspace() {
  const t = await apps.workspace();
  const deliverable = await t.owner.post('/api/deliverables', {
    dealId: t.deal.id,
    title: 'One',
    platform: 'tiktok',
  });
  const ids: Ids = { brandId: t.brand.id, dealId: t.deal.id, deliverableId: deliverable.body.id };
  return { ...t, ids };
}

describe('a body that is not valid JSON', () => {
  it.each(BODY_ROUTES.map((r) => [label(r), r] as const))(
    '%s returns 400 invalid_json and writes nothing',
    async (_, route) => {
      const t = await workspace();
      const before = await dataSnapshot(t);
      for (const text of ['{"name": ', "{'name': 'x'}", '{"name": "x",}', 'undefined', '']) {
        const res = await t.owner.raw(route.method, route.path(t.ids), text);
        expectApiError(res, 400, { code: 'invalid_json', paths: ['(body)'] });
      }
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );
});

describe('a body that is not declared as JSON', () => {
  it.each(BODY_ROUTES.map((r) => [label(r), r] as const))(
    '%s returns 400 for text/plain and form bodies and writes nothing',
    async (_, route) => {
      const t = await workspace();
      const before = await dataSnapshot(t);
      const json = JSON.stringify(route.valid(t.ids));
      const plain = await t.owner.raw(route.method, route.path(t.ids), json, {
        'content-type': 'text/plain',
      });
      expectApiError(plain, 400, { paths: ['(body)'] });
      const form = await t.owner.raw(route.method, route.path(t.ids), 'name=Globex&version=1', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expectApiError(form, 400);
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );

  it('returns 400 for a body without any Content-Type', async () => {
    const t = await workspace();
    const bytes = new TextEncoder().encode(JSON.stringify({ name: 'Globex' }));
    const res = await t.app.request('/api/brands', {
      method: 'POST',
      body: bytes,
      headers: {
        cookie: t.owner.cookie!,
        origin: LOCAL_ORIGIN,
        'content-length': String(bytes.byteLength),
      },
    });
    expect(res.status).toBe(400);
    expect((await t.owner.get('/api/brands')).body.items).toHaveLength(1);
  });

  it('accepts application/json with a charset and +json media types', async () => {
    const t = await workspace();
    const utf8 = await t.owner.post(
      '/api/brands',
      { name: 'Charset' },
      {
        headers: {
          'content-type': 'application/json; charset=utf-8',
        },
      },
    );
    expect(utf8.status).toBe(201);
  });
});

describe('a JSON body of the wrong kind', () => {
  it.each(BODY_ROUTES.map((r) => [label(r), r] as const))(
    '%s returns 400 for arrays, null, strings and numbers',
    async (_, route) => {
      const t = await workspace();
      const before = await dataSnapshot(t);
      for (const text of ['[]', 'null', '"text"', '42', 'true', '[{"name":"x"}]']) {
        const res = await t.owner.raw(route.method, route.path(t.ids), text);
        expectApiError(res, 400, { code: 'validation_failed' });
      }
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );
});

describe('bodies over 1 MB', () => {
  it.each(BODY_ROUTES.map((r) => [label(r), r] as const))(
    '%s returns 413 and writes nothing',
    async (_, route) => {
      const t = await workspace();
      const before = await dataSnapshot(t);
      const body = { ...route.valid(t.ids), notes: 'x'.repeat(MAX_BODY_BYTES) };
      const res = await t.owner.raw(route.method, route.path(t.ids), body);
      expectApiError(res, 413, { code: 'payload_too_large' });
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );

  it('returns 413 for a streamed body without Content-Length', async () => {
    const t = await workspace();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":"Big","notes":"'));
      },
      pull(controller) {
        if (sent >= MAX_BODY_BYTES + chunk.byteLength) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: {
        cookie: t.owner.cookie!,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
    };
    const res = await t.app.request('/api/brands', init);
    expect(res.status).toBe(413);
    expect((await t.owner.get('/api/brands')).body.items).toHaveLength(1);
  });

  it('reads a body of exactly 1 MB (and rejects it only for its content)', async () => {
    const t = await workspace();
    const shell = JSON.stringify({ name: 'Edge', notes: '' });
    const text = JSON.stringify({ name: 'Edge', notes: 'x'.repeat(MAX_BODY_BYTES - shell.length) });
    expect(Buffer.byteLength(text)).toBe(MAX_BODY_BYTES);
    const res = await t.owner.raw('POST', '/api/brands', text);
    expectApiError(res, 400, { paths: ['notes'] });
  });

  it('returns 413 even before signing in', async () => {
    const t = await workspace();
    const res = await t.client().post('/api/auth/login', {
      email: OWNER.email,
      password: 'x'.repeat(MAX_BODY_BYTES),
    });
    expectApiError(res, 413);
  });
});

/** Values of every wrong kind, written as JSON text so Infinity and deep nesting survive. */
const HOSTILE_VALUES = [
  'null',
  'true',
  '-1',
  '0',
  '1.5',
  '1e400',
  '-1e400',
  '9007199254740993',
  '""',
  '"   "',
  '"\\u0000"',
  '"\\ud800"',
  '"x\\u0000y"',
  `"${'€'.repeat(5000)}"`,
  '"2026-02-30T10:00:00Z"',
  '"\'; drop table brands; --"',
  '[]',
  '[1,2,3]',
  '{}',
  '{"__proto__":{"admin":true}}',
  `${'['.repeat(2000)}${']'.repeat(2000)}`,
  `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
];

describe('hostile input', () => {
  it.each(BODY_ROUTES.map((r) => [label(r), r] as const))(
    '%s never answers 500 or a stack trace, whatever each field holds',
    async (_, route) => {
      const t = await workspace();
      const base = route.valid(t.ids);
      for (const key of Object.keys(base)) {
        for (const value of HOSTILE_VALUES) {
          const parts = Object.entries(base).map(
            ([k, v]) => `${JSON.stringify(k)}:${k === key ? value : JSON.stringify(v)}`,
          );
          const res = await t.owner.raw(route.method, route.path(t.ids), `{${parts.join(',')}}`);
          expect(
            res.status,
            `${key}=${value.slice(0, 40)} → ${res.text.slice(0, 200)}`,
          ).toBeLessThan(500);
          expectNoStackTrace(res);
          // Whatever slipped through must not have corrupted the versioning of what it touched.
          if (res.status === 200 && typeof res.body?.version === 'number')
            base.version = res.body.version;
        }
      }
    },
  );

  it('answers a NUL character in text or ids with 2xx or 4xx, never 500 (PostgreSQL refuses to store it)', async () => {
    const t = await workspace();
    const results = [
      await t.owner.post('/api/brands', { name: 'Nul\u0000Brand' }),
      await t.owner.post('/api/deals', { brandId: t.ids.brandId, title: 'Nul\u0000Deal' }),
      await t.owner.post('/api/deals', { brandId: '\u0000', title: 'Deal' }),
      await t.owner.patch(`/api/deliverables/${t.ids.deliverableId}`, {
        version: 1,
        caption: 'a\u0000b',
      }),
      await t.owner.get('/api/deliverables/%00'),
    ];
    for (const res of results) {
      expect(res.status, res.text).toBeLessThan(500);
      expectNoStackTrace(res);
    }
  });

  it('ignores unknown fields instead of writing them', async () => {
    const t = await workspace();
    const res = await t.owner.post(
      '/api/brands',
      unchecked({
        name: 'Globex',
        id: 'chosen-id',
        version: 99,
        createdAt: '2000-01-01T00:00:00Z',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe('chosen-id');
    expect(res.body.version).toBe(1);
    expect(res.body.createdAt).toBe('2026-03-01T12:00:00.000Z');
  });

  it.each([
    '/api/brands/%E0%A4%A',
    '/api/brands/%00',
    '/api/deals/..%2F..%2Fsettings',
    `/api/deliverables/${'x'.repeat(5000)}`,
    "/api/deals/'%20OR%201=1",
  ])('answers 404, not 500, for the odd id in %s', async (path) => {
    const t = await workspace();
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await t.owner.raw(method, path);
      expectApiError(res, 404);
    }
    // Encoded bytes in the id, to whichever of the routes: sent as they are.
    const patch = await t.owner.raw('PATCH', path, { version: 1, title: 'X', name: 'X' });
    expect(patch.status).toBeGreaterThanOrEqual(400);
    expect(patch.status).toBeLessThan(500);
    expectNoStackTrace(patch);
  });

  it.each([
    '/api/deliverables?from=%E0%A4%A',
    '/api/deliverables?from=2026-03-01T00:00:00Z&from=2026-03-02T00:00:00Z',
    '/api/deliverables?platform=',
    '/api/deliverables?status=%00',
    '/api/deals?status[]=pitched',
    `/api/deliverables?dealId=${'x,'.repeat(3000)}`,
    '/api/brands?q=%25%5C_',
  ] as const)('answers 200 or 400, never 500, for the query %s', async (path) => {
    const t = await workspace();
    const res = await t.owner.get(path);
    expect([200, 400]).toContain(res.status);
    if (res.status === 400) expectApiError(res, 400);
    expectNoStackTrace(res);
  });
});
