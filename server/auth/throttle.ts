import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { newId } from '../ids';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed in the window, per account and per client address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Seconds until a sign-in for these keys may be tried again, or 0 when it may
 * now. State lives in the database, so every instance counts the same failures.
 */
export async function loginRetryAfter(
  db: Kysely<Database>,
  keys: { key: string; max: number }[],
  now: Date,
): Promise<number> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  let wait = 0;
  for (const { key, max } of keys) {
    const recent = await db
      .selectFrom('loginFailures')
      .select('failedAt')
      .where('key', '=', key)
      .where('failedAt', '>', windowStart)
      .orderBy('failedAt', 'desc')
      .limit(max)
      .execute();
    if (recent.length >= max) {
      // Free again when the oldest of the last `max` failures leaves the window.
      const oldest = Date.parse(recent[recent.length - 1]!.failedAt);
      wait = Math.max(wait, Math.ceil((oldest + THROTTLE_WINDOW_MS - now.getTime()) / 1000));
    }
  }
  return Math.max(wait, 0);
}

export async function recordLoginFailure(db: Kysely<Database>, keys: string[], now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('loginFailures')
    .values(keys.map((key) => ({ id: newId(), key, failedAt: at })))
    .execute();
  // Old failures only ever matter for a window; keep the table small.
  await db
    .deleteFrom('loginFailures')
    .where('failedAt', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString())
    .execute();
}

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('loginFailures').where('key', '=', key).execute();
}
