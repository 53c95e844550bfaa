import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/tokens';
import type { AuditEntry, AuditPage } from '../../../shared/schemas/team';
import { auditPageSchema } from '../../../shared/schemas/team';
import {
  OWNER,
  TEAM_PASSWORD,
  addUser,
  signInAs,
  type TestClient,
  type TestResponse,
} from '../../support/app';
import { dataSnapshot, expectApiError, expectRefused, trackApps } from '../helpers';

const apps = trackApps();
type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

// The test clock reads 2026-03-01T12:00:00.000Z until a test moves it.
const SECOND = 1_000;
const BOOKKEEPING = ['id', 'version', 'createdAt', 'updatedAt'];
const HOOK = 'https://hooks.example.com/services/T123/B456/abcdef';

async function auditPage(
  client: TestClient,
  query: Record<string, string> = {},
): Promise<AuditPage> {
  const res = await client.get(`/api/audit?${new URLSearchParams(query).toString()}`);
  if (res.status !== 200) throw new Error(`audit failed: ${res.status} ${res.text}`);
  return auditPageSchema.parse(res.body);
}

/** Every entry about one entity, newest first. */
async function entriesFor(t: Workspace, entityId: string): Promise<AuditEntry[]> {
  return (await auditPage(t.owner, { entityId, limit: '200' })).items;
}

async function allEntries(t: Workspace): Promise<AuditEntry[]> {
  return (await auditPage(t.owner, { limit: '200' })).items;
}

function ok<T>(res: TestResponse<T>, status: number): T {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  return res.body;
}

function expectNoBookkeeping(entry: AuditEntry): void {
  for (const field of BOOKKEEPING) expect(entry.changes).not.toHaveProperty(field);
}

interface Lifecycle {
  entityType: AuditEntry['entityType'];
  /** Creates the entity; answers its id. */
  create(t: Workspace): Promise<string>;
  /** A field the create entry must carry, with its value. */
  created: [string, unknown];
  /** Changes exactly the fields of `changes` (and sends some unchanged ones too). */
  update(t: Workspace, id: string): Promise<unknown>;
  changes: Record<string, { from: unknown; to: unknown }>;
  remove(t: Workspace, id: string): Promise<unknown>;
  /** A field the delete entry must carry, with its last value. */
  removed: [string, unknown];
}

const LIFECYCLES: Lifecycle[] = [
  {
    entityType: 'brand',
    create: async (t) =>
      ok(await t.owner.post('/api/brands', { name: 'Globex', category: 'food' }), 201).id,
    created: ['name', 'Globex'],
    update: async (t, id) =>
      ok(
        await t.owner.patch(`/api/brands/${id}`, {
          version: 1,
          name: 'Globex Corp',
          category: 'food',
        }),
        200,
      ),
    changes: { name: { from: 'Globex', to: 'Globex Corp' } },
    remove: async (t, id) => ok(await t.owner.delete(`/api/brands/${id}`), 204),
    removed: ['name', 'Globex Corp'],
  },
  {
    entityType: 'deal',
    create: async (t) =>
      ok(
        await t.owner.post('/api/deals', { brandId: t.brand.id, title: 'Spring', feeCents: 5_000 }),
        201,
      ).id,
    created: ['title', 'Spring'],
    update: async (t, id) =>
      ok(
        await t.owner.patch(`/api/deals/${id}`, {
          version: 1,
          title: 'Spring push',
          feeCents: 7_500,
          notes: '',
        }),
        200,
      ),
    changes: { title: { from: 'Spring', to: 'Spring push' }, feeCents: { from: 5_000, to: 7_500 } },
    remove: async (t, id) => ok(await t.owner.delete(`/api/deals/${id}`), 204),
    removed: ['title', 'Spring push'],
  },
  {
    entityType: 'deliverable',
    create: async (t) =>
      ok(
        await t.owner.post('/api/deliverables', {
          dealId: t.deal.id,
          title: 'Reel',
          platform: 'tiktok',
        }),
        201,
      ).id,
    created: ['title', 'Reel'],
    update: async (t, id) =>
      ok(
        await t.owner.patch(`/api/deliverables/${id}`, {
          version: 1,
          status: 'drafting',
          title: 'Reel',
        }),
        200,
      ),
    changes: { status: { from: 'planned', to: 'drafting' } },
    remove: async (t, id) => ok(await t.owner.delete(`/api/deliverables/${id}`), 204),
    removed: ['status', 'drafting'],
  },
  {
    entityType: 'invoice',
    create: async (t) =>
      ok(await t.owner.post('/api/invoices', { dealId: t.deal.id, amountCents: 50_000 }), 201).id,
    created: ['amountCents', 50_000],
    update: async (t, id) =>
      ok(
        await t.owner.patch(`/api/invoices/${id}`, {
          version: 1,
          notes: 'Net 30 please',
          amountCents: 50_000,
        }),
        200,
      ),
    changes: { notes: { from: '', to: 'Net 30 please' } },
    remove: async (t, id) => ok(await t.owner.delete(`/api/invoices/${id}`), 204),
    removed: ['notes', 'Net 30 please'],
  },
  {
    entityType: 'channel',
    create: async (t) =>
      ok(await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: HOOK }), 201).id,
    created: ['name', 'Team'],
    update: async (t, id) =>
      ok(
        await t.owner.patch(`/api/channels/${id}`, { version: 1, enabled: false, name: 'Team' }),
        200,
      ),
    changes: { enabled: { from: true, to: false } },
    remove: async (t, id) => ok(await t.owner.delete(`/api/channels/${id}`), 204),
    removed: ['name', 'Team'],
  },
];

describe('what the trail records', () => {
  it.each(LIFECYCLES.map((l) => [l.entityType, l] as const))(
    'creating, updating and deleting a %s each write one entry',
    async (_type, life) => {
      const t = await apps.workspace();
      t.clock.advance(SECOND);
      const id = await life.create(t);
      t.clock.advance(SECOND);
      await life.update(t, id);
      t.clock.advance(SECOND);
      await life.remove(t, id);

      const entries = await entriesFor(t, id);
      expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
      const actor = { id: t.user.id, name: OWNER.name };
      for (const entry of entries) {
        expect(entry).toMatchObject({
          actor,
          via: 'session',
          entityType: life.entityType,
          entityId: id,
        });
        expect(entry.summary.length).toBeGreaterThan(0);
        expectNoBookkeeping(entry);
      }
      const [deleted, updated, created] = entries as [AuditEntry, AuditEntry, AuditEntry];
      expect(created.at).toBe('2026-03-01T12:00:01.000Z');
      expect(created.changes[life.created[0]]).toEqual({ to: life.created[1] });
      expect(updated.at).toBe('2026-03-01T12:00:02.000Z');
      expect(updated.changes).toEqual(life.changes);
      expect(deleted.at).toBe('2026-03-01T12:00:03.000Z');
      expect(deleted.changes[life.removed[0]]).toEqual({ from: life.removed[1] });
    },
  );

  it('adding and removing a payment each write one payment entry, none for the invoice', async () => {
    const t = await apps.workspace();
    const invoice = ok(
      await t.owner.post('/api/invoices', {
        dealId: t.deal.id,
        amountCents: 50_000,
        status: 'sent',
      }),
      201,
    );
    t.clock.advance(SECOND);
    const paid = ok(
      await t.owner.post(`/api/invoices/${invoice.id}/payments`, {
        amountCents: 20_000,
        paidOn: '2026-02-28',
      }),
      201,
    );
    const paymentId = paid.payments[0]!.id as string;
    t.clock.advance(SECOND);
    ok(await t.owner.delete(`/api/invoices/${invoice.id}/payments/${paymentId}`), 200);

    const entries = await entriesFor(t, paymentId);
    expect(entries.map((e) => [e.action, e.entityType, e.via])).toEqual([
      ['delete', 'payment', 'session'],
      ['create', 'payment', 'session'],
    ]);
    expect(entries[1]!.changes).toMatchObject({
      amountCents: { to: 20_000 },
      paidOn: { to: '2026-02-28' },
    });
    expect(entries[0]!.changes).toMatchObject({ amountCents: { from: 20_000 } });
    for (const entry of entries) {
      expect(entry.actor).toEqual({ id: t.user.id, name: OWNER.name });
      expectNoBookkeeping(entry);
    }
    expect((await entriesFor(t, invoice.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('changing the workspace settings writes one entry with the changed fields only', async () => {
    const t = await apps.workspace();
    const settings = (await t.owner.get('/api/settings')).body;
    t.clock.advance(SECOND);
    ok(
      await t.owner.patch('/api/settings', {
        version: settings.version,
        name: 'Studio Mia',
        currency: settings.currency,
        defaultPaymentTermsDays: settings.defaultPaymentTermsDays + 1,
      }),
      200,
    );
    const entries = (await auditPage(t.owner, { entityType: 'settings' })).items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { id: t.user.id, name: OWNER.name },
      via: 'session',
      action: 'update',
      entityType: 'settings',
      at: '2026-03-01T12:00:01.000Z',
    });
    expect(entries[0]!.changes).toEqual({
      name: { from: settings.name, to: 'Studio Mia' },
      defaultPaymentTermsDays: {
        from: settings.defaultPaymentTermsDays,
        to: settings.defaultPaymentTermsDays + 1,
      },
    });
  });

  it('a PATCH that changes nothing writes no entry', async () => {
    const t = await apps.workspace();
    const settings = (await t.owner.get('/api/settings')).body;
    const editor = await addUser(t, { role: 'editor' });
    const deliverable = ok(
      await t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title: 'Reel',
        platform: 'tiktok',
      }),
      201,
    );
    const before = (await allEntries(t)).map((e) => e.id);

    ok(
      await t.owner.patch(`/api/brands/${t.brand.id}`, {
        version: 1,
        name: 'Acme',
        category: 'tech',
      }),
      200,
    );
    ok(await t.owner.patch(`/api/deals/${t.deal.id}`, { version: 1, title: 'Launch' }), 200);
    ok(
      await t.owner.patch(`/api/deliverables/${deliverable.id}`, { version: 1, title: 'Reel' }),
      200,
    );
    ok(
      await t.owner.patch('/api/settings', { version: settings.version, name: settings.name }),
      200,
    );
    ok(await t.owner.patch(`/api/users/${editor.id}`, { version: 1, role: 'editor' }), 200);
    ok(await t.owner.patch('/api/me', { version: 1, name: OWNER.name }), 200);

    expect((await allEntries(t)).map((e) => e.id)).toEqual(before);
  });

  it('records changes made with an API token as via token, naming the token’s user', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor', { name: 'Eddie Editor' });
    const token = ok(
      await editor.client.post('/api/me/tokens', { name: 'Script', scope: 'read_write' }),
      201,
    ).token;
    const bearer = { authorization: `Bearer ${token}` };
    t.clock.advance(SECOND);
    const created = await t
      .client()
      .post(
        '/api/deliverables',
        { dealId: t.deal.id, title: 'Via API', platform: 'youtube' },
        { headers: bearer },
      );
    const id = ok(created, 201).id;
    t.clock.advance(SECOND);
    ok(
      await t
        .client()
        .patch(
          `/api/deliverables/${id}`,
          { version: 1, title: 'Via API, renamed' },
          { headers: bearer },
        ),
      200,
    );

    const entries = await entriesFor(t, id);
    expect(entries.map((e) => [e.action, e.via, e.actor])).toEqual([
      ['update', 'token', { id: editor.user.id, name: 'Eddie Editor' }],
      ['create', 'token', { id: editor.user.id, name: 'Eddie Editor' }],
    ]);
    expect(entries[0]!.changes).toEqual({ title: { from: 'Via API', to: 'Via API, renamed' } });
  });

  it('records an invite and its acceptance (via public, by the new user)', async () => {
    const t = await apps.workspace();
    t.clock.advance(SECOND);
    const invite = ok(
      await t.owner.post('/api/invites', { role: 'editor', email: 'nina@example.com' }),
      201,
    );
    t.clock.advance(SECOND);
    const user = ok(
      await t.client().post(`/api/invites/${invite.token as string}/accept`, {
        name: 'Nina New',
        email: 'nina@example.com',
        password: 'a brand new teammate password',
      }),
      201,
    );

    const [inviteEntry] = await entriesFor(t, invite.id);
    expect(inviteEntry).toMatchObject({
      action: 'create',
      entityType: 'invite',
      via: 'session',
      actor: { id: t.user.id, name: OWNER.name },
      changes: { role: { to: 'editor' }, email: { to: 'nina@example.com' } },
    });
    const joined = await entriesFor(t, user.id);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({
      at: '2026-03-01T12:00:02.000Z',
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      via: 'public',
      actor: { id: user.id, name: 'Nina New' },
      changes: {
        name: { to: 'Nina New' },
        email: { to: 'nina@example.com' },
        role: { to: 'editor' },
      },
    });
    expect(JSON.stringify(joined[0]!.changes)).not.toMatch(/password/i);
  });
});

describe('refused changes leave no trace', () => {
  it('an update refused with 409 (stale version) writes no entry', async () => {
    const t = await apps.workspace();
    t.clock.advance(SECOND);
    ok(await t.owner.patch(`/api/brands/${t.brand.id}`, { version: 1, name: 'Acme 2' }), 200);
    const before = await dataSnapshot(t);
    expectApiError(
      await t.owner.patch(`/api/brands/${t.brand.id}`, { version: 1, name: 'Acme 3' }),
      409,
    );
    expectApiError(
      await t.owner.patch(`/api/deals/${t.deal.id}`, { version: 9, title: 'Nope' }),
      409,
    );
    expect(await dataSnapshot(t)).toEqual(before);
    expect((await entriesFor(t, t.brand.id)).map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('a role change refused after the update ran (last owner) is rolled back with its entry', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    expectApiError(
      await t.owner.patch(`/api/users/${t.user.id}`, { version: 1, role: 'viewer' }),
      409,
      {
        code: 'last_owner',
      },
    );
    expect(await dataSnapshot(t)).toEqual(before);
    expect((await entriesFor(t, t.user.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('a refused deal delete (it has a sent invoice) writes nothing', async () => {
    const t = await apps.workspace();
    ok(
      await t.owner.post('/api/invoices', {
        dealId: t.deal.id,
        amountCents: 10_000,
        status: 'sent',
      }),
      201,
    );
    ok(
      await t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title: 'Reel',
        platform: 'tiktok',
      }),
      201,
    );
    await expectRefused(t, { status: 409 }, () => t.owner.delete(`/api/deals/${t.deal.id}`));
  });

  it('a refused payment (more than is owed) writes nothing', async () => {
    const t = await apps.workspace();
    const invoice = ok(
      await t.owner.post('/api/invoices', {
        dealId: t.deal.id,
        amountCents: 10_000,
        status: 'sent',
      }),
      201,
    );
    await expectRefused(t, { status: 400, paths: ['amountCents'] }, () =>
      t.owner.post(`/api/invoices/${invoice.id}/payments`, {
        amountCents: 10_001,
        paidOn: '2026-03-01',
      }),
    );
  });
});

describe('GET /api/audit filters', () => {
  it('filters by entityType, entityId, actorId, action and a from/to window', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    t.clock.set('2026-03-01T13:00:00.000Z');
    const b1 = ok(await t.owner.post('/api/brands', { name: 'One' }), 201);
    t.clock.set('2026-03-01T13:00:01.000Z');
    const b2 = ok(await editor.client.post('/api/brands', { name: 'Two' }), 201);
    t.clock.set('2026-03-01T13:00:02.000Z');
    ok(await t.owner.patch(`/api/brands/${b1.id}`, { version: 1, name: 'One, renamed' }), 200);
    t.clock.set('2026-03-01T13:00:03.000Z');
    ok(await t.owner.delete(`/api/brands/${b2.id}`), 204);
    t.clock.set('2026-03-01T13:00:04.000Z');
    const deal = ok(await editor.client.post('/api/deals', { brandId: b1.id, title: 'Deal' }), 201);

    const pick = async (query: Record<string, string>) =>
      (await auditPage(t.owner, query)).items.map((e) => [e.action, e.entityType, e.entityId]);

    expect(await pick({ entityType: 'brand' })).toEqual([
      ['delete', 'brand', b2.id],
      ['update', 'brand', b1.id],
      ['create', 'brand', b2.id],
      ['create', 'brand', b1.id],
      ['create', 'brand', t.brand.id],
    ]);
    expect(await pick({ entityId: b1.id })).toEqual([
      ['update', 'brand', b1.id],
      ['create', 'brand', b1.id],
    ]);
    expect(await pick({ actorId: editor.user.id })).toEqual([
      ['create', 'deal', deal.id],
      ['create', 'brand', b2.id],
    ]);
    expect(await pick({ action: 'delete' })).toEqual([['delete', 'brand', b2.id]]);
    // `from` is inclusive, `to` exclusive.
    expect(
      await pick({ from: '2026-03-01T13:00:01.000Z', to: '2026-03-01T13:00:03.000Z' }),
    ).toEqual([
      ['update', 'brand', b1.id],
      ['create', 'brand', b2.id],
    ]);
    expect(await pick({ from: '2026-03-01T14:00:00+01:00' })).toEqual([
      ['create', 'deal', deal.id],
      ['delete', 'brand', b2.id],
      ['update', 'brand', b1.id],
      ['create', 'brand', b2.id],
      ['create', 'brand', b1.id],
    ]);
    expect(await pick({ entityType: 'brand', action: 'create', actorId: t.user.id })).toEqual([
      ['create', 'brand', b1.id],
      ['create', 'brand', t.brand.id],
    ]);
    expect(await pick({ entityType: 'invoice' })).toEqual([]);
  });

  it.each([
    ['an unknown entity type', { entityType: 'spaceship' }, 'entityType'],
    ['an unknown action', { action: 'explode' }, 'action'],
    ['a bad from', { from: 'yesterday' }, 'from'],
    ['a limit of 0', { limit: '0' }, 'limit'],
    ['a limit over 200', { limit: '201' }, 'limit'],
  ])('returns 400 naming the parameter for %s', async (_what, query, path) => {
    const t = await apps.workspace();
    const res = await t.owner.get(`/api/audit?${new URLSearchParams(query).toString()}`);
    expectApiError(res, 400, { code: 'validation_failed', paths: [path] });
  });
});

describe('GET /api/audit paging', () => {
  it('walks every entry newest first with limit and nextBefore, without duplicates or gaps', async () => {
    const t = await apps.workspace();
    for (let i = 1; i <= 11; i++) {
      t.clock.advance(SECOND);
      ok(await t.owner.post('/api/brands', { name: `Brand ${i}` }), 201);
    }
    const all = await allEntries(t);
    // Set-up (user, brand, deal) and the 11 brands.
    expect(all).toHaveLength(14);
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(14);
    for (let i = 1; i < all.length; i++) {
      expect(all[i - 1]!.at >= all[i]!.at).toBe(true);
    }
    expect(all.slice(0, 11).map((e) => e.summary)).toEqual(
      Array.from({ length: 11 }, (_, i) => expect.stringContaining(`Brand ${11 - i}`)),
    );

    for (const limit of [4, 7, 14, 200]) {
      const walked: string[] = [];
      const sizes: number[] = [];
      let before: string | null = null;
      for (let page = 0; page < 20; page++) {
        const query: Record<string, string> = {
          limit: String(limit),
          ...(before ? { before } : {}),
        };
        const res = await auditPage(t.owner, query);
        walked.push(...res.items.map((e) => e.id));
        sizes.push(res.items.length);
        before = res.nextBefore;
        if (!before) break;
        expect(before).toBe(res.items[res.items.length - 1]!.id);
      }
      expect(walked, `limit ${limit}`).toEqual(ids);
      expect(sizes.every((n) => n > 0 && n <= limit)).toBe(true);
      expect(sizes).toHaveLength(Math.ceil(14 / limit));
    }
  });

  it('pages within a filter', async () => {
    const t = await apps.workspace();
    for (let i = 1; i <= 5; i++) {
      t.clock.advance(SECOND);
      ok(await t.owner.post('/api/brands', { name: `Brand ${i}` }), 201);
    }
    const first = await auditPage(t.owner, { entityType: 'brand', limit: '4' });
    expect(first.items).toHaveLength(4);
    expect(first.nextBefore).not.toBeNull();
    const second = await auditPage(t.owner, {
      entityType: 'brand',
      limit: '4',
      before: first.nextBefore!,
    });
    expect(second.items).toHaveLength(2);
    expect(second.nextBefore).toBeNull();
    expect([...first.items, ...second.items].every((e) => e.entityType === 'brand')).toBe(true);
  });
});

describe('who may read the trail', () => {
  it.each(['editor', 'viewer'] as const)('answers 403 to the %s role', async (role) => {
    const t = await apps.workspace();
    const member = await signInAs(t, role);
    expectApiError(await member.client.get('/api/audit'), 403, { code: 'forbidden' });
  });

  it('answers 401 without a session', async () => {
    const t = await apps.workspace();
    expectApiError(await t.client().get('/api/audit'), 401);
  });
});

describe('secrets never reach the trail', () => {
  it('holds no password, hash, session token, API token, invite token, signing secret or webhook URL', async () => {
    const t = await apps.workspace();
    const secrets: string[] = [OWNER.password, TEAM_PASSWORD];
    const cookieToken = (c: TestClient) => c.cookie!.slice(c.cookie!.indexOf('=') + 1);
    const tick = () => t.clock.advance(SECOND);
    secrets.push(cookieToken(t.owner));

    // A teammate added and signed in, and a user joining by invite.
    const editor = await signInAs(t, 'editor');
    secrets.push(cookieToken(editor.client));
    tick();
    const invite = ok(await t.owner.post('/api/invites', { role: 'viewer' }), 201);
    secrets.push(invite.token, invite.url);
    const newcomerPassword = 'newcomer secret passphrase';
    const newcomer = t.client();
    tick();
    ok(
      await newcomer.post(`/api/invites/${invite.token as string}/accept`, {
        name: 'Nina New',
        email: 'nina@example.com',
        password: newcomerPassword,
      }),
      201,
    );
    secrets.push(newcomerPassword, cookieToken(newcomer));

    // The owner's password changes (the old hash is kept to look for it too).
    const oldHash = (
      await t.db
        .selectFrom('users')
        .select('passwordHash')
        .where('id', '=', t.user.id)
        .executeTakeFirstOrThrow()
    ).passwordHash;
    const newPassword = 'owner replaced passphrase';
    tick();
    ok(
      await t.owner.post('/api/me/password', { currentPassword: OWNER.password, newPassword }),
      204,
    );
    secrets.push(oldHash, newPassword, cookieToken(t.owner));

    // API tokens, one of them used to change something.
    tick();
    const token = ok(
      await t.owner.post('/api/me/tokens', { name: 'Script', scope: 'read_write' }),
      201,
    );
    const editorToken = ok(
      await editor.client.post('/api/me/tokens', { name: 'Theirs', scope: 'read' }),
      201,
    );
    secrets.push(token.token, editorToken.token, hashToken(token.token));
    tick();
    ok(
      await t
        .client()
        .post(
          '/api/brands',
          { name: 'Made by a script' },
          { headers: { authorization: `Bearer ${token.token}` } },
        ),
      201,
    );

    // Channels: a Slack webhook URL (itself a credential) and a signed JSON channel.
    const slackUrl = 'https://hooks.slack.com/services/T000/B000/SECRETPART';
    const otherSlackUrl = 'https://hooks.slack.com/services/T111/B111/OTHERSECRET';
    tick();
    const slack = ok(
      await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: slackUrl }),
      201,
    );
    tick();
    ok(await t.owner.patch(`/api/channels/${slack.id}`, { version: 1, url: otherSlackUrl }), 200);
    tick();
    const json = ok(
      await t.owner.post('/api/channels', {
        type: 'json',
        name: 'Ops',
        url: 'https://ops.example.com/hook/JSONPATHSECRET',
      }),
      201,
    );
    tick();
    const rotated = ok(
      await t.owner.patch(`/api/channels/${json.id}`, { version: 1, rotateSecret: true }),
      200,
    );
    expect(rotated.secret).not.toBe(json.secret);
    tick();
    ok(await t.owner.delete(`/api/channels/${slack.id}`), 204);
    secrets.push(
      slackUrl,
      otherSlackUrl,
      'SECRETPART',
      'OTHERSECRET',
      'T000/B000',
      json.secret!,
      rotated.secret!,
    );
    secrets.push('JSONPATHSECRET');

    const users = await t.db.selectFrom('users').select('passwordHash').execute();
    secrets.push(...users.map((u) => u.passwordHash));
    const sessions = await t.db.selectFrom('sessions').select('id').execute();
    expect(sessions.length).toBeGreaterThan(0);

    // Every row of the trail, read straight from the database.
    const rows = await t.db.selectFrom('auditLog').selectAll().execute();
    expect(rows.length).toBeGreaterThan(10);
    const dump = JSON.stringify(rows);
    for (const secret of secrets) {
      expect(typeof secret).toBe('string');
      expect(secret.length).toBeGreaterThanOrEqual(8);
      expect(dump.includes(secret), `the trail contains ${secret.slice(0, 12)}…`).toBe(false);
    }
    expect(dump).not.toMatch(/whsec_|scrypt\$/);

    // The facts are there, without the values.
    const entries = await allEntries(t);
    const passwordChange = entries.find(
      (e) => e.entityId === t.user.id && e.summary.includes('password'),
    );
    expect(passwordChange?.changes.passwordHash).toEqual({ from: '[redacted]', to: '[redacted]' });
    const rotation = entries.find((e) => e.entityId === json.id && e.action === 'update');
    expect(rotation?.changes.secret).toEqual({ from: '[redacted]', to: '[redacted]' });
    const move = entries.find((e) => e.entityId === slack.id && e.action === 'update');
    expect(move?.changes.url).toBeDefined();
    expect(entries.some((e) => e.entityType === 'api_token' && e.action === 'create')).toBe(true);
    expect(entries.some((e) => e.via === 'token')).toBe(true);
  });
});
