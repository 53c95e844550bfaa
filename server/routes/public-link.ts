import type { Kysely } from 'kysely';
import { takePublicHit, type RateLimit } from '../db/queries/public-hits';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { AppError } from '../errors';

/** How many uses of one kind a link takes, per window. */
export type UseLimit = Pick<RateLimit, 'max' | 'windowMs'>;

/** How a brand's or payer's link (the token is the credential) is found and its use counted. */
export interface PublicLinkOptions<L> {
  /** The live link behind the token; undefined for every token that opens nothing, whatever the reason. */
  find: (trx: Kysely<Database>) => Promise<L | undefined>;
  /** The one answer for all of those, so a token says nothing about why it opens nothing. */
  unknown: () => AppError;
  /** What the use is counted under: `<kind>:<token hash>`. */
  key: (link: L) => string;
  /** How many uses pass, and what the 429 says after them. */
  limit: Omit<RateLimit, 'key'>;
}

/**
 * Finds the link behind a public token (`unknown()` when it opens nothing),
 * counts the use (429 once the limit is spent), then reads what the link
 * shows with `build` — in one transaction, or in the caller's. Without
 * `build` it answers the link.
 */
export function openPublicLink<L>(
  db: Kysely<Database>,
  now: Date,
  options: PublicLinkOptions<L>,
): Promise<L>;
export function openPublicLink<L, V>(
  db: Kysely<Database>,
  now: Date,
  options: PublicLinkOptions<L>,
  build: (trx: Kysely<Database>, link: L) => Promise<V>,
): Promise<V>;
export function openPublicLink<L, V>(
  db: Kysely<Database>,
  now: Date,
  { find, unknown, key, limit }: PublicLinkOptions<L>,
  build?: (trx: Kysely<Database>, link: L) => Promise<V>,
): Promise<L | V> {
  return inTransaction(db, async (trx) => {
    const link = await find(trx);
    if (!link) throw unknown();
    await takePublicHit(trx, { key: key(link), ...limit }, now);
    return build ? build(trx, link) : link;
  });
}
