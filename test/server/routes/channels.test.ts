import { afterEach, describe, expect, it } from 'vitest';
import { insertChannel } from '../../../server/db/queries/channels';
import { createWorkspace, unchecked, type Workspace } from '../../support/app';
import {
  addMember,
  deadPort,
  startWebhookReceiver,
  type TestWebhookReceiver,
} from '../../support/alerts';

let t: Workspace;
let receiver: TestWebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await t?.close();
});

const HOOK = 'https://hooks.example.com/services/T000/B000/XXXX';

describe('who may manage channels', () => {
  it.each(['editor', 'viewer'] as const)(
    'answers 403 to an %s on every channel route',
    async (role) => {
      t = await createWorkspace();
      const channel = (
        await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: HOOK })
      ).body;
      const member = await addMember(t, { role });
      const calls = [
        member.client.get('/api/channels'),
        member.client.post('/api/channels', { type: 'slack', name: 'Mine', url: HOOK }),
        member.client.patch(`/api/channels/${channel.id}`, { version: 1, name: 'Renamed' }),
        member.client.delete(`/api/channels/${channel.id}`),
        member.client.post(`/api/channels/${channel.id}/test`),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
      }
      expect((await t.owner.get('/api/channels')).body.items).toEqual([
        expect.objectContaining({ id: channel.id, name: 'Team', version: 1 }),
      ]);
    },
  );

  it('answers 401 without a session', async () => {
    t = await createWorkspace();
    expect((await t.client().get('/api/channels')).status).toBe(401);
    expect(
      (await t.client().post('/api/channels', { type: 'slack', name: 'x', url: HOOK })).status,
    ).toBe(401);
  });
});

describe('POST /api/channels', () => {
  it('creates a JSON channel and shows its signing secret once', async () => {
    t = await createWorkspace();
    const res = await t.owner.post('/api/channels', {
      type: 'json',
      name: 'Ops',
      url: 'https://ops.example.com/hook',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'json',
      name: 'Ops',
      url: 'https://ops.example.com/hook',
      enabled: true,
      hasSecret: true,
      version: 1,
      createdAt: '2026-03-01T12:00:00.000Z',
    });
    expect(res.body.secret).toMatch(/^whsec_[\w-]{20,}$/);

    const list = await t.owner.get('/api/channels');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: res.body.id, secret: null, hasSecret: true });
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
  });

  it('creates Slack and Discord channels without a secret', async () => {
    t = await createWorkspace();
    for (const type of ['slack', 'discord']) {
      const res = await t.owner.post(
        '/api/channels',
        unchecked({
          type,
          name: type,
          url: HOOK,
          enabled: false,
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ type, secret: null, hasSecret: false, enabled: false });
    }
  });

  it.each([
    ['an unknown type', { type: 'teams', name: 'x', url: HOOK }, 'type'],
    ['a non-http URL', { type: 'slack', name: 'x', url: 'ftp://hooks.example.com/x' }, 'url'],
    ['a blank name', { type: 'slack', name: '   ', url: HOOK }, 'name'],
  ])('answers 400 naming the field for %s', async (_what, body, field) => {
    t = await createWorkspace();
    const res = await t.owner.post('/api/channels', unchecked(body));
    expect(res.status).toBe(400);
    expect(res.body.error.issues!.map((i: { path: string }) => i.path)).toEqual([field]);
    expect((await t.owner.get('/api/channels')).body.items).toEqual([]);
  });

  it.each([
    ['http://127.0.0.1:1/x', 'Refused: 127.0.0.1 is a loopback address'],
    ['http://169.254.169.254/latest', 'Refused: 169.254.169.254 is a link-local address'],
    ['http://[::1]/', 'Refused: [::1] is a loopback address'],
    ['http://10.0.0.1/', 'Refused: 10.0.0.1 is a private address'],
    ['http://[::ffff:192.168.1.1]/', 'Refused: [::ffff:c0a8:101] is a private address'],
  ])(
    'answers 400 naming url for %s when private addresses are not allowed',
    async (url, reason) => {
      t = await createWorkspace({ webhookAllowPrivate: false });
      const res = await t.owner.post('/api/channels', { type: 'json', name: 'Inside', url });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues).toEqual([
        { path: 'url', message: `${reason} (set WEBHOOK_ALLOW_PRIVATE=true to allow)` },
      ]);
      expect((await t.owner.get('/api/channels')).body.items).toEqual([]);
    },
  );

  it('answers 400 naming url for a name that resolves to loopback', async () => {
    t = await createWorkspace({ webhookAllowPrivate: false });
    const res = await t.owner.post('/api/channels', {
      type: 'slack',
      name: 'Local',
      url: 'http://localhost:8080/hook',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      {
        path: 'url',
        message:
          'Refused: localhost resolves to a loopback address (set WEBHOOK_ALLOW_PRIVATE=true to allow)',
      },
    ]);
  });

  it('accepts a name that does not resolve (each send checks it again)', async () => {
    t = await createWorkspace({ webhookAllowPrivate: false });
    const url = 'https://hooks.sponsorcal.invalid/hook';
    const res = await t.owner.post('/api/channels', { type: 'slack', name: 'Later', url });
    expect(res).toMatchObject({ status: 201, body: { url } });
  });

  it('accepts loopback and private addresses when WEBHOOK_ALLOW_PRIVATE is on', async () => {
    t = await createWorkspace({ webhookAllowPrivate: true });
    for (const url of [
      'http://127.0.0.1:1/x',
      'http://localhost:8080/hook',
      'http://10.0.0.1/',
      'http://[::1]/',
    ]) {
      expect((await t.owner.post('/api/channels', { type: 'slack', name: url, url })).status).toBe(
        201,
      );
    }
  });
});

describe('PATCH /api/channels/:id', () => {
  it('answers 400 naming url when the URL is moved inside the network, and keeps the channel as it was', async () => {
    t = await createWorkspace({ webhookAllowPrivate: false });
    const created = (
      await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: HOOK })
    ).body;
    const res = await t.owner.patch(`/api/channels/${created.id}`, {
      version: 1,
      url: 'http://169.254.169.254/latest',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues!.map((i: { path: string }) => i.path)).toEqual(['url']);
    expect((await t.owner.get('/api/channels')).body.items[0]).toMatchObject({
      url: HOOK,
      version: 1,
    });
    // Changing anything but the URL is not checked again.
    expect(
      (await t.owner.patch(`/api/channels/${created.id}`, { version: 1, name: 'Renamed' })).status,
    ).toBe(200);
  });

  it('updates with the current version and answers 409 to a stale one', async () => {
    t = await createWorkspace();
    const created = (await t.owner.post('/api/channels', { type: 'json', name: 'Ops', url: HOOK }))
      .body;
    t.clock.advance(60_000);

    const first = await t.owner.patch(`/api/channels/${created.id}`, {
      version: 1,
      name: 'Operations',
      enabled: false,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      name: 'Operations',
      enabled: false,
      version: 2,
      secret: null,
      hasSecret: true,
      updatedAt: '2026-03-01T12:01:00.000Z',
    });

    const stale = await t.owner.patch(`/api/channels/${created.id}`, {
      version: 1,
      name: 'Someone else',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await t.owner.get('/api/channels')).body.items[0]).toMatchObject({
      name: 'Operations',
      version: 2,
    });
  });

  it('rotates the secret of a JSON channel and shows the new one once', async () => {
    t = await createWorkspace();
    const created = (await t.owner.post('/api/channels', { type: 'json', name: 'Ops', url: HOOK }))
      .body;
    const rotated = await t.owner.patch(`/api/channels/${created.id}`, {
      version: 1,
      rotateSecret: true,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(rotated.body.version).toBe(2);
    expect((await t.owner.get('/api/channels')).body.items[0]!.secret).toBeNull();
  });

  it('gives a Slack channel no secret when asked to rotate', async () => {
    t = await createWorkspace();
    const created = (
      await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: HOOK })
    ).body;
    const res = await t.owner.patch(`/api/channels/${created.id}`, {
      version: 1,
      rotateSecret: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ secret: null, hasSecret: false });
  });

  it('answers 400 without a version and 404 for an unknown channel', async () => {
    t = await createWorkspace();
    const created = (
      await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: HOOK })
    ).body;
    const noVersion = await t.owner.patch(`/api/channels/${created.id}`, unchecked({ name: 'x' }));
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.issues!.map((i: { path: string }) => i.path)).toEqual(['version']);
    expect((await t.owner.patch('/api/channels/nope', { version: 1, name: 'x' })).status).toBe(404);
  });
});

describe('DELETE /api/channels/:id', () => {
  it('removes the channel, then answers 404', async () => {
    t = await createWorkspace();
    const created = (
      await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: HOOK })
    ).body;
    const res = await t.owner.delete(`/api/channels/${created.id}`);
    expect(res.status).toBe(204);
    expect((await t.owner.get('/api/channels')).body.items).toEqual([]);
    expect((await t.owner.delete(`/api/channels/${created.id}`)).status).toBe(404);
  });
});

describe('POST /api/channels/:id/test', () => {
  it('reports ok after posting a signed test message to a live receiver', async () => {
    t = await createWorkspace();
    receiver = await startWebhookReceiver();
    const created = (
      await t.owner.post('/api/channels', { type: 'json', name: 'Ops', url: receiver.url })
    ).body;
    receiver.secret = created.secret;

    const res = await t.owner.post(`/api/channels/${created.id}/test`);
    expect(res).toMatchObject({ status: 200, body: { ok: true, error: null } });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request?.signatureValid).toBe(true);
    expect(request?.idempotencyKey).toMatch(/^test-/);
    expect(request?.json).toMatchObject({
      type: 'test',
      headline: 'Test from Sponsorcal',
      alert: null,
    });
  });

  it('reports ok with a Slack-shaped test message', async () => {
    t = await createWorkspace();
    receiver = await startWebhookReceiver();
    const created = (
      await t.owner.post('/api/channels', { type: 'slack', name: 'Team', url: receiver.url })
    ).body;
    expect((await t.owner.post(`/api/channels/${created.id}/test`)).body).toEqual({
      ok: true,
      error: null,
    });
    expect(Object.keys(receiver.received[0]?.json as object)).toEqual(['text']);
  });

  it('reports the error when nothing listens at the URL', async () => {
    t = await createWorkspace();
    const port = await deadPort();
    const created = (
      await t.owner.post('/api/channels', {
        type: 'json',
        name: 'Gone',
        url: `http://127.0.0.1:${port}/hook`,
      })
    ).body;
    const res = await t.owner.post(`/api/channels/${created.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toContain(`Could not reach 127.0.0.1:${port}`);
  });

  it('reports the status when the receiver refuses the message', async () => {
    t = await createWorkspace();
    receiver = await startWebhookReceiver();
    receiver.respond = () => ({ status: 401, body: 'bad signature' });
    const created = (
      await t.owner.post('/api/channels', { type: 'json', name: 'Ops', url: receiver.url })
    ).body;
    const res = await t.owner.post(`/api/channels/${created.id}/test`);
    expect(res.body).toEqual({ ok: false, error: 'HTTP 401 (Unauthorized)' });
    expect(res.text).not.toContain('bad signature');
  });

  it('answers 404 for an unknown channel', async () => {
    t = await createWorkspace();
    expect((await t.owner.post('/api/channels/nope/test')).status).toBe(404);
  });
  describe('a channel stored pointing inside the network', () => {
    const SECRET = 'INTERNAL-SECRET-4711';

    /** An internal service that leaks a secret in its error page, and a channel saved before the check existed. */
    async function internalChannel(webhookAllowPrivate: boolean) {
      t = await createWorkspace({ webhookAllowPrivate });
      receiver = await startWebhookReceiver();
      receiver.respond = () => ({ status: 500, body: SECRET });
      const channel = await insertChannel(
        t.db,
        { type: 'json', name: 'Admin', url: `http://127.0.0.1:${receiver.port}/admin` },
        t.clock.now(),
      );
      return channel.id;
    }

    it('refuses to send the test message, and the service gets no request', async () => {
      const id = await internalChannel(false);
      const res = await t.owner.post(`/api/channels/${id}/test`);
      expect(res).toMatchObject({
        status: 200,
        body: {
          ok: false,
          error:
            'Refused: 127.0.0.1 is a loopback address (set WEBHOOK_ALLOW_PRIVATE=true to allow)',
        },
      });
      expect(receiver!.received).toHaveLength(0);
    });

    it('sends it when allowed, and reports the status without the body', async () => {
      const id = await internalChannel(true);
      const res = await t.owner.post(`/api/channels/${id}/test`);
      expect(res.body).toEqual({ ok: false, error: 'HTTP 500 (Internal Server Error)' });
      expect(receiver!.received).toHaveLength(1);
      expect(res.text).not.toContain(SECRET);
    });
  });
});
