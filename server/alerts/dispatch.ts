import type { Kysely } from 'kysely';
import type { Database, DeliveryRow } from '../db/schema';
import type { EmailSender } from './channels/email';
import { sendWebhook } from './channels/webhook';
import { unsubscribeUrl } from './unsubscribe';
import { alertHeadline, loadSubjectContexts, renderAlertMessage } from './messages';
import type { SubjectContext } from './rules/rule';

export const MAX_ATTEMPTS = 8;
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60 * 1000;
/** How long a sender owns a claimed delivery; past it, the delivery is retried (the sender died). */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;

/** 30 s, 1 min, 2 min, … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

export interface DispatchOptions {
  db: Kysely<Database>;
  /**
   * The time, or a clock to read it from: a long batch reads it again at each
   * claim, so every claim really lasts a full lease from when it is taken.
   */
  now: Date | (() => Date);
  appUrl: string;
  email: EmailSender | null;
  /** Signs each recipient's unsubscribe address (the install's link secret). */
  linkSecret: Buffer;
  batchSize?: number;
  /** Overrides CLAIM_LEASE_MS. */
  leaseMs?: number;
  /** Stops the run between two deliveries (shutdown), never in the middle of one. */
  signal?: AbortSignal;
  /** Webhooks may reach loopback, link-local and private addresses (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate?: boolean;
}

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function alertLink(appUrl: string, subject: Pick<SubjectContext, 'href'>): string {
  return `${appUrl}${subject.href}`;
}

/** Takes a delivery for this sender, unless another sender holds it. */
async function claim(
  db: Kysely<Database>,
  delivery: DeliveryRow,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const result = await db
    .updateTable('deliveries')
    .set({
      status: 'sending',
      attempts: delivery.attempts + 1,
      claimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
    })
    .where('id', '=', delivery.id)
    .where('attempts', '=', delivery.attempts)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', nowIso)]),
        eb.and([eb('status', '=', 'sending'), eb('claimedUntil', '<', nowIso)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Drains the outbox: sends every delivery that is due, marks it sent, or
 * schedules a retry with exponential backoff, or gives up after
 * MAX_ATTEMPTS and keeps the last error for the UI. Deliveries whose sender
 * died mid-send (an expired claim) are picked up again; each carries its id
 * as an idempotency key so a receiver can drop the rare duplicate.
 */
export async function runDeliveries(options: DispatchOptions): Promise<DispatchResult> {
  const { db, appUrl, email } = options;
  const readClock = typeof options.now === 'function' ? options.now : () => options.now as Date;
  const nowIso = readClock().toISOString();
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0, cancelled: 0 };

  const due = await db
    .selectFrom('deliveries')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', nowIso)]),
        eb.and([eb('status', '=', 'sending'), eb('claimedUntil', '<', nowIso)]),
      ]),
    )
    .orderBy('nextAttemptAt')
    .limit(options.batchSize ?? 500)
    .execute();
  if (due.length === 0) return result;

  const alertIds = [...new Set(due.map((d) => d.alertId))];
  const alerts = new Map(
    (await db.selectFrom('alerts').selectAll().where('id', 'in', alertIds).execute()).map((a) => [
      a.id,
      a,
    ]),
  );
  const contexts: Map<string, SubjectContext> = await loadSubjectContexts(db, [...alerts.values()]);
  const channelIds = [
    ...new Set(due.map((d) => d.channelId).filter((id): id is string => id !== null)),
  ];
  const channels = new Map(
    channelIds.length
      ? (await db.selectFrom('channels').selectAll().where('id', 'in', channelIds).execute()).map(
          (c) => [c.id, c],
        )
      : [],
  );
  const userIds = [
    ...new Set(due.map((d) => d.recipientUserId).filter((id): id is string => id !== null)),
  ];
  const users = new Map(
    userIds.length
      ? (await db.selectFrom('users').selectAll().where('id', 'in', userIds).execute()).map((u) => [
          u.id,
          u,
        ])
      : [],
  );
  const workspace = await db
    .selectFrom('workspaceSettings')
    .select('timeZone')
    .where('id', '=', 1)
    .executeTakeFirst();
  const workspaceZone = workspace?.timeZone ?? 'UTC';

  for (const delivery of due) {
    if (options.signal?.aborted) break;
    // Let HTTP requests in between sends: the database calls themselves are synchronous.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const now = readClock();
    if (!(await claim(db, delivery, now, options.leaseMs ?? CLAIM_LEASE_MS))) continue;
    const alert = alerts.get(delivery.alertId);
    const subject = alert ? contexts.get(alert.subjectId) : undefined;
    const channel = delivery.channelId ? channels.get(delivery.channelId) : undefined;
    const user = delivery.recipientUserId ? users.get(delivery.recipientUserId) : undefined;

    const cancelReason =
      !alert || !subject
        ? 'The alert or its subject no longer exists'
        : alert.resolvedAt
          ? 'The alert no longer applies'
          : delivery.channelType === 'webhook' && (!channel || !channel.enabled)
            ? 'The channel was removed or turned off'
            : delivery.channelType === 'email' && (!user || user.disabled || !user.emailAlerts)
              ? 'The recipient turned alert e-mails off'
              : delivery.channelType === 'email' && !email
                ? 'E-mail is not configured (SMTP_URL)'
                : null;
    if (cancelReason) {
      await db
        .updateTable('deliveries')
        .set({ status: 'cancelled', lastError: cancelReason, claimedUntil: null })
        .where('id', '=', delivery.id)
        .execute();
      result.cancelled++;
      continue;
    }

    const attempts = delivery.attempts + 1;
    try {
      const link = alertLink(appUrl, subject!);
      if (delivery.channelType === 'email') {
        const zone = user!.timeZone ?? workspaceZone;
        const text = renderAlertMessage(alert!, subject!, now, zone);
        const unsubscribe = unsubscribeUrl(appUrl, options.linkSecret, user!.id);
        await email!.send({
          to: delivery.recipient,
          subject: text.slice(0, 200),
          text: `${text}\n\nOpen it in Sponsorcal: ${link}\n\nYou get these e-mails because alerts are on in your Sponsorcal settings. Turn them off: ${unsubscribe}`,
          html: `<p>${escapeHtml(text)}</p><p><a href="${escapeHtml(link)}">Open it in Sponsorcal</a></p><p style="color:#666;font-size:12px">You get these e-mails because alerts are on in your Sponsorcal settings. <a href="${escapeHtml(unsubscribe)}">Turn them off</a>.</p>`,
          idempotencyKey: delivery.id,
          unsubscribeUrl: unsubscribe,
        });
      } else {
        await sendWebhook(
          { type: channel!.type, url: channel!.url, secret: channel!.secret },
          {
            idempotencyKey: delivery.id,
            headline: alertHeadline(alert!.rule),
            text: renderAlertMessage(alert!, subject!, now, workspaceZone),
            link,
            alert: {
              id: alert!.id,
              rule: alert!.rule,
              subjectType: alert!.subjectType,
              subjectId: alert!.subjectId,
              dueAt: alert!.dueAt,
              severity: alert!.severity,
              message: alert!.message,
            },
          },
          now,
          { allowPrivate: options.webhookAllowPrivate ?? false },
        );
      }
      await db
        .updateTable('deliveries')
        .set({
          status: 'sent',
          sentAt: readClock().toISOString(),
          claimedUntil: null,
          lastError: null,
        })
        .where('id', '=', delivery.id)
        .execute();
      result.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('deliveries')
        .set({
          status: giveUp ? 'failed' : 'pending',
          lastError: message,
          claimedUntil: null,
          nextAttemptAt: new Date(readClock().getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', delivery.id)
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}
