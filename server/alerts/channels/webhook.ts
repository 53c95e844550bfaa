import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ChannelType } from '../../db/schema';
import {
  AddressRefusedError,
  guardedLookup,
  refuseLiteral,
  resolveHost,
  type ResolveHost,
} from './address-guard';

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

export interface SendWebhookOptions {
  /** WEBHOOK_ALLOW_PRIVATE: the receiver may be on loopback, link-local or private addresses. */
  allowPrivate?: boolean;
  timeoutMs?: number;
  /** How names are resolved (tests play a DNS-rebinding name with it). */
  resolve?: ResolveHost;
}

/** Fixed words for the errors a connection fails with; nothing the receiver chose. */
const CONNECT_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ENOTFOUND: 'name not found',
  EAI_AGAIN: 'name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

class SendTimeout extends Error {}

function connectFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof SendTimeout) return `no answer within ${timeoutMs / 1000} s`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^[A-Z0-9_]+$/.test(code)) return 'connection failed';
  if (CONNECT_FAILURES[code]) return CONNECT_FAILURES[code];
  if (/CERT|TLS|SSL/.test(code)) return `TLS certificate not accepted (${code})`;
  return `connection failed (${code})`;
}

/**
 * One POST, answering the status. No connection is pooled (each send
 * resolves and checks the name afresh), no redirect is followed, and the
 * receiver's body is dropped unread: it is never shown to anyone.
 */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  lookup: LookupFunction,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup,
      },
      (response) => {
        clearTimeout(timer);
        response.destroy();
        resolve(response.statusCode ?? 0);
      },
    );
    const timer = setTimeout(() => request.destroy(new SendTimeout()), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}

/**
 * Posts one message to a channel; throws a WebhookError with a short, fixed
 * reason unless the receiver answered 2xx. Unless `allowPrivate`, a URL that
 * is or resolves to a non-public address is refused before connecting.
 */
export async function sendWebhook(
  target: WebhookTarget,
  message: WebhookMessage,
  sentAt: Date,
  options: SendWebhookOptions = {},
): Promise<void> {
  const { allowPrivate = false, timeoutMs = 10_000, resolve = resolveHost } = options;
  const url = new URL(target.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookError('Not an http(s) URL');
  }
  const refused = allowPrivate ? null : refuseLiteral(url);
  if (refused) throw new WebhookError(refused.message);

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
  let status: number;
  try {
    status = await post(url, headers, body, guardedLookup(resolve, allowPrivate), timeoutMs);
  } catch (error) {
    if (error instanceof AddressRefusedError) throw new WebhookError(error.message);
    throw new WebhookError(`Could not reach ${url.host}: ${connectFailure(error, timeoutMs)}`);
  }
  if (status < 200 || status >= 300) {
    throw new WebhookError(`HTTP ${status} (${http.STATUS_CODES[status] ?? 'Unknown status'})`);
  }
}
