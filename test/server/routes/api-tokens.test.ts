import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiToken, ApiTokenCreated } from '../../../shared/schemas/team';
import { apiTokenCreatedSchema, apiTokenSchema } from '../../../shared/schemas/team';
import { OWNER, signInAs, type TestApp, type TestClient, unchecked } from '../../support/app';
import { dataSnapshot, expectApiError, trackApps } from '../helpers';

const apps = trackApps();

// The test clock reads 2026-03-01T12:00:00.000Z until a test moves it.
const START = '2026-03-01T12:00:00.000Z';
const HOUR = 3_600_000;

async function createToken(
  client: TestClient,
  body: Record<string, unknown> = { name: 'Script', scope: 'read_write' },
): Promise<ApiTokenCreated> {
  const res = await client.post('/api/me/tokens', unchecked(body));
  if (res.status !== 201) throw new Error(`token failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A client that sends the token and no cookie, as a script does. */
function tokenClient(t: TestApp, token: string) {
  return t.client({ headers: { authorization: `Bearer ${token}` } });
}

async function tokenRow(t: TestApp, id: string) {
  return t.db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('POST /api/me/tokens', () => {
  it('creates a token and shows it this once (201)', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/me/tokens', {
      name: '  Zapier ',
      scope: 'read',
    });
    expect(res.status).toBe(201);
    apiTokenCreatedSchema.parse(res.body);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Zapier',
      scope: 'read',
      prefix: res.body.token.slice(0, 8),
      createdAt: START,
      lastUsedAt: null,
      expiresAt: null,
      token: expect.stringMatching(/^spc_[\w-]{32,}$/),
    });

    const list = await t.owner.get('/api/me/tokens');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        id: res.body.id,
        name: 'Zapier',
        scope: 'read',
        prefix: res.body.prefix,
        createdAt: START,
        lastUsedAt: null,
        expiresAt: null,
      },
    ]);
    apiTokenSchema.parse(list.body.items[0]);
    expect(list.text).not.toContain(res.body.token);
  });

  it('stores only the SHA-256 of the token', async () => {
    const t = await apps.workspace();
    const created = await createToken(t.owner);
    const rows = await t.db.selectFrom('apiTokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it('lists only the caller’s own tokens, newest first', async () => {
    const t = await apps.workspace();
    const first = await createToken(t.owner, { name: 'First', scope: 'read' });
    t.clock.advance(60_000);
    const second = await createToken(t.owner, { name: 'Second', scope: 'read_write' });
    const editor = await signInAs(t, 'editor');
    const theirs = await createToken(editor.client, { name: 'Theirs', scope: 'read' });
    const mine = (await t.owner.get('/api/me/tokens')).body.items;
    expect(mine.map((x) => x.id)).toEqual([second.id, first.id]);
    expect(
      (await editor.client.get('/api/me/tokens')).body.items.map((x: ApiToken) => x.id),
    ).toEqual([theirs.id]);
  });

  it('keeps an expiry in the future', async () => {
    const t = await apps.workspace();
    const created = await createToken(t.owner, {
      name: 'Expiring',
      scope: 'read',
      expiresAt: '2026-03-02T12:00:00+02:00',
    });
    expect(created.expiresAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it.each([
    ['in the past', '2026-03-01T11:59:59.000Z'],
    ['right now', START],
  ])(
    'returns 400 naming expiresAt for an expiry %s and creates nothing',
    async (_what, expiresAt) => {
      const t = await apps.workspace();
      const res = await t.owner.post('/api/me/tokens', { name: 'Dead', scope: 'read', expiresAt });
      expectApiError(res, 400, { code: 'validation_failed', paths: ['expiresAt'] });
      expect(await t.db.selectFrom('apiTokens').selectAll().execute()).toEqual([]);
    },
  );

  it.each([
    ['an unknown scope', { name: 'x', scope: 'admin' }, ['scope']],
    ['a blank name', { name: '  ', scope: 'read' }, ['name']],
    ['a malformed expiry', { name: 'x', scope: 'read', expiresAt: 'tomorrow' }, ['expiresAt']],
  ])('returns 400 naming the field for %s', async (_what, body, paths) => {
    const t = await apps.workspace();
    expectApiError(await t.owner.post('/api/me/tokens', unchecked(body)), 400, {
      code: 'validation_failed',
      paths,
    });
    expect(await t.db.selectFrom('apiTokens').selectAll().execute()).toEqual([]);
  });
});

describe('Authorization: Bearer', () => {
  it('lets a token read the API without a cookie', async () => {
    const t = await apps.workspace();
    const created = await createToken(t.owner, { name: 'Reader', scope: 'read' });
    const brands = await tokenClient(t, created.token).get('/api/brands');
    expect(brands.status).toBe(200);
    expect(brands.body.items.map((b) => b.id)).toEqual([t.brand.id]);
    expect((await tokenClient(t, created.token).get(`/api/deals/${t.deal.id}`)).body).toMatchObject(
      { id: t.deal.id },
    );
    expect((await tokenClient(t, created.token).get('/api/me')).body).toMatchObject({
      id: t.user.id,
      role: 'owner',
    });
  });

  it('sets lastUsedAt when the token is used, and moves it on later use', async () => {
    const t = await apps.workspace();
    const created = await createToken(t.owner);
    t.clock.advance(HOUR);
    expect((await tokenClient(t, created.token).get('/api/brands')).status).toBe(200);
    expect((await tokenRow(t, created.id)).lastUsedAt).toBe('2026-03-01T13:00:00.000Z');
    const listed = (await t.owner.get('/api/me/tokens')).body.items;
    expect(listed[0]!.lastUsedAt).toBe('2026-03-01T13:00:00.000Z');
    t.clock.advance(HOUR);
    expect((await tokenClient(t, created.token).get('/api/brands')).status).toBe(200);
    expect((await tokenRow(t, created.id)).lastUsedAt).toBe('2026-03-01T14:00:00.000Z');
  });

  it('refuses every change with a read token (403 token_read_only) and writes nothing', async () => {
    const t = await apps.workspace();
    const created = await createToken(t.owner, { name: 'Reader', scope: 'read' });
    // Used once first, so that the snapshot already holds its lastUsedAt.
    expect((await tokenClient(t, created.token).get('/api/brands')).status).toBe(200);
    const before = await dataSnapshot(t);
    const calls = [
      tokenClient(t, created.token).post('/api/brands', { name: 'Via token' }),
      tokenClient(t, created.token).patch(`/api/brands/${t.brand.id}`, {
        version: 1,
        name: 'Renamed',
      }),
      tokenClient(t, created.token).delete(`/api/brands/${t.brand.id}`),
      tokenClient(t, created.token).post('/api/deliverables', {
        dealId: t.deal.id,
        title: 'Reel',
        platform: 'tiktok',
      }),
      tokenClient(t, created.token).put('/api/me/preferences', { emailAlerts: false }),
      tokenClient(t, created.token).patch('/api/me', { version: 1, name: 'Renamed Owner' }),
    ];
    for (const res of await Promise.all(calls)) {
      expectApiError(res, 403, { code: 'token_read_only' });
    }
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('lets an editor’s read_write token create a deliverable', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const created = await createToken(editor.client, { name: 'Writer', scope: 'read_write' });
    const res = await tokenClient(t, created.token).post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Unboxing reel',
      platform: 'instagram',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      dealId: t.deal.id,
      title: 'Unboxing reel',
      platform: 'instagram',
    });
    const listed = await t.owner.get(`/api/deliverables/${res.body.id}`);
    expect(listed.body).toMatchObject({ title: 'Unboxing reel' });
  });

  it('gives a token no more than its user’s role: a viewer’s read_write token cannot write (403 forbidden)', async () => {
    const t = await apps.workspace();
    const viewer = await signInAs(t, 'viewer');
    const created = await createToken(viewer.client, {
      name: 'Viewer script',
      scope: 'read_write',
    });
    expect((await tokenClient(t, created.token).get('/api/brands')).status).toBe(200);
    const before = await dataSnapshot(t);
    const res = await tokenClient(t, created.token).post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Sneaky',
      platform: 'tiktok',
    });
    expectApiError(res, 403, { code: 'forbidden' });
    expectApiError(await tokenClient(t, created.token).get('/api/users'), 403, {
      code: 'forbidden',
    });
    expect(await dataSnapshot(t)).toEqual(before);
    expect((await tokenClient(t, created.token).get('/api/deliverables')).status).toBe(200);
  });

  it.each([
    ['GET', '/api/me/tokens', undefined],
    ['POST', '/api/me/tokens', { name: 'Minted', scope: 'read_write' }],
    ['DELETE', '/api/me/tokens/SELF', undefined],
    [
      'POST',
      '/api/me/password',
      { currentPassword: OWNER.password, newPassword: 'a token-chosen password' },
    ],
    ['GET', '/api/me/sessions', undefined],
    ['DELETE', '/api/me/sessions', undefined],
    ['DELETE', '/api/me/sessions/some-id', undefined],
  ])('refuses %s %s to a read_write token (403 session_required)', async (method, url, body) => {
    const t = await apps.workspace();
    const created = await createToken(t.owner, { name: 'Writer', scope: 'read_write' });
    const res = await t.client().raw(method, url.replace('SELF', created.id), body, {
      authorization: `Bearer ${created.token}`,
    });
    expectApiError(res, 403, { code: 'session_required' });
    // Nothing changed: the token is still there alone, the password and the session still work.
    expect((await t.db.selectFrom('apiTokens').select('id').execute()).map((r) => r.id)).toEqual([
      created.id,
    ]);
    expect((await t.owner.get('/api/me')).status).toBe(200);
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
  });

  it('answers 401 once the token is revoked', async () => {
    const t = await apps.workspace();
    const created = await createToken(t.owner);
    expect((await tokenClient(t, created.token).get('/api/brands')).status).toBe(200);
    expect((await t.owner.delete(`/api/me/tokens/${created.id}`)).status).toBe(204);
    expectApiError(await tokenClient(t, created.token).get('/api/brands'), 401, {
      code: 'unauthorized',
    });
    expect((await t.owner.get('/api/me/tokens')).body.items).toEqual([]);
  });

  it('answers 401 once the token has expired', async () => {
    const t = await apps.workspace();
    const created = await createToken(t.owner, {
      name: 'Short-lived',
      scope: 'read',
      expiresAt: '2026-03-01T13:00:00.000Z',
    });
    t.clock.set('2026-03-01T12:59:59.999Z');
    expect((await tokenClient(t, created.token).get('/api/brands')).status).toBe(200);
    t.clock.set('2026-03-01T13:00:00.000Z');
    expectApiError(await tokenClient(t, created.token).get('/api/brands'), 401, {
      code: 'unauthorized',
    });
  });

  it.each([
    ['no token after Bearer', () => 'Bearer'],
    ['another scheme', (token: string) => `Basic ${token}`],
    ['the token without a scheme', (token: string) => token],
    ['two words after Bearer', (token: string) => `Bearer ${token} extra`],
    ['a wrong token', () => 'Bearer spc_not-a-real-token-at-all'],
    ['a token one character short', (token: string) => `Bearer ${token.slice(0, -1)}`],
    ['an empty header', () => ''],
  ])('answers 401 for a malformed Authorization header: %s', async (_what, header) => {
    const t = await apps.workspace();
    const created = await createToken(t.owner);
    const res = await t
      .client()
      .get('/api/brands', { headers: { authorization: header(created.token) } });
    expectApiError(res, 401, { code: 'unauthorized' });
  });

  it('does not fall back to the cookie when the Authorization header is bad', async () => {
    const t = await apps.workspace();
    const res = await t.owner.get('/api/brands', {
      headers: {
        authorization: 'Bearer nonsense',
      },
    });
    expectApiError(res, 401, { code: 'unauthorized' });
  });
});

describe('DELETE /api/me/tokens/:id', () => {
  it('returns 404 for another user’s token and leaves it working', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const theirs = await createToken(editor.client, { name: 'Theirs', scope: 'read' });
    expectApiError(await t.owner.delete(`/api/me/tokens/${theirs.id}`), 404, { code: 'not_found' });
    expect((await tokenClient(t, theirs.token).get('/api/brands')).status).toBe(200);
    expect((await editor.client.get('/api/me/tokens')).body.items).toHaveLength(1);
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.delete('/api/me/tokens/no-such-token'), 404, {
      code: 'not_found',
    });
  });
});
