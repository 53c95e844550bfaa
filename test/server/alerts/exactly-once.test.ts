import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpSender, type EmailSender } from '../../../server/alerts/channels/email';
import { runDeliveries } from '../../../server/alerts/dispatch';
import { runAlertScan } from '../../../server/alerts/scan';
import { fixedClock } from '../../../server/clock';
import type { DatabaseHandle } from '../../../server/db/connect';
import { startJobs, type Jobs } from '../../../server/jobs';
import { createWorkspace, type Workspace } from '../../support/app';
import {
  alertRows,
  at,
  createChannel,
  databaseUrlOf,
  deliveryRows,
  DAY,
  HOUR,
  insertManyDeliverables,
  MINUTE,
  openSecondHandle,
  startSmtpServer,
  startWebhookReceiver,
  waitFor,
  type TestSmtpServer,
  type TestWebhookReceiver,
} from '../../support/alerts';

let t: Workspace | undefined;
let handles: DatabaseHandle[] = [];
let receiver: TestWebhookReceiver | undefined;
let smtp: TestSmtpServer | undefined;
let sender: EmailSender | undefined;
let jobs: Jobs | undefined;

afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  sender?.close();
  await Promise.all(handles.map((h) => h.close()));
  await receiver?.close();
  await smtp?.close();
  await t?.close();
  [t, receiver, smtp, sender, handles] = [undefined, undefined, undefined, undefined, []];
});

const APP_URL = 'https://sponsorcal.example.com';
/** What every sender here is given: the webhook receivers listen on loopback, so it may be reached. */
const SEND = { appUrl: APP_URL, webhookAllowPrivate: true, linkSecret: randomBytes(32) } as const;
const T = '2026-03-10T12:00:00.000Z';

/**
 * A workspace two days before T with a JSON webhook channel to a new receiver, which
 * checks the signatures it gets (closed after the test, like the workspace).
 */
async function workspaceWithWebhook(): Promise<{ t: Workspace; receiver: TestWebhookReceiver }> {
  t = await createWorkspace({ now: at(T, -2 * 24 * HOUR) });
  receiver = await startWebhookReceiver();
  const channel = await createChannel(t.owner, { type: 'json', url: receiver.url });
  receiver.secret = channel.secret;
  return { t, receiver };
}

function open(w: Workspace): DatabaseHandle {
  const handle = openSecondHandle(w);
  handles.push(handle);
  return handle;
}

/** `count` deliverables, each with an overdue draft and a go-live due soon: two alerts apiece. */
async function manyDueDeliverables(w: Workspace, count: number): Promise<string[]> {
  return insertManyDeliverables(
    w.db,
    w.deal.id,
    count,
    (i) => ({ draftDueAt: at(T, -(i + 1) * MINUTE), publishAt: at(T, (i + 1) * MINUTE) }),
    new Date(at(T, -2 * 24 * HOUR)),
  );
}

/** Every (rule, subject, moment) once, and every (alert, channel or recipient) once. */
async function expectExactlyOnce(w: Workspace, deliverableIds: string[], perAlert: number) {
  const alerts = await alertRows(w.db);
  expect.soft(alerts).toHaveLength(deliverableIds.length * 2);
  const keys = alerts.map((a) => `${a.rule}|${a.subjectId}|${a.dueAt}`);
  expect.soft(new Set(keys).size).toBe(keys.length);
  for (const id of deliverableIds) {
    expect
      .soft(
        alerts
          .filter((a) => a.subjectId === id)
          .map((a) => a.rule)
          .sort(),
      )
      .toEqual(['draft_overdue', 'publish_due_soon']);
  }
  const deliveries = await deliveryRows(w.db);
  expect.soft(deliveries).toHaveLength(alerts.length * perAlert);
  const targets = deliveries.map((d) => `${d.alertId}|${d.channelId ?? d.recipientUserId}`);
  expect.soft(new Set(targets).size).toBe(targets.length);
}

function startScanProcess(url: string, now: string) {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scan-process.ts');
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', script, url, now],
    {
      stdio: 'pipe',
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready\n')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`scan process exited early (${code}): ${stderr}`)),
    );
  });
  const done = new Promise<{ raised: number; resolved: number }>((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`scan process failed (${code}): ${stderr}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      resolve(JSON.parse(last) as { raised: number; resolved: number });
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('two instances scanning one database at once', () => {
  it('two server processes scanning at once raise every alert and delivery exactly once', async () => {
    ({ t, receiver } = await workspaceWithWebhook());
    const ids = await manyDueDeliverables(t, 300);

    const url = databaseUrlOf(t);
    const processes = [startScanProcess(url, T), startScanProcess(url, T)];
    await Promise.all(processes.map((p) => p.ready));
    for (const p of processes) p.go();
    const results = await Promise.all(processes.map((p) => p.done));

    await expectExactlyOnce(t, ids, 2);
    expect(results.reduce((sum, r) => sum + r.raised, 0)).toBe(600);
    // Starting two Node processes is slow on a loaded machine.
  }, 60_000);
});

describe('two senders draining the outbox at once', () => {
  it('each delivery reaches the webhook receiver exactly once', async () => {
    ({ t, receiver } = await workspaceWithWebhook());
    await manyDueDeliverables(t, 60);
    await runAlertScan({ db: t.db, now: new Date(T), emailEnabled: false });
    const deliveries = await deliveryRows(t.db);
    expect(deliveries).toHaveLength(120);

    const [a, b] = [open(t), open(t)];
    const results = await Promise.all(
      [a, b].map((h) => runDeliveries({ db: h.db, now: new Date(T), ...SEND, email: null })),
    );

    expect(results[0]!.sent + results[1]!.sent).toBe(120);
    const keys = receiver.received.map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(120);
    expect(new Set(keys)).toEqual(new Set(deliveries.map((d) => d.id)));
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const after = await deliveryRows(t.db);
    expect(after.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);

    // Nothing is left for a third run.
    expect(
      await runDeliveries({ db: a.db, now: new Date(at(T, HOUR)), ...SEND, email: null }),
    ).toMatchObject({
      sent: 0,
    });
    expect(receiver.received).toHaveLength(120);
  });
});

describe('a crash between raising and delivering', () => {
  it('sends every delivery the scan committed exactly once after a restart', async () => {
    ({ t, receiver } = await workspaceWithWebhook());
    smtp = await startSmtpServer();
    await manyDueDeliverables(t, 5);

    // First life: the scan commits alerts and their outbox, then the process dies before sending.
    const first = open(t);
    expect(
      await runAlertScan({ db: first.db, now: new Date(T), emailEnabled: true }),
    ).toMatchObject({ raised: 10 });
    await first.close();
    handles = handles.filter((h) => h !== first);

    // Second life.
    const second = open(t);
    sender = createSmtpSender(smtp.url, 'Sponsorcal <alerts@example.com>');
    const now = new Date(at(T, 1000));
    expect(await runAlertScan({ db: second.db, now, emailEnabled: true })).toMatchObject({
      raised: 0,
    });
    const result = await runDeliveries({ db: second.db, now, ...SEND, email: sender });
    expect(result).toEqual({ sent: 20, retried: 0, failed: 0, cancelled: 0 });
    expect(
      await runDeliveries({ db: second.db, now: new Date(at(T, HOUR)), ...SEND, email: sender }),
    ).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      cancelled: 0,
    });

    const deliveries = await deliveryRows(t.db);
    const webhookIds = deliveries.filter((d) => d.channelType === 'webhook').map((d) => d.id);
    const emailIds = deliveries.filter((d) => d.channelType === 'email').map((d) => d.id);
    expect(receiver.received.map((r) => r.idempotencyKey).sort()).toEqual(webhookIds.sort());
    expect(smtp.messages.map((m) => m.mail.headers.get('x-sponsorcal-delivery')).sort()).toEqual(
      emailIds.sort(),
    );
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
  });
});

describe('a crash in the middle of a send', () => {
  async function oneWebhookDelivery() {
    ({ t, receiver } = await workspaceWithWebhook());
    await insertManyDeliverables(
      t.db,
      t.deal.id,
      1,
      () => ({ draftDueAt: at(T, -HOUR) }),
      new Date(at(T, -2 * HOUR)),
    );
    await runAlertScan({ db: t.db, now: new Date(T), emailEnabled: false });
    const [delivery] = await deliveryRows(t.db);
    return delivery!;
  }

  function leaveSending(id: string, attempts: number, claimedUntil: string) {
    return t!.db
      .updateTable('deliveries')
      .set({ status: 'sending', attempts, claimedUntil })
      .where('id', '=', id)
      .execute();
  }

  it('sends a delivery whose claim expired again, with the same Idempotency-Key', async () => {
    const delivery = await oneWebhookDelivery();
    // The dead sender had posted it but died before recording it: the receiver saw it once.
    await runDeliveries({ db: t!.db, now: new Date(T), ...SEND, email: null });
    expect(receiver!.received).toHaveLength(1);
    await leaveSending(delivery.id, 1, at(T, 2 * MINUTE));

    const later = new Date(at(T, 2 * MINUTE + 1));
    expect(await runDeliveries({ db: t!.db, now: later, ...SEND, email: null })).toMatchObject({
      sent: 1,
    });
    expect(receiver!.received.map((r) => r.idempotencyKey)).toEqual([delivery.id, delivery.id]);
    expect(receiver!.received.every((r) => r.signatureValid)).toBe(true);
    const [after] = await deliveryRows(t!.db);
    expect(after).toMatchObject({
      status: 'sent',
      attempts: 2,
      claimedUntil: null,
      sentAt: later.toISOString(),
    });
  });

  it('does not take a delivery whose claim is still live', async () => {
    const delivery = await oneWebhookDelivery();
    await leaveSending(delivery.id, 1, at(T, MINUTE));

    expect(
      await runDeliveries({ db: t!.db, now: new Date(T), ...SEND, email: null }),
    ).toMatchObject({ sent: 0 });
    expect(
      await runDeliveries({ db: t!.db, now: new Date(at(T, MINUTE)), ...SEND, email: null }),
    ).toMatchObject({
      sent: 0,
    });
    expect(receiver!.received).toHaveLength(0);
    const [held] = await deliveryRows(t!.db);
    expect(held).toMatchObject({ status: 'sending', attempts: 1 });

    expect(
      await runDeliveries({ db: t!.db, now: new Date(at(T, MINUTE + 1)), ...SEND, email: null }),
    ).toMatchObject({ sent: 1 });
    expect(receiver!.received.map((r) => r.idempotencyKey)).toEqual([delivery.id]);
  });

  it('holds the claim for the configured lease while the receiver is being called', async () => {
    const delivery = await oneWebhookDelivery();
    let seen: unknown;
    receiver!.respond = async () => {
      seen = await t!.db
        .selectFrom('deliveries')
        .select(['status', 'attempts', 'claimedUntil'])
        .where('id', '=', delivery.id)
        .executeTakeFirst();
      return { status: 200 };
    };
    await runDeliveries({ db: t!.db, now: new Date(T), ...SEND, email: null, leaseMs: 45_000 });
    expect(seen).toEqual({ status: 'sending', attempts: 1, claimedUntil: at(T, 45_000) });
  });
});

describe('a sender busy for longer than the lease', () => {
  it('claims each delivery for a full lease from when it takes it, so no other instance sends it too', async () => {
    ({ t, receiver } = await workspaceWithWebhook());
    await insertManyDeliverables(
      t.db,
      t.deal.id,
      2,
      (i) => ({ draftDueAt: at(T, -(i + 1) * HOUR) }),
      new Date(at(T, -DAY)),
    );

    // The first two posts hang until released: a slow receiver.
    const releases: Array<() => void> = [];
    const gates = [0, 1].map(() => new Promise<void>((resolve) => releases.push(resolve)));
    receiver.respond = async (_request, index) => {
      if (index < gates.length) await gates[index];
      return { status: 200 };
    };

    const clock = fixedClock(T);
    jobs = startJobs({
      db: t.db,
      clock,
      cronExpression: '0 0 1 1 *',
      appUrl: APP_URL,
      email: null,
      linkSecret: SEND.linkSecret,
      deliveryLeaseMs: 2 * MINUTE,
      webhookAllowPrivate: true,
      log: () => undefined,
    });
    const run = jobs.runOnce();

    // The first post takes three minutes; then this instance takes the second delivery.
    await waitFor(async () => receiver!.received.length >= 1, { timeoutMs: 5_000, intervalMs: 10 });
    clock.advance(3 * MINUTE);
    releases[0]!();
    await waitFor(async () => receiver!.received.length >= 2, { timeoutMs: 5_000, intervalMs: 10 });

    // Another instance drains the outbox while the second post is in flight.
    const other = open(t);
    await runDeliveries({
      db: other.db,
      now: clock.now(),
      ...SEND,
      email: null,
      leaseMs: 2 * MINUTE,
    });
    releases[1]!();
    await run;

    const deliveries = await deliveryRows(t.db);
    expect(deliveries).toHaveLength(2);
    const keys = receiver.received.map((r) => r.idempotencyKey);
    expect(keys.sort()).toEqual(deliveries.map((d) => d.id).sort());
  });
});
