import type { Kysely, Selectable } from 'kysely';
import type { Feed } from '../../../shared/schemas/feed';
import type { CalendarFeedsTable, Database } from '../schema';

type FeedRow = Selectable<CalendarFeedsTable>;

export const NO_FEED: Feed = {
  active: false,
  drafts: true,
  goLives: true,
  invoices: true,
  createdAt: null,
  lastFetchedAt: null,
};

export function toFeed(row: FeedRow | undefined): Feed {
  if (!row) return NO_FEED;
  return {
    active: true,
    drafts: Boolean(row.includeDrafts),
    goLives: Boolean(row.includeGoLives),
    invoices: Boolean(row.includeInvoices),
    createdAt: new Date(row.createdAt).toISOString(),
    lastFetchedAt: row.lastFetchedAt ? new Date(row.lastFetchedAt).toISOString() : null,
  };
}

export function findFeedOfUser(db: Kysely<Database>, userId: string): Promise<FeedRow | undefined> {
  return db.selectFrom('calendarFeeds').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** A user's new feed; the previous one (and its URL) stops working. */
export async function replaceFeed(
  db: Kysely<Database>,
  input: {
    userId: string;
    tokenHash: string;
    drafts: boolean;
    goLives: boolean;
    invoices: boolean;
  },
  now: Date,
): Promise<FeedRow> {
  await db.deleteFrom('calendarFeeds').where('userId', '=', input.userId).execute();
  const row = {
    userId: input.userId,
    tokenHash: input.tokenHash,
    includeDrafts: input.drafts,
    includeGoLives: input.goLives,
    includeInvoices: input.invoices,
    createdAt: now.toISOString(),
    lastFetchedAt: null,
  };
  await db.insertInto('calendarFeeds').values(row).execute();
  return row;
}

export async function deleteFeedOfUser(db: Kysely<Database>, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('calendarFeeds')
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The feed a token opens, when its user can still sign in. */
export async function findFeedByToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<FeedRow | undefined> {
  return db
    .selectFrom('calendarFeeds')
    .innerJoin('users', 'users.id', 'calendarFeeds.userId')
    .selectAll('calendarFeeds')
    .where('calendarFeeds.tokenHash', '=', tokenHash)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchFeed(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('calendarFeeds')
    .set({ lastFetchedAt: now.toISOString() })
    .where('userId', '=', userId)
    .execute();
}
