import { z } from 'zod';

/** `POST /api/me/feed-token`: which kinds of events the feed carries (all when left out). */
export const feedTokenCreateSchema = z.object({
  drafts: z.boolean({ error: 'Expected true or false' }).optional(),
  goLives: z.boolean({ error: 'Expected true or false' }).optional(),
  invoices: z.boolean({ error: 'Expected true or false' }).optional(),
});
export type FeedTokenCreate = z.input<typeof feedTokenCreateSchema>;

/** The caller's feed as `GET /api/me/feed-token` shows it; the URL itself is shown only when made. */
export const feedSchema = z.object({
  active: z.boolean(),
  drafts: z.boolean(),
  goLives: z.boolean(),
  invoices: z.boolean(),
  createdAt: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
});
export type Feed = z.infer<typeof feedSchema>;

export const feedCreatedSchema = feedSchema.extend({ url: z.string() });
export type FeedCreated = z.infer<typeof feedCreatedSchema>;
