import { createHash } from 'node:crypto';
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
  answers: { 200: file('text/calendar'), 304: null },
});

/** The feed's ETag: its text's hash, so it changes exactly when what a calendar would show does. */
function entityTag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whether a conditional GET may be answered 304 (RFC 9110 §13.2.2): by
 * `If-None-Match` when it is sent, else by `If-Modified-Since`.
 */
function notModified(
  headers: { ifNoneMatch?: string; ifModifiedSince?: string },
  etag: string,
  lastModified: Date,
): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const tags = headers.ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  if (headers.ifModifiedSince === undefined) return false;
  const since = Date.parse(headers.ifModifiedSince);
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}

/**
 * `GET /api/calendar.ics?token=…`: a user's feed for Google, Apple or Outlook
 * calendar, with `ETag` and `Last-Modified`; a poll that already has this
 * version is answered 304 without the feed.
 */
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
    const { text, lastModified } = await buildCalendarFeed(db, {
      drafts: Boolean(feed.includeDrafts),
      goLives: Boolean(feed.includeGoLives),
      invoices: Boolean(feed.includeInvoices),
      workspaceName: settings.name,
      appUrl: config.APP_URL,
      now,
    });
    await touchFeed(db, feed.userId, now);
    const etag = entityTag(text);
    // The settings (the calendar's name) and the feed's options count as changes too; HTTP dates have whole seconds.
    const changed = new Date(
      Math.max(
        lastModified.getTime(),
        Date.parse(settings.updatedAt),
        new Date(feed.createdAt).getTime(),
      ),
    );
    changed.setUTCMilliseconds(0);
    c.header('ETag', etag);
    c.header('Last-Modified', changed.toUTCString());
    c.header('Cache-Control', 'private, no-cache');
    const conditional = {
      ifNoneMatch: c.req.header('If-None-Match'),
      ifModifiedSince: c.req.header('If-Modified-Since'),
    };
    if (notModified(conditional, etag, changed)) return c.body(null, 304);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'inline; filename="sponsorcal.ics"');
    return c.body(text, 200);
  });
}
