import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/tokens';
import { OWNER, TEAM_PASSWORD, addUser, signInAs, unchecked } from '../../support/app';
import { UTC_INSTANT, expectApiError, rowCounts, sessionCookies, trackApps } from '../helpers';

const apps = trackApps();

function cookieValue(line: string): string {
  const pair = line.split(';')[0]!;
  return pair.slice(pair.indexOf('=') + 1);
}

function attributes(line: string): string[] {
  return line
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());
}

describe('GET /api/auth/setup', () => {
  it('answers setupRequired true on an empty workspace', async () => {
    const t = await apps.app();
    const res = await t.client().get('/api/auth/setup');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ setupRequired: true, signedIn: false });
  });

  it('answers setupRequired false once an owner exists', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    const res = await t.client().get('/api/auth/setup');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ setupRequired: false, signedIn: false });
    // The same question from the signed-in owner says so, so the app need not ask /me blind.
    expect((await owner.get('/api/auth/setup')).body).toEqual({
      setupRequired: false,
      signedIn: true,
    });
  });
});

describe('POST /api/auth/setup', () => {
  it('creates the first owner, answers the user and signs them in', async () => {
    const t = await apps.app();
    const client = t.client();
    const res = await client.post('/api/auth/setup', { ...OWNER, email: ' Owner@Example.COM ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'owner@example.com',
      name: OWNER.name,
      role: 'owner',
      timeZone: null,
      effectiveTimeZone: 'UTC',
      version: 1,
      disabled: false,
      createdAt: '2026-03-01T12:00:00.000Z',
    });
    expect(res.body.id.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body);
  });

  it('makes the time zone and workspace name it is given the workspace defaults', async () => {
    const t = await apps.app();
    const client = t.client();
    const res = await client.post('/api/auth/setup', {
      ...OWNER,
      timeZone: 'Europe/Berlin',
      workspaceName: 'Studio Mia',
    });
    expect(res.status).toBe(201);
    expect(res.body.effectiveTimeZone).toBe('Europe/Berlin');
    const settings = await client.get('/api/settings');
    expect(settings.body).toMatchObject({ name: 'Studio Mia', timeZone: 'Europe/Berlin' });
  });

  it('returns 409 when a user exists', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const intruder = t.client();
    const res = await intruder.post('/api/auth/setup', {
      email: 'intruder@example.com',
      name: 'Intruder',
      password: 'a long enough password',
    });
    expectApiError(res, 409);
    expect(intruder.cookie).toBeUndefined();
    expect((await rowCounts(t)).users).toBe(1);
    expect((await intruder.login('intruder@example.com', 'a long enough password')).status).toBe(
      401,
    );
  });

  it('makes exactly one owner of two set-up requests at once', async () => {
    const t = await apps.app();
    const [a, b] = await Promise.all([
      t.client().post('/api/auth/setup', { ...OWNER, email: 'first@example.com' }),
      t.client().post('/api/auth/setup', { ...OWNER, email: 'second@example.com' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expectApiError(a.status === 409 ? a : b, 409);
    expect((await rowCounts(t)).users).toBe(1);
  });

  it('returns 400 naming each bad field and creates nobody', async () => {
    const t = await apps.app();
    const res = await t.client().post('/api/auth/setup', {
      email: 'not-an-email',
      name: '   ',
      password: 'short',
      timeZone: 'Mars/Olympus_Mons',
    });
    expectApiError(res, 400, {
      code: 'validation_failed',
      paths: ['email', 'name', 'password', 'timeZone'],
    });
    expect((await rowCounts(t)).users).toBe(0);
    expect((await t.client().get('/api/auth/setup')).body).toEqual({
      setupRequired: true,
      signedIn: false,
    });
  });

  it('returns 400 naming each missing field', async () => {
    const t = await apps.app();
    const res = await t.client().post('/api/auth/setup', unchecked({}));
    expectApiError(res, 400, { code: 'validation_failed', paths: ['email', 'name', 'password'] });
  });

  it('returns 400 for a password over 128 characters rather than truncating it', async () => {
    const t = await apps.app();
    const res = await t.client().post('/api/auth/setup', { ...OWNER, password: 'x'.repeat(129) });
    expectApiError(res, 400, { paths: ['password'] });
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password and answers the user', async () => {
    const t = await apps.app();
    const owner = await t.client().setupOwner();
    const client = t.client();
    const res = await client.login(OWNER.email, OWNER.password);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: owner.id, email: OWNER.email, role: 'owner' });
    expect(client.cookie).toBeDefined();
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(owner.id);
  });

  it('treats the e-mail case-insensitively', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const res = await t.client().login('OWNER@Example.Com', OWNER.password);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('owner@example.com');
  });

  it('returns 401 with the error shape for a wrong password and sets no session', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const before = (await rowCounts(t)).sessions;
    const client = t.client();
    const res = await client.login(OWNER.email, 'wrong password, quite long');
    expectApiError(res, 401, { code: 'unauthorized' });
    expect(sessionCookies(res).filter((line) => cookieValue(line) !== '')).toEqual([]);
    expect(client.cookie).toBeUndefined();
    expect((await rowCounts(t)).sessions).toBe(before);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const wrong = await t.client().login(OWNER.email, 'wrong password, quite long');
    const unknown = await t.client().login('nobody@example.com', 'wrong password, quite long');
    expectApiError(unknown, 401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('returns 401 for a disabled user', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const editor = await addUser(t, { role: 'editor' });
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', editor.id).execute();
    expectApiError(await t.client().login(editor.email, TEAM_PASSWORD), 401);
  });

  it('returns 400 naming a bad e-mail and a missing password', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const res = await t.client().post('/api/auth/login', unchecked({ email: 'nope' }));
    expectApiError(res, 400, { code: 'validation_failed', paths: ['email', 'password'] });
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie without Secure over http', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const res = await t.client().login(OWNER.email, OWNER.password);
    const live = sessionCookies(res).filter((line) => cookieValue(line) !== '');
    expect(live).toHaveLength(1);
    const attrs = attributes(live[0]!);
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=lax');
    expect(attrs).toContain('path=/');
    expect(attrs).not.toContain('secure');
  });

  it('marks the session cookie Secure when the app is served over https', async () => {
    const t = await apps.app({ appUrl: 'https://cal.example.com' });
    const setup = await t.client().post('/api/auth/setup', OWNER);
    expect(setup.status).toBe(201);
    const setupCookie = sessionCookies(setup).find((line) => cookieValue(line) !== '');
    expect(attributes(setupCookie!)).toContain('secure');
    const res = await t.client().login(OWNER.email, OWNER.password);
    const live = sessionCookies(res).filter((line) => cookieValue(line) !== '');
    expect(live).toHaveLength(1);
    const attrs = attributes(live[0]!);
    expect(attrs).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
  });

  it('sends exactly one Set-Cookie for the session cookie', async () => {
    // RFC 6265 §4.1.1: a response SHOULD NOT set the same cookie name twice.
    const t = await apps.app();
    await t.client().setupOwner();
    const client = t.client();
    await client.login(OWNER.email, OWNER.password);
    const again = await client.login(OWNER.email, OWNER.password);
    expect(again.status).toBe(200);
    expect(sessionCookies(again)).toHaveLength(1);
  });

  it('stores the session token hashed, never as the cookie value', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const res = await t.client().login(OWNER.email, OWNER.password);
    const token = cookieValue(sessionCookies(res).find((line) => cookieValue(line) !== '')!);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const sessions = await t.db.selectFrom('sessions').select('id').execute();
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) {
      expect(s.id).not.toBe(token);
      expect(s.id).not.toContain(token);
    }
    expect(sessions.map((s) => s.id)).toContain(hashToken(token));
  });

  it('ends the session it replaces, so an old cookie stops working', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const client = t.client();
    await client.login(OWNER.email, OWNER.password);
    const oldCookie = client.cookie!;
    await client.login(OWNER.email, OWNER.password);
    expect(client.cookie).toBeDefined();
    expect(client.cookie).not.toBe(oldCookie);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const stale = await t.client().get('/api/auth/me', { headers: { cookie: oldCookie } });
    expectApiError(stale, 401);
  });
});

describe('POST /api/auth/logout', () => {
  it('invalidates the session server-side, so the old cookie answers 401', async () => {
    const t = await apps.app();
    const client = t.client();
    await client.setupOwner();
    const cookie = client.cookie!;
    const sessionsBefore = (await rowCounts(t)).sessions;
    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(client.cookie).toBeUndefined();
    expect((await rowCounts(t)).sessions).toBe(sessionsBefore - 1);
    const replay = await t.client().get('/api/auth/me', { headers: { cookie } });
    expectApiError(replay, 401, { code: 'unauthorized' });
  });

  it('clears the cookie in the browser', async () => {
    const t = await apps.app();
    const client = t.client();
    await client.setupOwner();
    const res = await client.post('/api/auth/logout');
    const cleared = sessionCookies(res);
    expect(cleared).toHaveLength(1);
    expect(cookieValue(cleared[0]!)).toBe('');
    expect(attributes(cleared[0]!)).toEqual(expect.arrayContaining(['max-age=0', 'path=/']));
  });

  it('answers 204 without a session', async () => {
    const t = await apps.app();
    const res = await t.client().post('/api/auth/logout');
    expect(res.status).toBe(204);
  });

  it('leaves the user’s other sessions signed in', async () => {
    const t = await apps.app();
    const laptop = t.client();
    await laptop.setupOwner();
    const phone = t.client();
    await phone.login(OWNER.email, OWNER.password);
    await laptop.post('/api/auth/logout');
    expect((await phone.get('/api/auth/me')).status).toBe(200);
  });
});

describe('GET /api/auth/me', () => {
  it('answers the signed-in user with their role and effective time zone', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const { client, user } = await signInAs(t, 'viewer', {
      email: 'Vera@Example.com',
      name: 'Vera',
    });
    const res = await client.get('/api/auth/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      email: 'vera@example.com',
      name: 'Vera',
      role: 'viewer',
      timeZone: null,
      effectiveTimeZone: 'UTC',
      version: 1,
      disabled: false,
      createdAt: expect.stringMatching(UTC_INSTANT),
    });
  });

  it('returns 401 without a session', async () => {
    const t = await apps.app();
    expectApiError(await t.client().get('/api/auth/me'), 401, { code: 'unauthorized' });
  });

  it('returns 401 for a forged cookie', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const res = await t.client().get('/api/auth/me', {
      headers: {
        cookie: 'sponsorcal_session=forged-token-value',
      },
    });
    expectApiError(res, 401);
  });

  it('returns 401 with the session’s own hash as the cookie', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const { id } = await t.db.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
    const res = await t
      .client()
      .get('/api/auth/me', { headers: { cookie: `sponsorcal_session=${id}` } });
    expectApiError(res, 401);
  });

  it('returns 401 once the session has expired', async () => {
    const t = await apps.app();
    const client = t.client();
    await client.setupOwner();
    t.clock.advance(31 * 24 * 60 * 60 * 1000);
    expectApiError(await client.get('/api/auth/me'), 401);
  });

  it('returns 401 once the user is disabled', async () => {
    const t = await apps.app();
    await t.client().setupOwner();
    const { client, user } = await signInAs(t, 'editor');
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    expectApiError(await client.get('/api/auth/me'), 401);
  });
});
