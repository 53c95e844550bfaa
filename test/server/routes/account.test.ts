import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/tokens';
import { sessionInfoSchema } from '../../../shared/schemas/team';
import { OWNER, TEAM_PASSWORD, signInAs, type TestApp, unchecked } from '../../support/app';
import { clientWithCookie, expectApiError, expectRefused, trackApps } from '../helpers';

const apps = trackApps();

// The test clock reads 2026-03-01T12:00:00.000Z until a test moves it.
const NEW_PASSWORD = 'a completely new passphrase';

/** The session token a client holds (its cookie's value). */
function tokenOf(cookie: string | undefined): string {
  if (!cookie) throw new Error('no cookie');
  return cookie.slice(cookie.indexOf('=') + 1);
}

async function passwordHashOf(t: TestApp, id: string): Promise<string> {
  const row = await t.db
    .selectFrom('users')
    .select('passwordHash')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.passwordHash;
}

/** The owner signed in on another device too. */
async function secondDevice(t: TestApp) {
  const client = t.client();
  const res = await client.login(OWNER.email, OWNER.password);
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return client;
}

describe('GET /api/me', () => {
  it('answers the caller with a version, as /api/auth/me does', async () => {
    const t = await apps.workspace();
    const res = await t.owner.get('/api/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: t.user.id,
      email: OWNER.email,
      name: OWNER.name,
      role: 'owner',
      timeZone: null,
      effectiveTimeZone: 'UTC',
      disabled: false,
      version: 1,
      createdAt: '2026-03-01T12:00:00.000Z',
    });
    expect((await t.owner.get('/api/auth/me')).body).toEqual(res.body);
  });

  it('answers any role, and 401 without a session', async () => {
    const t = await apps.workspace();
    const viewer = await signInAs(t, 'viewer');
    expect((await viewer.client.get('/api/me')).body).toMatchObject({
      id: viewer.user.id,
      role: 'viewer',
    });
    expectApiError(await t.client().get('/api/me'), 401);
  });
});

describe('PATCH /api/me', () => {
  it('changes name, e-mail and time zone, and the new e-mail signs in', async () => {
    const t = await apps.workspace();
    t.clock.advance(60_000);
    const res = await t.owner.patch('/api/me', {
      version: 1,
      name: '  Olivia O. ',
      email: ' Olivia@Example.org ',
      timeZone: 'America/New_York',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.user.id,
      name: 'Olivia O.',
      email: 'olivia@example.org',
      timeZone: 'America/New_York',
      effectiveTimeZone: 'America/New_York',
      role: 'owner',
      version: 2,
    });
    expect((await t.owner.get('/api/me')).body).toEqual(res.body);
    expect((await t.client().login('olivia@example.org', OWNER.password)).status).toBe(200);
    expectApiError(await t.client().login(OWNER.email, OWNER.password), 401);
  });

  it('sets the time zone back to null to follow the workspace’s', async () => {
    const t = await apps.workspace();
    const zoned = await t.owner.patch('/api/me', { version: 1, timeZone: 'Asia/Tokyo' });
    expect(zoned.body).toMatchObject({ timeZone: 'Asia/Tokyo', effectiveTimeZone: 'Asia/Tokyo' });
    const settings = (await t.owner.get('/api/settings')).body;
    await t.owner.patch('/api/settings', { version: settings.version, timeZone: 'Europe/Berlin' });

    const res = await t.owner.patch('/api/me', { version: 2, timeZone: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      timeZone: null,
      effectiveTimeZone: 'Europe/Berlin',
      version: 3,
    });
    expect((await t.owner.get('/api/me/preferences')).body).toMatchObject({ timeZone: null });
  });

  it('leaves out fields that are not sent', async () => {
    const t = await apps.workspace();
    await t.owner.patch('/api/me', { version: 1, timeZone: 'Asia/Tokyo' });
    const res = await t.owner.patch('/api/me', { version: 2, name: 'Only The Name' });
    expect(res.body).toMatchObject({
      name: 'Only The Name',
      email: OWNER.email,
      timeZone: 'Asia/Tokyo',
    });
  });

  it('cannot change the caller’s own role or disabled flag', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const res = await editor.client.patch(
      '/api/me',
      unchecked({
        version: 1,
        name: 'Eddie',
        role: 'owner',
        disabled: true,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Eddie', role: 'editor', disabled: false });
    expect((await editor.client.get('/api/me')).body).toMatchObject({ role: 'editor' });
    expectApiError(await editor.client.get('/api/users'), 403);
  });

  it('returns 409 on a stale version and changes nothing', async () => {
    const t = await apps.workspace();
    expect((await t.owner.patch('/api/me', { version: 1, name: 'First' })).status).toBe(200);
    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch('/api/me', { version: 1, name: 'Second' }),
    );
    expect((await t.owner.get('/api/me')).body).toMatchObject({ name: 'First', version: 2 });
  });

  it('returns 409 naming email when another account uses it, in any case', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor', { email: 'eddie@example.com' });
    await expectRefused(t, { status: 409, code: 'duplicate', paths: ['email'] }, () =>
      editor.client.patch('/api/me', { version: 1, email: 'OWNER@example.com' }),
    );
    expect((await editor.client.get('/api/me')).body).toMatchObject({ email: 'eddie@example.com' });
  });

  it('allows sending the caller’s own e-mail unchanged', async () => {
    const t = await apps.workspace();
    const res = await t.owner.patch('/api/me', {
      version: 1,
      email: OWNER.email,
      name: 'Same Mail',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: OWNER.email, name: 'Same Mail' });
  });

  it.each([
    ['a zone that does not exist', { version: 1, timeZone: 'Mars/Olympus' }, ['timeZone']],
    ['a bad e-mail', { version: 1, email: 'not-an-email' }, ['email']],
    ['a blank name', { version: 1, name: '   ' }, ['name']],
    ['a missing version', { name: 'No Version' }, ['version']],
  ])('returns 400 naming the field for %s and changes nothing', async (_what, body, paths) => {
    const t = await apps.workspace();
    const refusal = { status: 400, code: 'validation_failed', paths };
    await expectRefused(t, refusal, () => t.owner.patch('/api/me', unchecked(body)));
  });
});

describe('POST /api/me/password', () => {
  it('returns 400 naming currentPassword when it is wrong, and changes nothing', async () => {
    const t = await apps.workspace();
    const other = await secondDevice(t);
    const hash = await passwordHashOf(t, t.user.id);
    const cookie = t.owner.cookie;
    const res = await t.owner.post('/api/me/password', {
      currentPassword: 'not my password at all',
      newPassword: NEW_PASSWORD,
    });
    expectApiError(res, 400, { code: 'validation_failed', paths: ['currentPassword'] });
    expect(await passwordHashOf(t, t.user.id)).toBe(hash);
    expect(t.owner.cookie).toBe(cookie);
    expect((await t.owner.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(200);
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
    expectApiError(await t.client().login(OWNER.email, NEW_PASSWORD), 401);
  });

  it.each([
    ['11 characters', 'x'.repeat(11)],
    ['129 characters', 'x'.repeat(129)],
  ])('returns 400 naming newPassword for one of %s', async (_what, newPassword) => {
    const t = await apps.workspace();
    const hash = await passwordHashOf(t, t.user.id);
    const res = await t.owner.post('/api/me/password', {
      currentPassword: OWNER.password,
      newPassword,
    });
    expectApiError(res, 400, { code: 'validation_failed', paths: ['newPassword'] });
    expect(await passwordHashOf(t, t.user.id)).toBe(hash);
  });

  it('changes the password, ends the other sessions and renews this one (204)', async () => {
    const t = await apps.workspace();
    const other = await secondDevice(t);
    const old = t.owner.cookie;
    const editor = await signInAs(t, 'editor');

    const res = await t.owner.post('/api/me/password', {
      currentPassword: OWNER.password,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    expectApiError(await other.get('/api/me'), 401);
    expect(t.owner.cookie).toBeDefined();
    expect(t.owner.cookie).not.toBe(old);
    expect((await t.owner.get('/api/me')).body).toMatchObject({ id: t.user.id });
    expectApiError(await clientWithCookie(t, old).get('/api/me'), 401);
    const own = await t.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', t.user.id)
      .execute();
    expect(own.map((s) => s.id)).toEqual([hashToken(tokenOf(t.owner.cookie))]);
    // Someone else's session is not touched.
    expect((await editor.client.get('/api/me')).status).toBe(200);

    expectApiError(await t.client().login(OWNER.email, OWNER.password), 401);
    expect((await t.client().login(OWNER.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('works for every role', async () => {
    const t = await apps.workspace();
    const viewer = await signInAs(t, 'viewer');
    const res = await viewer.client.post('/api/me/password', {
      currentPassword: TEAM_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect((await t.client().login(viewer.user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const t = await apps.workspace();
    const res = await t
      .client()
      .post('/api/me/password', { currentPassword: OWNER.password, newPassword: NEW_PASSWORD });
    expectApiError(res, 401);
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
  });
});

describe('GET /api/me/sessions', () => {
  it('lists only the caller’s own sessions, exactly one of them current', async () => {
    const t = await apps.workspace();
    t.clock.advance(60_000);
    const other = await secondDevice(t);
    const editor = await signInAs(t, 'editor');

    const res = await t.owner.get('/api/me/sessions');
    expect(res.status).toBe(200);
    const items = res.body.items;
    for (const item of items) sessionInfoSchema.parse(item);
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const current = items.find((s) => s.current)!;
    expect(current.id).toBe(hashToken(tokenOf(t.owner.cookie)));
    expect(current.createdAt).toBe('2026-03-01T12:00:00.000Z');
    const notCurrent = items.find((s) => !s.current)!;
    expect(notCurrent.id).toBe(hashToken(tokenOf(other.cookie)));
    expect(notCurrent.createdAt).toBe('2026-03-01T12:01:00.000Z');

    const editorSessions = await t.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', editor.user.id)
      .execute();
    expect(editorSessions).toHaveLength(1);
    expect(items.map((s) => s.id)).not.toContain(editorSessions[0]!.id);
    // Nothing in the answer works as a cookie.
    expect(res.text).not.toContain(tokenOf(t.owner.cookie));
    expect(res.text).not.toContain(tokenOf(other.cookie));

    // From the other device, the other one is current.
    const fromOther = (await other.get('/api/me/sessions')).body.items;
    expect(fromOther.find((s) => s.current)!.id).toBe(notCurrent.id);
  });
});

describe('DELETE /api/me/sessions/:id', () => {
  it('ends another of the caller’s sessions (204)', async () => {
    const t = await apps.workspace();
    const other = await secondDevice(t);
    const id = hashToken(tokenOf(other.cookie));
    const res = await t.owner.delete(`/api/me/sessions/${id}`);
    expect(res.status).toBe(204);
    expectApiError(await other.get('/api/me'), 401);
    expect((await t.owner.get('/api/me')).status).toBe(200);
    const items = (await t.owner.get('/api/me/sessions')).body.items;
    expect(items).toEqual([expect.objectContaining({ current: true })]);
  });

  it('returns 404 for someone else’s session and leaves it working', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const id = hashToken(tokenOf(editor.client.cookie));
    expectApiError(await t.owner.delete(`/api/me/sessions/${id}`), 404, { code: 'not_found' });
    expect((await editor.client.get('/api/me')).status).toBe(200);
    // Nor can the editor end the owner's.
    const ownerId = hashToken(tokenOf(t.owner.cookie));
    expectApiError(await editor.client.delete(`/api/me/sessions/${ownerId}`), 404);
    expect((await t.owner.get('/api/me')).status).toBe(200);
  });

  it('returns 404 for an unknown session id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.delete('/api/me/sessions/no-such-session'), 404);
    expect((await t.owner.get('/api/me')).status).toBe(200);
  });

  it('ending the current session signs the caller out', async () => {
    const t = await apps.workspace();
    const old = t.owner.cookie;
    const id = hashToken(tokenOf(old));
    expect((await t.owner.delete(`/api/me/sessions/${id}`)).status).toBe(204);
    expectApiError(await clientWithCookie(t, old).get('/api/me'), 401);
  });
});

describe('DELETE /api/me/sessions', () => {
  it('ends every session of the caller but the current one (204)', async () => {
    const t = await apps.workspace();
    const second = await secondDevice(t);
    const third = await secondDevice(t);
    const editor = await signInAs(t, 'editor');
    const cookie = t.owner.cookie;

    const res = await t.owner.delete('/api/me/sessions');
    expect(res.status).toBe(204);
    expectApiError(await second.get('/api/me'), 401);
    expectApiError(await third.get('/api/me'), 401);
    expect(t.owner.cookie).toBe(cookie);
    expect((await t.owner.get('/api/me')).status).toBe(200);
    expect((await editor.client.get('/api/me')).status).toBe(200);
    const items = (await t.owner.get('/api/me/sessions')).body.items;
    expect(items).toEqual([
      expect.objectContaining({ id: hashToken(tokenOf(cookie)), current: true }),
    ]);
  });

  it('answers 401 without a session and ends nothing', async () => {
    const t = await apps.workspace();
    const second = await secondDevice(t);
    expectApiError(await t.client().delete('/api/me/sessions'), 401);
    expect((await t.owner.get('/api/me')).status).toBe(200);
    expect((await second.get('/api/me')).status).toBe(200);
  });
});
