import { Hono } from 'hono';
import { z } from 'zod';
import { hashToken } from '../auth/tokens';
import { buildCalendarFeed } from '../calendar/feed';
import { findFeedByToken, touchFeed } from '../db/queries/calendar-feeds';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { validate } from '../validate';
import { declare, file } from './declare';

const feedQuerySchema = z.object({
  token: z.string({ error: 'Required' }).min(1, 'Required').max(200),
});

const route = declare({
  access: 'public',
  summary: "A user's iCalendar feed (?token=…: the feed's token is the credential)",
  query: feedQuerySchema,
  answers: { 200: file('text/calendar') },
});

/** `GET /api/calendar.ics?token=…`: a user's feed for Google, Apple or Outlook calendar. */
export function calendarFeedRoutes({ db, clock, config }: AppDeps) {
  return new Hono<AppEnv>().get('/', route, validate('query', feedQuerySchema), async (c) => {
    const now = clock.now();
    const feed = await findFeedByToken(db, hashToken(c.req.valid('query').token));
    if (!feed)
      throw new AppError(
        404,
        'not_found',
        'No calendar feed has this address (it may have been revoked).',
      );
    const settings = await getSettings(db, now);
    const text = await buildCalendarFeed(db, {
      drafts: Boolean(feed.includeDrafts),
      goLives: Boolean(feed.includeGoLives),
      invoices: Boolean(feed.includeInvoices),
      workspaceName: settings.name,
      appUrl: config.APP_URL,
      now,
    });
    await touchFeed(db, feed.userId, now);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'inline; filename="sponsorcal.ics"');
    c.header('Cache-Control', 'private, no-cache');
    return c.body(text, 200);
  });
}
