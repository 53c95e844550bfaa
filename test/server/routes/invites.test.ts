import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/tokens';
import type { Invite, InviteCreated } from '../../../shared/schemas/team';
import {
  inviteCreatedSchema,
  inviteSchema,
  invitePreviewSchema,
} from '../../../shared/schemas/team';
import { OWNER, signInAs, type TestApp, type TestClient, unchecked } from '../../support/app';
import { expectApiError, expectRefused, rowCounts, trackApps } from '../helpers';

const apps = trackApps();

// The test clock reads 2026-03-01T12:00:00.000Z until a test moves it.
const START = '2026-03-01T12:00:00.000Z';
const HOUR = 3_600_000;
const PASSWORD = 'a brand new teammate password';

async function invite(
  client: TestClient,
  body: Record<string, unknown> = { role: 'editor' },
): Promise<InviteCreated> {
  const res = await client.post('/api/invites', unchecked(body));
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${res.text}`);
  return res.body;
}

function accept(t: TestApp, token: string, body: Record<string, unknown>, client = t.client()) {
  return client.post(
    `/api/invites/${token}/accept`,
    unchecked({
      name: 'New Teammate',
      password: PASSWORD,
      ...body,
    }),
  );
}

async function listInvites(client: TestClient): Promise<Invite[]> {
  const res = await client.get('/api/invites');
  expect(res.status).toBe(200);
  return res.body.items;
}

async function usersWithEmail(t: TestApp, email: string) {
  return t.db.selectFrom('users').selectAll().where('email', '=', email).execute();
}

describe('POST /api/invites', () => {
  it('creates a link for the role, shown once with its token (201)', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/invites', { role: 'editor' });
    expect(res.status).toBe(201);
    inviteCreatedSchema.parse(res.body);
    expect(res.body).toEqual({
      id: expect.any(String),
      role: 'editor',
      email: null,
      createdAt: START,
      // A week unless asked otherwise.
      expiresAt: '2026-03-08T12:00:00.000Z',
      acceptedAt: null,
      revokedAt: null,
      createdBy: { id: t.user.id, name: OWNER.name },
      state: 'pending',
      token: expect.any(String),
      url: expect.any(String),
    });
    expect(res.body.token.length).toBeGreaterThanOrEqual(32);
    expect(res.body.url).toBe(`http://localhost:8787/invite/${res.body.token}`);
  });

  it('builds the link on the app’s public URL', async () => {
    const t = await apps.workspace({ appUrl: 'https://cal.example.com/' });
    const created = await invite(t.owner, {
      role: 'viewer',
      email: 'Vi@Example.com',
      expiresInHours: 2,
    });
    expect(created.url).toBe(`https://cal.example.com/invite/${created.token}`);
    expect(created).toMatchObject({
      role: 'viewer',
      email: 'vi@example.com',
      expiresAt: '2026-03-01T14:00:00.000Z',
    });
  });

  it('stores only the hash of the token', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner);
    const rows = await t.db.selectFrom('invites').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token);
    // Nor does the list give it out again.
    const list = await t.owner.get('/api/invites');
    expect(list.text).not.toContain(created.token);
  });

  it('makes a different token every time', async () => {
    const t = await apps.workspace();
    const a = await invite(t.owner);
    const b = await invite(t.owner);
    expect(a.token).not.toBe(b.token);
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    ['an unknown role', { role: 'admin' }, ['role']],
    ['a bad e-mail', { role: 'editor', email: 'nope' }, ['email']],
    ['zero hours', { role: 'editor', expiresInHours: 0 }, ['expiresInHours']],
    ['more than 30 days', { role: 'editor', expiresInHours: 721 }, ['expiresInHours']],
  ])('returns 400 naming the field for %s and creates nothing', async (_what, body, paths) => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/invites', unchecked(body));
    expectApiError(res, 400, { code: 'validation_failed', paths });
    expect(await listInvites(t.owner)).toEqual([]);
  });

  it.each(['editor', 'viewer'] as const)(
    'answers 403 to the %s role on every invite route',
    async (role) => {
      const t = await apps.workspace();
      const created = await invite(t.owner);
      const member = await signInAs(t, role);
      expectApiError(await member.client.post('/api/invites', { role: 'owner' }), 403, {
        code: 'forbidden',
      });
      expectApiError(await member.client.get('/api/invites'), 403, { code: 'forbidden' });
      expectApiError(await member.client.delete(`/api/invites/${created.id}`), 403, {
        code: 'forbidden',
      });
      const rows = await t.db.selectFrom('invites').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.revokedAt).toBeNull();
    },
  );

  it('answers 401 without a session', async () => {
    const t = await apps.workspace();
    expectApiError(await t.client().post('/api/invites', { role: 'editor' }), 401);
    expectApiError(await t.client().get('/api/invites'), 401);
  });
});

describe('GET /api/invites', () => {
  it('lists the invites newest first, each with its state', async () => {
    const t = await apps.workspace();
    const expiring = await invite(t.owner, { role: 'viewer', expiresInHours: 1 });
    t.clock.advance(10 * 60_000);
    const revoked = await invite(t.owner, { role: 'editor' });
    t.clock.advance(10 * 60_000);
    const accepted = await invite(t.owner, { role: 'editor' });
    t.clock.advance(10 * 60_000);
    const pending = await invite(t.owner, { role: 'owner', email: 'co@example.com' });

    expect((await t.owner.delete(`/api/invites/${revoked.id}`)).status).toBe(204);
    expect((await accept(t, accepted.token, { email: 'joined@example.com' })).status).toBe(201);
    t.clock.set('2026-03-01T13:00:00.000Z');

    const items = await listInvites(t.owner);
    for (const item of items) inviteSchema.parse(item);
    expect(items.map((i) => [i.id, i.state])).toEqual([
      [pending.id, 'pending'],
      [accepted.id, 'accepted'],
      [revoked.id, 'revoked'],
      [expiring.id, 'expired'],
    ]);
    expect(items[1]).toMatchObject({ acceptedAt: '2026-03-01T12:30:00.000Z', revokedAt: null });
    expect(items[2]).toMatchObject({ acceptedAt: null, revokedAt: '2026-03-01T12:30:00.000Z' });
    expect(items[0]).toMatchObject({
      role: 'owner',
      email: 'co@example.com',
      createdBy: { id: t.user.id },
    });
    expect(JSON.stringify(items)).not.toMatch(/token/i);
  });
});

describe('GET /api/invites/:token (public)', () => {
  it('shows the invitee what they were invited to, without a session', async () => {
    const t = await apps.workspace();
    const settings = (await t.owner.get('/api/settings')).body;
    const created = await invite(t.owner, { role: 'viewer', email: 'vi@example.com' });
    const visitor = t.client();
    const res = await visitor.get(`/api/invites/${created.token}`);
    expect(res.status).toBe(200);
    invitePreviewSchema.parse(res.body);
    expect(res.body).toEqual({
      role: 'viewer',
      email: 'vi@example.com',
      workspaceName: settings.name,
      invitedBy: OWNER.name,
      expiresAt: created.expiresAt,
    });
    expect(visitor.cookie).toBeUndefined();
  });

  it('shows the workspace name the owner set', async () => {
    const t = await apps.workspace();
    const settings = (await t.owner.get('/api/settings')).body;
    expect(
      (await t.owner.patch('/api/settings', { version: settings.version, name: 'Studio Mia' }))
        .status,
    ).toBe(200);
    const created = await invite(t.owner);
    expect((await t.client().get(`/api/invites/${created.token}`)).body).toMatchObject({
      workspaceName: 'Studio Mia',
      role: 'editor',
      email: null,
    });
  });

  it('returns 404 for an unknown token', async () => {
    const t = await apps.workspace();
    await invite(t.owner);
    expectApiError(await t.client().get('/api/invites/not-a-real-token'), 404, {
      code: 'not_found',
    });
  });
});

describe('POST /api/invites/:token/accept', () => {
  it('creates the user with the invite’s role and signs them in', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner, { role: 'viewer' });
    t.clock.advance(HOUR);
    const newcomer = t.client();
    const res = await accept(
      t,
      created.token,
      { name: '  Nina New ', email: ' Nina@Example.com ', timeZone: 'Europe/Berlin' },
      newcomer,
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'nina@example.com',
      name: 'Nina New',
      role: 'viewer',
      timeZone: 'Europe/Berlin',
      effectiveTimeZone: 'Europe/Berlin',
      disabled: false,
      version: 1,
      createdAt: '2026-03-01T13:00:00.000Z',
    });
    expect(newcomer.cookie).toBeDefined();
    const me = await newcomer.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body);
    // The role is the invite's: a viewer cannot write.
    expectApiError(await newcomer.post('/api/brands', { name: 'Nope' }), 403);
    // And the password they chose signs them in.
    expect((await t.client().login('nina@example.com', PASSWORD)).status).toBe(200);

    const [listed] = await listInvites(t.owner);
    expect(listed).toMatchObject({
      id: created.id,
      state: 'accepted',
      acceptedAt: '2026-03-01T13:00:00.000Z',
    });
    const row = await t.db
      .selectFrom('invites')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.acceptedUserId).toBe(res.body.id);
  });

  it('works once: a second accept and the preview answer 404', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner);
    expect((await accept(t, created.token, { email: 'first@example.com' })).status).toBe(201);
    const users = (await rowCounts(t)).users;

    const second = t.client();
    const again = await accept(t, created.token, { email: 'second@example.com' }, second);
    expectApiError(again, 404, { code: 'not_found' });
    expect(second.cookie).toBeUndefined();
    expectApiError(await t.client().get(`/api/invites/${created.token}`), 404, {
      code: 'not_found',
    });
    expect((await rowCounts(t)).users).toBe(users);
    expect(await usersWithEmail(t, 'second@example.com')).toEqual([]);
  });

  it('returns 404 once the link has expired', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner, { role: 'editor', expiresInHours: 1 });
    t.clock.advance(HOUR - 1);
    expect((await t.client().get(`/api/invites/${created.token}`)).status).toBe(200);
    t.clock.advance(1);
    expectApiError(await t.client().get(`/api/invites/${created.token}`), 404, {
      code: 'not_found',
    });
    const res = await accept(t, created.token, { email: 'late@example.com' });
    expectApiError(res, 404, { code: 'not_found' });
    expect(await usersWithEmail(t, 'late@example.com')).toEqual([]);
    expect((await listInvites(t.owner))[0]).toMatchObject({ id: created.id, state: 'expired' });
  });

  it('returns 404 once the link was revoked, and lists it as revoked', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner);
    t.clock.advance(60_000);
    const del = await t.owner.delete(`/api/invites/${created.id}`);
    expect(del.status).toBe(204);
    expectApiError(await t.client().get(`/api/invites/${created.token}`), 404, {
      code: 'not_found',
    });
    expectApiError(await accept(t, created.token, { email: 'too-late@example.com' }), 404);
    expect(await usersWithEmail(t, 'too-late@example.com')).toEqual([]);
    expect(await listInvites(t.owner)).toEqual([
      expect.objectContaining({
        id: created.id,
        state: 'revoked',
        revokedAt: '2026-03-01T12:01:00.000Z',
      }),
    ]);
  });

  it('DELETE of an unknown invite answers 404', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.delete('/api/invites/no-such-invite'), 404, { code: 'not_found' });
  });

  it('refuses another e-mail than the invite’s with 400 naming email; the invite stays usable', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner, { role: 'editor', email: 'ed@example.com' });
    const stranger = t.client();
    const res = await accept(t, created.token, { email: 'other@example.com' }, stranger);
    expectApiError(res, 400, { code: 'validation_failed', paths: ['email'] });
    expect(stranger.cookie).toBeUndefined();
    expect(await usersWithEmail(t, 'other@example.com')).toEqual([]);
    expect((await t.client().get(`/api/invites/${created.token}`)).status).toBe(200);

    const ok = await accept(t, created.token, { email: 'ED@example.com' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ email: 'ed@example.com', role: 'editor' });
  });

  it('returns 409 when the e-mail already has an account; the invite stays usable', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner);
    await expectRefused(t, { status: 409, paths: ['email'] }, () =>
      accept(t, created.token, { email: OWNER.email.toUpperCase() }),
    );
    // The owner's password was not touched.
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
    expect((await t.client().get(`/api/invites/${created.token}`)).status).toBe(200);
    expect((await listInvites(t.owner))[0]!.state).toBe('pending');
    expect((await accept(t, created.token, { email: 'fresh@example.com' })).status).toBe(201);
  });

  it.each([
    ['11 characters', 'x'.repeat(11)],
    ['129 characters (not truncated to 128)', 'y'.repeat(129)],
  ])('returns 400 naming password for a password of %s', async (_what, password) => {
    const t = await apps.workspace();
    const created = await invite(t.owner);
    const res = await accept(t, created.token, { email: 'pw@example.com', password });
    expectApiError(res, 400, { code: 'validation_failed', paths: ['password'] });
    expect(await usersWithEmail(t, 'pw@example.com')).toEqual([]);
    expect((await t.client().get(`/api/invites/${created.token}`)).status).toBe(200);
  });

  it('accepts passwords of exactly 12 and 128 characters, all of them significant', async () => {
    const t = await apps.workspace();
    const long = `${'z'.repeat(127)}!`;
    const a = await invite(t.owner);
    const b = await invite(t.owner);
    expect(
      (await accept(t, a.token, { email: 'short@example.com', password: 'x'.repeat(12) })).status,
    ).toBe(201);
    expect((await accept(t, b.token, { email: 'long@example.com', password: long })).status).toBe(
      201,
    );
    expect((await t.client().login('short@example.com', 'x'.repeat(12))).status).toBe(200);
    expect((await t.client().login('long@example.com', long)).status).toBe(200);
    expectApiError(await t.client().login('long@example.com', 'z'.repeat(128)), 401);
  });

  it('returns 400 naming each missing field', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner);
    const res = await t.client().post(`/api/invites/${created.token}/accept`, unchecked({}));
    expectApiError(res, 400, { code: 'validation_failed', paths: ['name', 'email', 'password'] });
  });

  it('of two accepts of one link at once, exactly one succeeds and one user is made', async () => {
    const t = await apps.workspace();
    const created = await invite(t.owner);
    const usersBefore = (await rowCounts(t)).users;
    // Open enough pooled connections first that both accepts get past the first check together.
    await Promise.all([1, 2, 3, 4].map(() => t.client().get(`/api/invites/${created.token}`)));
    const [a, b] = await Promise.all([
      accept(t, created.token, { email: 'race-a@example.com' }),
      accept(t, created.token, { email: 'race-b@example.com' }),
    ]);
    expect([a.status, b.status].filter((s) => s === 201)).toHaveLength(1);
    const loser = a.status === 201 ? b : a;
    expectApiError(loser, 404, { code: 'not_found' });
    expect((await rowCounts(t)).users).toBe(usersBefore + 1);
    const winner = (a.status === 201 ? a : b).body;
    const row = await t.db
      .selectFrom('invites')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.acceptedUserId).toBe(winner.id);
  });
});
