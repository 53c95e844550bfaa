import type { Kysely } from 'kysely';
import { AppError } from '../../errors';
import { newId } from '../../ids';
import { lockTransaction } from '../dialect';
import type { Database } from '../schema';

export interface RateLimit {
  /** What is counted, e.g. `invoice-paid:<token hash>`. */
  key: string;
  max: number;
  windowMs: number;
  /** What the 429 says; an invoice's notices unless told. */
  message?: string;
}

/**
 * Counts one use of a public action and refuses it (429 with Retry-After)
 * once `max` uses fall within the window. Kept in the database, so every
 * instance counts the same uses and a restart forgets none. Call it inside
 * the transaction of the action it counts.
 */
export async function takePublicHit(
  db: Kysely<Database>,
  { key, max, windowMs, message }: RateLimit,
  now: Date,
): Promise<void> {
  // Counted one at a time: of a burst, on any number of instances, no more than `max` pass.
  await lockTransaction(db, 'publicHits');
  const since = new Date(now.getTime() - windowMs).toISOString();
  const recent = await db
    .selectFrom('publicHits')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  if (recent.length >= max) {
    const freeAt = Date.parse(recent[recent.length - max]!.at) + windowMs;
    const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    throw new AppError(
      429,
      'too_many_requests',
      message ?? 'Too many notices for this invoice just now. Please try again later.',
      undefined,
      { 'Retry-After': String(seconds) },
    );
  }
  await db.insertInto('publicHits').values({ id: newId(), key, at: now.toISOString() }).execute();
}

/** Forgets uses older than `olderThanMs` (the purge job). */
export async function purgePublicHits(
  db: Kysely<Database>,
  now: Date,
  olderThanMs: number,
): Promise<number> {
  const result = await db
    .deleteFrom('publicHits')
    .where('at', '<', new Date(now.getTime() - olderThanMs).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
