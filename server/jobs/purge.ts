import type { Kysely } from 'kysely';
import { deleteStaleLoginFailures } from '../auth/throttle';
import { deleteExpiredInvites } from '../db/queries/invites';
import { deleteDeadReviewLinks } from '../db/queries/review-links';
import { purgePublicHits } from '../db/queries/public-hits';
import { deleteExpiredSessions } from '../db/queries/sessions';
import type { Database } from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long an invite that expired unused is kept: the Team page shows it as
 * "Expired" meanwhile, which answers "my link does not work".
 */
export const EXPIRED_INVITE_RETENTION_MS = 30 * DAY_MS;
/** How long an undecided review link is kept after it expired, shown as "Expired" in the review history. */
export const DEAD_REVIEW_LINK_RETENTION_MS = 30 * DAY_MS;

export interface PurgeOptions {
  db: Kysely<Database>;
  now: Date;
}

/** Rows deleted, per kind. */
export interface PurgeCounts {
  sessions: number;
  invites: number;
  reviewLinks: number;
  loginFailures: number;
  publicHits: number;
}

/**
 * Deletes what can no longer be used nor is shown: expired sessions, sign-in
 * throttle rows past their window, invites that expired unused 30 days ago and
 * undecided review links that expired 30 days ago, and uses of public rate
 * limits older than their window. Kept: accepted and revoked
 * invites (the Team page lists them) and every review link with a decision
 * (the deliverable's review history). Safe to run again, or on two instances
 * at once: each step is one delete of rows that stay deletable.
 */
export async function runPurge({ db, now }: PurgeOptions): Promise<PurgeCounts> {
  return {
    sessions: await deleteExpiredSessions(db, now),
    invites: await deleteExpiredInvites(db, new Date(now.getTime() - EXPIRED_INVITE_RETENTION_MS)),
    reviewLinks: await deleteDeadReviewLinks(
      db,
      new Date(now.getTime() - DEAD_REVIEW_LINK_RETENTION_MS),
    ),
    loginFailures: await deleteStaleLoginFailures(db, now),
    // Public rate limits count a day at most: two days on, a use counts for nothing.
    publicHits: await purgePublicHits(db, now, 2 * DAY_MS),
  };
}
