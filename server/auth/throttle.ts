import type { Kysely } from 'kysely';
import { lockTransaction } from '../db/dialect';
import type { Database } from '../db/schema';
import { newId } from '../ids';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed in the window, per account and per client address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** A throttle key and how many failures it may have in the window. */
export interface ThrottleLimit {
  key: string;
  max: number;
}

/**
 * Seconds until a sign-in for these keys may be tried again, or 0 when it may
 * now. State lives in the database, so every instance counts the same failures.
 */
export async function loginRetryAfter(
  db: Kysely<Database>,
  keys: ThrottleLimit[],
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

/** A sign-in attempt let through by `beginLoginAttempt`, counted as failed until cleared. */
export interface LoginAttempt {
  /** The rows written for this attempt, one per key. */
  rowIds: string[];
}

/** Let through, or refused with the seconds until a sign-in for these keys may be tried again. */
export type LoginAttemptOutcome =
  { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfter: number };

/**
 * Counts a sign-in attempt before its password is checked: under the `login`
 * lock, either answers the seconds to wait (nothing written) or writes the
 * attempt's row for every key at once, as if it had failed. So of a burst, on
 * any number of instances, only as many passwords are checked as the limits
 * allow; the rest are refused without a check. A successful sign-in takes its
 * rows back with `clearLoginAttempt`; a failed one leaves them as its record.
 */
export async function beginLoginAttempt(
  db: Kysely<Database>,
  limits: ThrottleLimit[],
  now: Date,
): Promise<LoginAttemptOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockTransaction(trx, 'login');
    const retryAfter = await loginRetryAfter(trx, limits, now);
    if (retryAfter > 0) return { allowed: false, retryAfter };
    const rows = limits.map(({ key }) => ({ id: newId(), key, failedAt: now.toISOString() }));
    await trx.insertInto('loginFailures').values(rows).execute();
    return { allowed: true, attempt: { rowIds: rows.map((row) => row.id) } };
  });
}

/**
 * After a successful sign-in: forgets the account's failures (every one, as
 * the right password was given) and this attempt's rows; the client address
 * keeps its other failures, which were guesses at other accounts.
 */
export async function clearLoginAttempt(
  db: Kysely<Database>,
  account: string,
  attempt: LoginAttempt,
): Promise<void> {
  await db
    .deleteFrom('loginFailures')
    .where((eb) => eb.or([eb('key', '=', account), eb('id', 'in', attempt.rowIds)]))
    .execute();
}

/** A right password: this attempt counts for nothing (earlier failures still do). */
export async function withdrawLoginAttempt(
  db: Kysely<Database>,
  attempt: LoginAttempt,
): Promise<void> {
  await db.deleteFrom('loginFailures').where('id', 'in', attempt.rowIds).execute();
}

/** Rows older than the window count for nothing; the purge job deletes them. */
export async function deleteStaleLoginFailures(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('loginFailures')
    .where('failedAt', '<=', new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
