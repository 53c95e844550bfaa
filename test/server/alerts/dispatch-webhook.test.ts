import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeliveries } from '../../../server/alerts/dispatch';
import { createWorkspace, type Workspace } from '../../support/app';
import {
  alertRows,
  at,
  createChannel,
  createDeliverable,
  DAY,
  deliveryRows,
  scan,
  startWebhookReceiver,
  verifySignature,
  type TestWebhookReceiver,
} from '../../support/alerts';

const APP_URL = 'https://cal.example.com';
// The workspace clock reads 2026-03-01T12:00Z.
const DRAFT_DUE = '2026-03-02T17:00:00.000Z';

let t: Workspace;
let receiver: TestWebhookReceiver;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  await t?.close();
});

const LINK_SECRET = randomBytes(32);

/** Drains the outbox; the receiver listens on loopback, so private addresses are allowed unless told. */
function send(now: Date | string = t.clock.now(), webhookAllowPrivate = true) {
  return runDeliveries({
    db: t.db,
    now: new Date(now),
    appUrl: APP_URL,
    email: null,
    linkSecret: LINK_SECRET,
    webhookAllowPrivate,
  });
}

/** A workspace with one channel and one draft due soon, scanned: one webhook delivery pending. */
async function oneDelivery(type: 'slack' | 'discord' | 'json', title = 'Spring haul') {
  t = await createWorkspace();
  const channel = await createChannel(t.owner, { type, url: receiver.url });
  receiver.secret = channel.secret;
  const deliverable = await createDeliverable(t.owner, t.deal.id, { title, draftDueAt: DRAFT_DUE });
  await scan(t);
  const [delivery] = await deliveryRows(t.db);
  const [alert] = await alertRows(t.db);
  return { channel, deliverable, delivery: delivery!, alert: alert! };
}

describe('webhook payloads', () => {
  it('posts {text} to a Slack channel', async () => {
    const { deliverable } = await oneDelivery('slack');
    expect(await send()).toMatchObject({ sent: 1 });

    const [request] = receiver.received;
    expect(request?.headers['content-type']).toBe('application/json');
    const body = request?.json as { text: string };
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toContain('*Draft due soon*');
    expect(body.text).toContain('Draft due tomorrow at 5:00 PM UTC: “Spring haul” for Acme');
    expect(body.text).toContain(`<${APP_URL}/?deliverable=${deliverable.id}|Open in Sponsorcal>`);
  });

  it('escapes &, < and > in Slack text, so a title cannot ping the channel or forge a link', async () => {
    const { deliverable } = await oneDelivery(
      'slack',
      '<!channel> Q&A <https://evil.example|invoice>',
    );
    await send();

    const { text } = receiver.received[0]?.json as { text: string };
    expect(text).toContain('&lt;!channel&gt; Q&amp;A &lt;https://evil.example|invoice&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example');
    // The app's own link keeps Slack's link syntax.
    expect(text).toContain(`<${APP_URL}/?deliverable=${deliverable.id}|Open in Sponsorcal>`);
  });

  it('posts {content} to a Discord channel, with mentions off', async () => {
    const { deliverable } = await oneDelivery('discord', '@everyone look');
    expect(await send()).toMatchObject({ sent: 1 });

    const body = receiver.received[0]?.json as { content: string; allowed_mentions: unknown };
    expect(body.content).toContain('**Draft due soon**');
    expect(body.content).toContain('“@everyone look” for Acme');
    expect(body.content).toContain(`${APP_URL}/?deliverable=${deliverable.id}`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('signs a JSON delivery with the channel secret, and sends its timestamp and Idempotency-Key', async () => {
    const { channel, delivery, alert, deliverable } = await oneDelivery('json');
    expect(channel.secret).toMatch(/\S{20,}/);
    expect(await send()).toMatchObject({ sent: 1 });

    const [request] = receiver.received;
    expect(request?.idempotencyKey).toBe(delivery.id);
    expect(request?.timestamp).toBe(String(Math.floor(t.clock.now().getTime() / 1000)));
    expect(request?.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request?.signatureValid).toBe(true);
    expect(
      verifySignature(
        'whsec_not_the_secret',
        request!.timestamp!,
        request!.rawBody,
        request!.signature!,
      ),
    ).toBe(false);
    expect(request?.json).toEqual({
      type: 'alert',
      idempotencyKey: delivery.id,
      sentAt: t.clock.now().toISOString(),
      headline: 'Draft due soon',
      text: 'Draft due tomorrow at 5:00 PM UTC: “Spring haul” for Acme',
      link: `${APP_URL}/?deliverable=${deliverable.id}`,
      alert: {
        id: alert.id,
        rule: 'draft_due_soon',
        subjectType: 'deliverable',
        subjectId: deliverable.id,
        dueAt: DRAFT_DUE,
        severity: 'warning',
        message: alert.message,
      },
    });
  });

  it('signs with the new secret after the secret is rotated', async () => {
    const { channel } = await oneDelivery('json');
    const rotated = await t.owner.patch(`/api/channels/${channel.id}`, {
      version: channel.version,
      rotateSecret: true,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(channel.secret);
    await send();

    const [request] = receiver.received;
    expect(
      verifySignature(
        rotated.body.secret!,
        request!.timestamp!,
        request!.rawBody,
        request!.signature!,
      ),
    ).toBe(true);
    expect(
      verifySignature(channel.secret!, request!.timestamp!, request!.rawBody, request!.signature!),
    ).toBe(false);
  });
});

describe('webhook retries', () => {
  it('retries 30 s after a 500 and then sends, with the same Idempotency-Key', async () => {
    const { delivery } = await oneDelivery('json');
    receiver.respond = (_request, index) =>
      index === 0 ? { status: 500, body: 'boom' } : { status: 200 };
    const now = t.clock.now();

    expect(await send(now)).toEqual({ sent: 0, retried: 1, failed: 0, cancelled: 0 });
    const [waiting] = await deliveryRows(t.db);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(now, 30_000),
      claimedUntil: null,
    });
    expect(waiting?.lastError).toBe('HTTP 500 (Internal Server Error)');

    expect(await send(at(now, 30_000 - 1))).toMatchObject({ sent: 0, retried: 0 });
    expect(receiver.received).toHaveLength(1);

    expect(await send(at(now, 30_000))).toMatchObject({ sent: 1 });
    const [sent] = await deliveryRows(t.db);
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
      sentAt: at(now, 30_000),
    });
    expect(receiver.received.map((r) => r.idempotencyKey)).toEqual([delivery.id, delivery.id]);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  });

  it('gives up after 8 attempts with exponential backoff, and shows the failure in the API and health', async () => {
    const { alert } = await oneDelivery('json');
    receiver.respond = () => ({ status: 503, body: 'down for maintenance' });
    const backoffs = [30, 60, 120, 240, 480, 960, 1920].map((s) => s * 1000);

    let now = t.clock.now().toISOString();
    for (let attempt = 1; attempt <= 8; attempt++) {
      const result = await send(now);
      const [delivery] = await deliveryRows(t.db);
      expect(delivery?.attempts).toBe(attempt);
      if (attempt < 8) {
        expect(result).toMatchObject({ retried: 1, failed: 0 });
        const wait = backoffs[attempt - 1]!;
        expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: at(now, wait) });
        // Not a millisecond early.
        expect(await send(at(now, wait - 1))).toMatchObject({ retried: 0, failed: 0, sent: 0 });
        now = at(now, wait);
      } else {
        expect(result).toMatchObject({ retried: 0, failed: 1 });
        expect(delivery).toMatchObject({
          status: 'failed',
          lastError: 'HTTP 503 (Service Unavailable)',
        });
      }
    }
    expect(receiver.received).toHaveLength(8);
    expect(new Set(receiver.received.map((r) => r.idempotencyKey)).size).toBe(1);

    // Nothing more, ever.
    expect(await send(at(now, 30 * DAY))).toEqual({ sent: 0, retried: 0, failed: 0, cancelled: 0 });
    expect(receiver.received).toHaveLength(8);

    const list = await t.owner.get(`/api/alerts?state=all&subjectId=${alert.subjectId}`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]!.deliveries).toEqual([
      expect.objectContaining({
        channelType: 'webhook',
        status: 'failed',
        attempts: 8,
        lastError: 'HTTP 503 (Service Unavailable)',
        sentAt: null,
      }),
    ]);
    const health = await t.client().get('/api/health');
    expect(health.body.deliveries).toEqual({ pending: 0, failed: 1 });
  });

  it('treats a redirect as a failure instead of following it', async () => {
    await oneDelivery('json');
    receiver.respond = (_request, index) =>
      index === 0 ? { status: 302, body: '' } : { status: 200 };
    expect(await send()).toMatchObject({ sent: 0, retried: 1 });
    expect(receiver.received).toHaveLength(1);
    expect((await deliveryRows(t.db))[0]?.lastError).toBe('HTTP 302 (Found)');
  });
});

describe('webhooks to the inside network', () => {
  const SECRET = 'INTERNAL-SECRET-4711';

  it('refuses a channel on a loopback address when private addresses are not allowed: nothing is sent', async () => {
    await oneDelivery('json');
    receiver.respond = () => ({ status: 500, body: SECRET });

    expect(await send(t.clock.now(), false)).toMatchObject({ sent: 0, retried: 1 });
    expect(receiver.received).toHaveLength(0);
    expect((await deliveryRows(t.db))[0]).toMatchObject({
      status: 'pending',
      lastError:
        'Refused: 127.0.0.1 is a loopback address (set WEBHOOK_ALLOW_PRIVATE=true to allow)',
    });
  });

  it("keeps the status, never the receiver's body, as the last error", async () => {
    const { alert } = await oneDelivery('json');
    receiver.respond = () => ({ status: 500, body: SECRET });

    expect(await send(t.clock.now(), true)).toMatchObject({ sent: 0, retried: 1 });
    expect(receiver.received).toHaveLength(1);
    expect((await deliveryRows(t.db))[0]?.lastError).toBe('HTTP 500 (Internal Server Error)');
    const list = await t.owner.get(`/api/alerts?state=all&subjectId=${alert.subjectId}`);
    expect(list.text).toContain('HTTP 500 (Internal Server Error)');
    expect(list.text).not.toContain(SECRET);
  });
});

describe('channels that are off', () => {
  it('cancels pending deliveries of a channel turned off, and raises none for it afterwards', async () => {
    const { channel } = await oneDelivery('json');
    const off = await t.owner.patch(`/api/channels/${channel.id}`, {
      version: channel.version,
      enabled: false,
    });
    expect(off).toMatchObject({ status: 200, body: { enabled: false } });

    expect(await send()).toMatchObject({ sent: 0, cancelled: 1 });
    expect((await deliveryRows(t.db))[0]).toMatchObject({ status: 'cancelled' });
    expect(receiver.received).toHaveLength(0);

    await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(DRAFT_DUE, 1000) });
    await scan(t);
    expect(await alertRows(t.db)).toHaveLength(2);
    expect(await deliveryRows(t.db)).toHaveLength(1);
  });
});
