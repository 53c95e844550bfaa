import { timingSafeEqual } from 'node:crypto';
import { linkToken } from '../security/link-secret';

const PURPOSE = 'unsubscribe';
/** User ids are UUIDs; the pattern only keeps odd text out of the HMAC and the query. */
const USER_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The token of a user's one-click unsubscribe link: their id and an HMAC of it
 * under the install's link secret. Nothing is stored: the address in every alert
 * e-mail to that user is the same, and only this install can make one. Whoever
 * holds it can only turn that user's alert e-mails off, which they can turn back on.
 */
export function unsubscribeToken(secret: Buffer, userId: string): string {
  return `${userId}.${linkToken(secret, PURPOSE, userId)}`;
}

/** `APP_URL/api/email/unsubscribe?token=…`: the List-Unsubscribe address of a user's alert e-mails. */
export function unsubscribeUrl(appUrl: string, secret: Buffer, userId: string): string {
  const token = encodeURIComponent(unsubscribeToken(secret, userId));
  return `${appUrl.replace(/\/+$/, '')}/api/email/unsubscribe?token=${token}`;
}

/** The user a token names, when this install signed it; undefined for anything else. */
export function userOfUnsubscribeToken(secret: Buffer, token: string): string | undefined {
  const dot = token.indexOf('.');
  const userId = token.slice(0, dot);
  if (dot === -1 || !USER_ID.test(userId)) return undefined;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(linkToken(secret, PURPOSE, userId));
  // Constant time: how much of a guessed signature matched must not show in the answer's timing.
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
}
