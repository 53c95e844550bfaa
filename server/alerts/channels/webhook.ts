import { createHmac } from 'node:crypto';
import type { ChannelType } from '../../db/schema';

export interface WebhookMessage {
  /** The delivery id: the same on every retry, so a receiver can drop duplicates. */
  idempotencyKey: string;
  headline: string;
  text: string;
  link: string;
  alert: {
    id: string;
    rule: string;
    subjectType: string;
    subjectId: string;
    dueAt: string;
    severity: string;
    message: string;
  } | null;
}

export interface WebhookTarget {
  type: ChannelType;
  url: string;
  secret: string | null;
}

export const SIGNATURE_HEADER = 'X-Sponsorcal-Signature';
export const TIMESTAMP_HEADER = 'X-Sponsorcal-Timestamp';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, as Stripe-style receivers expect. */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Slack treats `<…>` as links and mentions (`<!channel>`); user text must not. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function payloadFor(type: ChannelType, message: WebhookMessage, sentAt: Date): unknown {
  switch (type) {
    case 'slack':
      // Slack incoming webhooks: `text` with mrkdwn links.
      return {
        text: `*${escapeSlack(message.headline)}* — ${escapeSlack(message.text)}\n<${message.link}|Open in Sponsorcal>`,
      };
    case 'discord':
      return {
        content: `**${message.headline}** — ${message.text}\n${message.link}`,
        allowed_mentions: { parse: [] },
      };
    case 'json':
      return {
        type: message.alert ? 'alert' : 'test',
        idempotencyKey: message.idempotencyKey,
        sentAt: sentAt.toISOString(),
        headline: message.headline,
        text: message.text,
        link: message.link,
        alert: message.alert,
      };
  }
}

export class WebhookError extends Error {}

/** Posts one message to a channel; throws with a readable reason unless the receiver answered 2xx. */
export async function sendWebhook(
  target: WebhookTarget,
  message: WebhookMessage,
  sentAt: Date,
  timeoutMs = 10_000,
): Promise<void> {
  const body = JSON.stringify(payloadFor(target.type, message, sentAt));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Sponsorcal-Webhooks/1',
  };
  if (target.type === 'json') {
    const timestamp = String(Math.floor(sentAt.getTime() / 1000));
    headers[IDEMPOTENCY_HEADER] = message.idempotencyKey;
    headers[TIMESTAMP_HEADER] = timestamp;
    if (target.secret) headers[SIGNATURE_HEADER] = signPayload(target.secret, timestamp, body);
  }
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new WebhookError(`Could not reach ${new URL(target.url).host}: ${reason}`);
  }
  if (response.status < 200 || response.status >= 300) {
    const text = (await response.text().catch(() => '')).slice(0, 200);
    throw new WebhookError(`HTTP ${response.status}${text ? `: ${text}` : ''}`);
  }
  await response.body?.cancel().catch(() => undefined);
}
