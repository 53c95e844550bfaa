import { describe, expect, it } from 'vitest';
import { teamMemberSchema } from '../../../shared/schemas/team';
import {
  OWNER,
  TEAM_PASSWORD,
  addUser,
  signInAs,
  type TestApp,
  unchecked,
} from '../../support/app';
import {
  clientWithCookie,
  dataSnapshot,
  expectApiError,
  expectRefused,
  trackApps,
} from '../helpers';

const apps = trackApps();

// The test clock reads 2026-03-01T12:00:00.000Z until a test moves it.
const START = '2026-03-01T12:00:00.000Z';
const MINUTE = 60_000;

async function userRow(t: TestApp, id: string) {
  return t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function sessionCount(t: TestApp, userId: string): Promise<number> {
  const rows = await t.db
    .selectFrom('sessions')
    .select('id')
    .where('userId', '=', userId)
    .execute();
  return rows.length;
}

async function enabledOwnerCount(t: TestApp): Promise<number> {
  const rows = await t.db.selectFrom('users').select(['role', 'disabled']).execute();
  return rows.filter((r) => r.role === 'owner' && !r.disabled).length;
}

describe('GET /api/users', () => {
  it('lists every user, disabled ones too, with when they were last active', async () => {
    const t = await apps.workspace();
    t.clock.advance(30 * MINUTE);
    const editor = await signInAs(t, 'editor', { name: 'Eddie Editor' });
    const viewer = await addUser(t, { role: 'viewer', name: 'Vera Viewer' });
    const gone = await addUser(t, { role: 'editor', name: 'Gone Editor' });
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', gone.id).execute();

    const res = await t.owner.get('/api/users');
    expect(res.status).toBe(200);
    const items = res.body.items;
    for (const item of items) teamMemberSchema.parse(item);
    expect(items.map((u) => u.id).sort()).toEqual(
      [t.user.id, editor.user.id, viewer.id, gone.id].sort(),
    );
    const byId = new Map(items.map((u) => [u.id, u]));
    expect(byId.get(t.user.id)).toMatchObject({
      email: OWNER.email,
      name: OWNER.name,
      role: 'owner',
      disabled: false,
      version: 1,
      lastActiveAt: START,
    });
    expect(byId.get(editor.user.id)).toMatchObject({
      role: 'editor',
      disabled: false,
      lastActiveAt: '2026-03-01T12:30:00.000Z',
    });
    expect(byId.get(viewer.id)).toMatchObject({
      role: 'viewer',
      disabled: false,
      lastActiveAt: null,
    });
    expect(byId.get(gone.id)).toMatchObject({
      name: 'Gone Editor',
      disabled: true,
      lastActiveAt: null,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
  });

  it('moves lastActiveAt when a session is used later', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    t.clock.advance(3 * 60 * MINUTE);
    expect((await editor.client.get('/api/brands')).status).toBe(200);
    const items = (await t.owner.get('/api/users')).body.items;
    expect(items.find((u) => u.id === editor.user.id)!.lastActiveAt).toBe(
      '2026-03-01T15:00:00.000Z',
    );
  });

  it.each(['editor', 'viewer'] as const)('answers 403 to the %s role', async (role) => {
    const t = await apps.workspace();
    const member = await signInAs(t, role);
    expectApiError(await member.client.get('/api/users'), 403, { code: 'forbidden' });
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes a role and answers the member with the next version', async () => {
    const t = await apps.workspace();
    const editor = await addUser(t, { role: 'editor' });
    t.clock.advance(MINUTE);
    const res = await t.owner.patch(`/api/users/${editor.id}`, {
      version: 1,
      role: 'viewer',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: editor.id, role: 'viewer', disabled: false, version: 2 });
    teamMemberSchema.parse(res.body);
    expect(await userRow(t, editor.id)).toMatchObject({ role: 'viewer', version: 2 });
  });

  it('disables and re-enables a user', async () => {
    const t = await apps.workspace();
    const editor = await addUser(t, { role: 'editor' });
    const off = await t.owner.patch(`/api/users/${editor.id}`, { version: 1, disabled: true });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ disabled: true, role: 'editor', version: 2 });
    expectApiError(await t.client().login(editor.email, TEAM_PASSWORD), 401);

    const on = await t.owner.patch(`/api/users/${editor.id}`, { version: 2, disabled: false });
    expect(on.body).toMatchObject({ disabled: false, version: 3 });
    expect((await t.client().login(editor.email, TEAM_PASSWORD)).status).toBe(200);
  });

  it('returns 409 on a stale version and changes nothing', async () => {
    const t = await apps.workspace();
    const editor = await addUser(t, { role: 'editor' });
    expect(
      (await t.owner.patch(`/api/users/${editor.id}`, { version: 1, role: 'viewer' })).status,
    ).toBe(200);
    // The code every stale version gets in this API (the issue notes say `conflict`).
    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch(`/api/users/${editor.id}`, { version: 1, role: 'owner' }),
    );
    expect(await userRow(t, editor.id)).toMatchObject({ role: 'viewer', version: 2 });
  });

  it('returns 404 for an unknown user', async () => {
    const t = await apps.workspace();
    const res = await t.owner.patch('/api/users/no-such-user', { version: 1, role: 'viewer' });
    expectApiError(res, 404, { code: 'not_found' });
  });

  it.each([
    ['an unknown role', { version: 1, role: 'admin' }, ['role']],
    ['a missing version', { role: 'viewer' }, ['version']],
    ['a disabled flag that is not a boolean', { version: 1, disabled: 'yes' }, ['disabled']],
    ['a bad role and no version', { role: 'admin' }, ['role', 'version']],
  ])('returns 400 naming the field for %s, and changes nothing', async (_what, body, paths) => {
    const t = await apps.workspace();
    const editor = await addUser(t, { role: 'editor' });
    await expectRefused(t, { status: 400, code: 'validation_failed', paths }, () =>
      t.owner.patch(`/api/users/${editor.id}`, unchecked(body)),
    );
  });

  it('answers 403 to an editor and changes nothing', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const res = await editor.client.patch(`/api/users/${editor.user.id}`, {
      version: 1,
      role: 'owner',
    });
    expectApiError(res, 403, { code: 'forbidden' });
    expect(await userRow(t, editor.user.id)).toMatchObject({ role: 'editor', version: 1 });
  });
});

describe('the last enabled owner', () => {
  it('cannot demote themselves: 409 last_owner and nothing changes', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const sessionsBefore = await sessionCount(t, t.user.id);
    for (const role of ['editor', 'viewer'] as const) {
      const res = await t.owner.patch(`/api/users/${t.user.id}`, { version: 1, role });
      expectApiError(res, 409, { code: 'last_owner' });
    }
    expect(await dataSnapshot(t)).toEqual(before);
    expect(await userRow(t, t.user.id)).toMatchObject({ role: 'owner', version: 1 });
    expect(await sessionCount(t, t.user.id)).toBe(sessionsBefore);
    expect((await t.owner.get('/api/users')).status).toBe(200);
  });

  it('cannot step down when the only other owner is disabled', async () => {
    const t = await apps.workspace();
    const other = await addUser(t, { role: 'owner' });
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', other.id).execute();
    const res = await t.owner.patch(`/api/users/${t.user.id}`, { version: 1, role: 'editor' });
    expectApiError(res, 409, { code: 'last_owner' });
    expect(await userRow(t, t.user.id)).toMatchObject({ role: 'owner', version: 1 });
    expect(await enabledOwnerCount(t)).toBe(1);
  });

  it('refuses an owner disabling themselves, even with another owner', async () => {
    const t = await apps.workspace();
    await addUser(t, { role: 'owner' });
    await expectRefused(t, { status: 409, code: 'conflict' }, () =>
      t.owner.patch(`/api/users/${t.user.id}`, { version: 1, disabled: true }),
    );
    expect((await t.owner.get('/api/auth/me')).body).toMatchObject({
      role: 'owner',
      disabled: false,
    });
  });
});

describe('sessions when privileges change', () => {
  it('disabling a user ends their sessions at once and stops their API tokens', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const second = t.client();
    expect((await second.login(editor.user.email, TEAM_PASSWORD)).status).toBe(200);
    const created = await editor.client.post('/api/me/tokens', {
      name: 'Script',
      scope: 'read_write',
    });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token as string}` };
    expect((await t.client().get('/api/brands', { headers: bearer })).status).toBe(200);
    const cookies = [editor.client.cookie, second.cookie];

    const res = await t.owner.patch(`/api/users/${editor.user.id}`, { version: 1, disabled: true });
    expect(res.status).toBe(200);

    expectApiError(await editor.client.get('/api/auth/me'), 401, { code: 'unauthorized' });
    expectApiError(await second.get('/api/brands'), 401);
    expectApiError(await t.client().get('/api/brands', { headers: bearer }), 401);
    expect(await sessionCount(t, editor.user.id)).toBe(0);

    // Enabled again, the old cookies stay dead: the sessions were ended, not just paused.
    expect(
      (await t.owner.patch(`/api/users/${editor.user.id}`, { version: 2, disabled: false })).status,
    ).toBe(200);
    for (const cookie of cookies) {
      expectApiError(await clientWithCookie(t, cookie).get('/api/auth/me'), 401);
    }
  });

  it('a role change ends that user’s sessions; signed in again, the new role applies', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const old = editor.client.cookie;
    expect((await editor.client.post('/api/brands', { name: 'Before' })).status).toBe(201);

    const res = await t.owner.patch(`/api/users/${editor.user.id}`, { version: 1, role: 'viewer' });
    expect(res.status).toBe(200);
    expectApiError(await editor.client.get('/api/auth/me'), 401);
    expect(await sessionCount(t, editor.user.id)).toBe(0);

    const again = t.client();
    expect((await again.login(editor.user.email, TEAM_PASSWORD)).status).toBe(200);
    expect(again.cookie).toBeDefined();
    expect(again.cookie).not.toBe(old);
    expect((await again.get('/api/auth/me')).body).toMatchObject({
      id: editor.user.id,
      role: 'viewer',
    });
    expectApiError(await again.post('/api/brands', { name: 'After' }), 403, { code: 'forbidden' });
    expectApiError(await clientWithCookie(t, old).get('/api/auth/me'), 401);
  });

  it('keeps the sessions when the role sent is the one the user already has', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    const res = await t.owner.patch(`/api/users/${editor.user.id}`, { version: 1, role: 'editor' });
    expect(res.status).toBe(200);
    expect((await editor.client.get('/api/auth/me')).body).toMatchObject({ role: 'editor' });
  });

  it('an owner stepping down beside another owner gets a fresh session with the new role', async () => {
    const t = await apps.workspace();
    const other = await signInAs(t, 'owner');
    const old = t.owner.cookie;
    const res = await t.owner.patch(`/api/users/${t.user.id}`, { version: 1, role: 'editor' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: t.user.id, role: 'editor', version: 2 });
    expect(t.owner.cookie).toBeDefined();
    expect(t.owner.cookie).not.toBe(old);

    expect((await t.owner.get('/api/auth/me')).body).toMatchObject({
      id: t.user.id,
      role: 'editor',
    });
    expect((await t.owner.post('/api/brands', { name: 'Still editing' })).status).toBe(201);
    expectApiError(await t.owner.get('/api/users'), 403, { code: 'forbidden' });
    expectApiError(await clientWithCookie(t, old).get('/api/auth/me'), 401);
    expect(await sessionCount(t, t.user.id)).toBe(1);
    // The other owner is untouched.
    expect((await other.client.get('/api/users')).status).toBe(200);
  });
});

describe('POST /api/users/:id/transfer-ownership', () => {
  it('makes the target owner and the caller editor, and renews the caller’s session', async () => {
    const t = await apps.workspace();
    const target = await signInAs(t, 'editor', { name: 'Next Owner' });
    const oldOwnerCookie = t.owner.cookie;
    const oldTargetCookie = target.client.cookie;

    const res = await t.owner.post(`/api/users/${target.user.id}/transfer-ownership`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      owner: expect.objectContaining({ id: target.user.id, role: 'owner', version: 2 }),
      previousOwner: expect.objectContaining({ id: t.user.id, role: 'editor', version: 2 }),
    });
    teamMemberSchema.parse(res.body.owner);
    teamMemberSchema.parse(res.body.previousOwner);

    expect(t.owner.cookie).toBeDefined();
    expect(t.owner.cookie).not.toBe(oldOwnerCookie);
    expectApiError(await clientWithCookie(t, oldOwnerCookie).get('/api/auth/me'), 401);
    expect((await t.owner.get('/api/auth/me')).body).toMatchObject({
      id: t.user.id,
      role: 'editor',
    });
    expectApiError(await t.owner.get('/api/users'), 403);

    // The new owner signs in again (their privilege changed) and can manage the team.
    expectApiError(await clientWithCookie(t, oldTargetCookie).get('/api/auth/me'), 401);
    const fresh = t.client();
    expect((await fresh.login(target.user.email, TEAM_PASSWORD)).status).toBe(200);
    expect((await fresh.get('/api/auth/me')).body).toMatchObject({ role: 'owner' });
    expect((await fresh.get('/api/users')).status).toBe(200);
    expect(await enabledOwnerCount(t)).toBe(1);
  });

  it('refuses the caller themselves', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const cookie = t.owner.cookie;
    expectApiError(await t.owner.post(`/api/users/${t.user.id}/transfer-ownership`), 409, {
      code: 'conflict',
    });
    expect(await dataSnapshot(t)).toEqual(before);
    expect(t.owner.cookie).toBe(cookie);
    expect((await t.owner.get('/api/users')).status).toBe(200);
  });

  it('refuses a disabled target and changes nothing', async () => {
    const t = await apps.workspace();
    const target = await addUser(t, { role: 'editor' });
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', target.id).execute();
    await expectRefused(t, { status: 409, code: 'conflict' }, () =>
      t.owner.post(`/api/users/${target.id}/transfer-ownership`),
    );
    expect((await t.owner.get('/api/auth/me')).body).toMatchObject({ role: 'owner' });
  });

  it('returns 404 for an unknown user and changes nothing', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 404, code: 'not_found' }, () =>
      t.owner.post('/api/users/no-such-user/transfer-ownership'),
    );
    expect((await t.owner.get('/api/users')).status).toBe(200);
  });

  it('answers 403 to an editor', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    expectApiError(
      await editor.client.post(`/api/users/${editor.user.id}/transfer-ownership`),
      403,
    );
    expect(await userRow(t, editor.user.id)).toMatchObject({ role: 'editor' });
  });
});

describe('two owners acting against each other at once', () => {
  it.each([
    ['demote', { role: 'editor' }],
    ['disable', { disabled: true }],
  ])(
    'two concurrent requests that %s each other leave one enabled owner',
    async (_what, change) => {
      const t = await apps.workspace();
      const other = await signInAs(t, 'owner');
      // Open enough pooled connections first that both requests are in flight together.
      await Promise.all(
        [t.owner, other.client, t.owner, other.client].map((c) => c.get('/api/auth/me')),
      );
      const [a, b] = await Promise.all([
        t.owner.patch(`/api/users/${other.user.id}`, unchecked({ version: 1, ...change })),
        other.client.patch(`/api/users/${t.user.id}`, unchecked({ version: 1, ...change })),
      ]);
      const statuses = [a.status, b.status].sort();
      // One wins; the other is refused as the last owner, or finds its session already ended.
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const loser = a.status === 200 ? b : a;
      if (loser.status === 409) expectApiError(loser, 409, { code: 'last_owner' });
      expect(await enabledOwnerCount(t)).toBe(1);
    },
  );
});
