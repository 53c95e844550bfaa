import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth';
import { signInAs, type TestClient } from '../../support/app';
import { dataSnapshot, expectApiError, trackApps } from '../helpers';

const apps = trackApps();

interface Ids {
  brandId: string;
  dealId: string;
  deliverableId: string;
  channelId: string;
  /** A draft invoice (version 1, no payments). */
  invoiceId: string;
  /** A sent invoice with one payment, `paymentId`. */
  paidInvoiceId: string;
  paymentId: string;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** The least role allowed. */
  access: Role;
  body?: unknown;
}

/** Every route that needs a session, with the least role that may call it and a valid body. */
const PROTECTED: RouteCase[] = [
  { method: 'GET', path: '/api/auth/me', access: 'viewer' },
  { method: 'GET', path: '/api/settings', access: 'viewer' },
  {
    method: 'PATCH',
    path: '/api/settings',
    access: 'owner',
    body: { version: 1, name: 'Renamed' },
  },
  { method: 'GET', path: '/api/team', access: 'viewer' },
  { method: 'GET', path: '/api/brands', access: 'viewer' },
  { method: 'POST', path: '/api/brands', access: 'editor', body: { name: 'Globex' } },
  { method: 'GET', path: '/api/brands/:brandId', access: 'viewer' },
  {
    method: 'PATCH',
    path: '/api/brands/:brandId',
    access: 'editor',
    body: { version: 1, name: 'Acme 2' },
  },
  { method: 'DELETE', path: '/api/brands/:brandId', access: 'editor' },
  { method: 'GET', path: '/api/deals', access: 'viewer' },
  {
    method: 'POST',
    path: '/api/deals',
    access: 'editor',
    body: { brandId: ':brandId', title: 'Second deal' },
  },
  { method: 'GET', path: '/api/deals/:dealId', access: 'viewer' },
  {
    method: 'PATCH',
    path: '/api/deals/:dealId',
    access: 'editor',
    body: { version: 1, title: 'Renamed deal' },
  },
  { method: 'DELETE', path: '/api/deals/:dealId', access: 'editor' },
  { method: 'GET', path: '/api/deliverables', access: 'viewer' },
  {
    method: 'POST',
    path: '/api/deliverables',
    access: 'editor',
    body: { dealId: ':dealId', title: 'Reel', platform: 'instagram' },
  },
  { method: 'GET', path: '/api/deliverables/:deliverableId', access: 'viewer' },
  {
    method: 'PATCH',
    path: '/api/deliverables/:deliverableId',
    access: 'editor',
    body: { version: 1, title: 'Moved' },
  },
  { method: 'DELETE', path: '/api/deliverables/:deliverableId', access: 'editor' },
  { method: 'POST', path: '/api/seed', access: 'editor' },
  { method: 'GET', path: '/api/alerts', access: 'viewer' },
  { method: 'GET', path: '/api/alerts/count', access: 'viewer' },
  { method: 'POST', path: '/api/alerts/no-such-alert/ack', access: 'editor' },
  {
    method: 'POST',
    path: '/api/alerts/no-such-alert/snooze',
    access: 'editor',
    body: { until: '2026-03-02T09:00:00Z' },
  },
  { method: 'GET', path: '/api/channels', access: 'owner' },
  {
    method: 'POST',
    path: '/api/channels',
    access: 'owner',
    body: { type: 'slack', name: 'Team', url: 'https://hooks.example/x' },
  },
  {
    method: 'PATCH',
    path: '/api/channels/:channelId',
    access: 'owner',
    body: { version: 1, name: 'Renamed' },
  },
  { method: 'DELETE', path: '/api/channels/:channelId', access: 'owner' },
  { method: 'POST', path: '/api/channels/:channelId/test', access: 'owner' },
  { method: 'GET', path: '/api/me/preferences', access: 'viewer' },
  { method: 'PUT', path: '/api/me/preferences', access: 'viewer', body: { emailAlerts: false } },
  { method: 'GET', path: '/api/invoices', access: 'viewer' },
  {
    method: 'POST',
    path: '/api/invoices',
    access: 'editor',
    body: { dealId: ':dealId', amountCents: 5_000 },
  },
  { method: 'GET', path: '/api/invoices/next-number', access: 'viewer' },
  { method: 'GET', path: '/api/invoices/:invoiceId', access: 'viewer' },
  {
    method: 'PATCH',
    path: '/api/invoices/:invoiceId',
    access: 'editor',
    body: { version: 1, notes: 'Net 30' },
  },
  { method: 'DELETE', path: '/api/invoices/:invoiceId', access: 'editor' },
  {
    method: 'POST',
    path: '/api/invoices/:invoiceId/payments',
    access: 'editor',
    body: { amountCents: 1_000, paidOn: '2026-03-01' },
  },
  { method: 'DELETE', path: '/api/invoices/:paidInvoiceId/payments/:paymentId', access: 'editor' },
  { method: 'GET', path: '/api/money/summary', access: 'viewer' },
  { method: 'GET', path: '/api/exports/invoices.csv', access: 'viewer' },
  { method: 'GET', path: '/api/exports/payments.csv', access: 'viewer' },
];

/** Routes anybody may call. */
const PUBLIC: Array<RouteCase & { status: number }> = [
  { method: 'GET', path: '/api/health', access: 'viewer', status: 200 },
  { method: 'GET', path: '/api/auth/setup', access: 'viewer', status: 200 },
  { method: 'POST', path: '/api/auth/logout', access: 'viewer', status: 204 },
];

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

function fill(value: unknown, ids: Ids): unknown {
  const json = JSON.stringify(value ?? null).replace(
    /:(brandId|dealId|deliverableId|channelId|invoiceId|paidInvoiceId|paymentId)\b/g,
    (_, key: keyof Ids) => ids[key],
  );
  return JSON.parse(json);
}

async function workspaceWithEverything() {
  const t = await apps.workspace();
  const deliverable = await t.owner.post('/api/deliverables', {
    dealId: t.deal.id,
    title: 'Unboxing',
    platform: 'tiktok',
    publishAt: '2026-03-05T17:00:00Z',
  });
  const channel = await t.owner.post('/api/channels', {
    type: 'json',
    name: 'Ops',
    url: 'https://hooks.example/ops',
  });
  expect(deliverable.status).toBe(201);
  expect(channel.status).toBe(201);
  // Invoices on a deal of their own brand: a sent invoice would keep the first deal from being deleted.
  const billedBrand = await t.owner.post('/api/brands', { name: 'Billed Co' });
  const billedDeal = await t.owner.post('/api/deals', { brandId: billedBrand.body.id, title: 'Billed' });
  const invoice = await t.owner.post('/api/invoices', { dealId: billedDeal.body.id, amountCents: 10_000 });
  const paidInvoice = await t.owner.post('/api/invoices', {
    dealId: billedDeal.body.id,
    amountCents: 10_000,
    status: 'sent',
  });
  const payment = await t.owner.post(`/api/invoices/${paidInvoice.body.id}/payments`, {
    amountCents: 2_500,
    paidOn: '2026-03-01',
  });
  expect([invoice.status, paidInvoice.status, payment.status]).toEqual([201, 201, 201]);
  const ids: Ids = {
    brandId: t.brand.id,
    dealId: t.deal.id,
    deliverableId: deliverable.body.id,
    channelId: channel.body.id,
    invoiceId: invoice.body.id,
    paidInvoiceId: paidInvoice.body.id,
    paymentId: payment.body.payments[0].id,
  };
  const call = (client: TestClient, route: RouteCase) =>
    client.request(
      route.method,
      fill(route.path, ids) as string,
      route.body === undefined ? undefined : fill(route.body, ids),
    );
  return { ...t, ids, call };
}

const label = (r: RouteCase) => `${r.method} ${r.path}`;

describe('routes that need a session', () => {
  it.each(PROTECTED.map((r) => [label(r), r] as const))(
    '%s returns 401 without a session and writes nothing',
    async (_, route) => {
      const t = await workspaceWithEverything();
      const before = await dataSnapshot(t);
      const res = await t.call(t.client(), route);
      expectApiError(res, 401, { code: 'unauthorized' });
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );

  it('returns 401 from every one of them with a forged session cookie', async () => {
    const t = await workspaceWithEverything();
    const forged = t.client();
    forged.cookie = 'sponsorcal_session=not-a-real-session-token';
    for (const route of PROTECTED) expectApiError(await t.call(forged, route), 401);
  });
});

describe('routes anybody may call', () => {
  it.each(PUBLIC.map((r) => [label(r), r] as const))(
    '%s answers without a session',
    async (_, route) => {
      const t = await workspaceWithEverything();
      const res = await t.call(t.client(), route);
      expect(res.status).toBe(route.status);
    },
  );
});

describe('a viewer', () => {
  const denied = PROTECTED.filter((r) => RANK[r.access] > RANK.viewer);
  it.each(denied.map((r) => [label(r), r] as const))(
    'gets 403 from %s and writes nothing',
    async (_, route) => {
      const t = await workspaceWithEverything();
      const { client } = await signInAs(t, 'viewer');
      const before = await dataSnapshot(t);
      const res = await t.call(client, route);
      expectApiError(res, 403, { code: 'forbidden' });
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );

  const allowed = PROTECTED.filter((r) => r.access === 'viewer' && r.method === 'GET');
  it.each(allowed.map((r) => [label(r), r] as const))('may read %s', async (_, route) => {
    const t = await workspaceWithEverything();
    const { client } = await signInAs(t, 'viewer');
    expect((await t.call(client, route)).status).toBe(200);
  });

  it('gets 403 from a mutation even when its body is invalid', async () => {
    const t = await workspaceWithEverything();
    const { client } = await signInAs(t, 'viewer');
    expectApiError(await client.post('/api/brands', { name: 42 }), 403);
  });
});

describe('an editor', () => {
  const ownerOnly = PROTECTED.filter((r) => r.access === 'owner');
  it.each(ownerOnly.map((r) => [label(r), r] as const))(
    'gets 403 from the owner’s %s and writes nothing',
    async (_, route) => {
      const t = await workspaceWithEverything();
      const { client } = await signInAs(t, 'editor');
      const before = await dataSnapshot(t);
      expectApiError(await t.call(client, route), 403, { code: 'forbidden' });
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );

  const editorRoutes = PROTECTED.filter(
    (r) => r.access === 'editor' && r.method !== 'DELETE' && !r.path.startsWith('/api/alerts/'),
  );
  it.each(editorRoutes.map((r) => [label(r), r] as const))('may call %s', async (_, route) => {
    const t = await workspaceWithEverything();
    const { client } = await signInAs(t, 'editor');
    const res = await t.call(client, route);
    // Seeding a workspace that has brands is a 409; what matters is that the role was let through.
    expect([200, 201, 204, 409]).toContain(res.status);
    if (route.path !== '/api/seed') expect(res.status).toBeLessThan(300);
  });

  it('may delete a deliverable, a deal and a brand', async () => {
    const t = await workspaceWithEverything();
    const { client } = await signInAs(t, 'editor');
    expect((await client.delete(`/api/deliverables/${t.ids.deliverableId}`)).status).toBe(204);
    expect((await client.delete(`/api/deals/${t.ids.dealId}`)).status).toBe(204);
    expect((await client.delete(`/api/brands/${t.ids.brandId}`)).status).toBe(204);
  });

  it('may delete a payment and a draft invoice', async () => {
    const t = await workspaceWithEverything();
    const { client } = await signInAs(t, 'editor');
    const res = await client.delete(`/api/invoices/${t.ids.paidInvoiceId}/payments/${t.ids.paymentId}`);
    expect(res.status).toBe(200);
    expect(res.body.payments).toEqual([]);
    expect((await client.delete(`/api/invoices/${t.ids.invoiceId}`)).status).toBe(204);
  });
});

describe('unknown API routes', () => {
  it('return 401 without a session', async () => {
    const t = await apps.app();
    expectApiError(await t.client().get('/api/nothing-here'), 401);
  });

  it('return 404 with the error shape when signed in', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/nothing-here'), 404, { code: 'not_found' });
    expectApiError(await t.owner.request('PUT', '/api/brands', { name: 'x' }), 404);
  });
});

describe('spellings of a path', () => {
  it.each([
    '/api/settings/',
    '/api//settings',
    '/api/settings?role=owner',
    '/api/%73ettings',
    '/api/./settings',
    '/api/brands/../settings',
    '/API/settings',
  ])('do not let an editor PATCH %s', async (path) => {
    const t = await workspaceWithEverything();
    const { client } = await signInAs(t, 'editor');
    const before = await dataSnapshot(t);
    const res = await client.request('PATCH', path, { version: 1, name: 'Hijacked' });
    expect([401, 403, 404]).toContain(res.status);
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it.each(['/api/brands/', '/api//brands', '/api/%62rands'])(
    'do not let a viewer POST %s',
    async (path) => {
      const t = await workspaceWithEverything();
      const { client } = await signInAs(t, 'viewer');
      const before = await dataSnapshot(t);
      const res = await client.request('POST', path, { name: 'Sneaky' });
      expect([401, 403, 404]).toContain(res.status);
      expect(await dataSnapshot(t)).toEqual(before);
    },
  );
});
