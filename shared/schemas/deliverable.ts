import { z } from 'zod';
import {
  daySchema,
  idSchema,
  instantSchema,
  listFilter,
  nameSchema,
  textSchema,
  timeZoneSchema,
  urlSchema,
  versionSchema,
} from './common';

export const PLATFORMS = [
  'tiktok',
  'instagram',
  'youtube',
  'x',
  'facebook',
  'linkedin',
  'twitch',
  'pinterest',
  'threads',
  'snapchat',
  'blog',
  'newsletter',
  'podcast',
  'other',
] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

export const FORMATS = [
  'video',
  'reel',
  'story',
  'post',
  'short',
  'integration',
  'live',
  'carousel',
  'other',
] as const;
export const formatSchema = z.enum(FORMATS);
export type Format = z.infer<typeof formatSchema>;

export const DELIVERABLE_STATUSES = [
  'planned',
  'drafting',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'cancelled',
] as const;
export const deliverableStatusSchema = z.enum(DELIVERABLE_STATUSES);
export type DeliverableStatus = z.infer<typeof deliverableStatusSchema>;

const count = z
  .number({ error: 'Expected a whole number' })
  .int('Expected a whole number')
  .min(0, 'Must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

export const METRIC_KEYS = ['views', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const;

export const metricsSchema = z.object({
  views: count.nullable().optional(),
  likes: count.nullable().optional(),
  comments: count.nullable().optional(),
  shares: count.nullable().optional(),
  saves: count.nullable().optional(),
  clicks: count.nullable().optional(),
});

/** The disclosure checklist: each a way the audience is told the post is paid. */
export const DISCLOSURE_KEYS = [
  'paidPartnershipLabel',
  'adInCaption',
  'brandedContentToggle',
] as const;
export const DISCLOSURE_LABELS: Record<(typeof DISCLOSURE_KEYS)[number], string> = {
  paidPartnershipLabel: 'Paid-partnership label',
  adInCaption: '#ad hashtag',
  brandedContentToggle: 'Branded-content toggle',
};
const checked = z.boolean({ error: 'Expected true or false' });
export const disclosureSchema = z.object({
  paidPartnershipLabel: checked.optional(),
  adInCaption: checked.optional(),
  brandedContentToggle: checked.optional(),
});

export const draftLinkSchema = z.object({
  label: textSchema(200).trim(),
  url: urlSchema,
});
export type DraftLink = z.infer<typeof draftLinkSchema>;

const deliverableFields = {
  dealId: idSchema,
  title: nameSchema(200),
  platform: platformSchema,
  format: formatSchema,
  status: deliverableStatusSchema,
  draftDueAt: instantSchema.nullable(),
  publishAt: instantSchema.nullable(),
  assigneeId: idSchema.nullable(),
  caption: textSchema(10_000),
  brief: textSchema(20_000),
  disclosureDone: z.boolean({ error: 'Expected true or false' }),
  /** Setting any item also sets `disclosureDone` (to whether any item is checked) unless it is sent too. */
  disclosure: disclosureSchema,
  draftLinks: z.array(draftLinkSchema).max(20, 'At most 20 links'),
  /** Required (here or already saved) for the status `published`: proof of post. */
  liveUrl: urlSchema.nullable(),
  metrics: metricsSchema,
};

/** Every field is optional on create but these; the server fills in the defaults. */
export const deliverableCreateSchema = z
  .object(deliverableFields)
  .partial()
  .required({ dealId: true, title: true, platform: true });
export type DeliverableCreate = z.input<typeof deliverableCreateSchema>;

/** A PATCH carries the `version` it read, and only the fields it changes. */
export const deliverablePatchSchema = z
  .object(deliverableFields)
  .partial()
  .extend({ version: versionSchema });
export type DeliverablePatch = z.input<typeof deliverablePatchSchema>;

/**
 * `from`/`to` select deliverables whose `publishAt` or `draftDueAt` lies in
 * `[from, to)`: start inclusive, end exclusive, so adjacent ranges never overlap.
 */
export const deliverableListQuerySchema = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  dealId: listFilter(idSchema).optional(),
  brandId: listFilter(idSchema).optional(),
  platform: listFilter(platformSchema).optional(),
  status: listFilter(deliverableStatusSchema).optional(),
  assigneeId: listFilter(idSchema).optional(),
});

const metricValue = z.number().int().nullable();

/** A deliverable as the API answers it. */
export const deliverableSchema = z.object({
  id: idSchema,
  dealId: idSchema,
  brandId: idSchema,
  title: z.string(),
  platform: platformSchema,
  format: formatSchema,
  status: deliverableStatusSchema,
  draftDueAt: z.string().nullable(),
  publishAt: z.string().nullable(),
  assigneeId: z.string().nullable(),
  caption: z.string(),
  brief: z.string(),
  disclosureDone: z.boolean(),
  disclosure: z.object({
    paidPartnershipLabel: z.boolean(),
    adInCaption: z.boolean(),
    brandedContentToggle: z.boolean(),
  }),
  draftLinks: z.array(z.object({ label: z.string(), url: z.string() })),
  liveUrl: z.string().nullable(),
  metrics: z.object({
    views: metricValue,
    likes: metricValue,
    comments: metricValue,
    shares: metricValue,
    saves: metricValue,
    clicks: metricValue,
  }),
  /**
   * (likes + comments + shares + saves) / views, as a fraction (0.042 = 4.2 %);
   * null until views and at least one interaction count are entered.
   */
  engagementRate: z.number().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});
export type Deliverable = z.infer<typeof deliverableSchema>;

/**
 * The calendar's range (`GET /api/deliverables/calendar?from&to`): the same
 * filters as the list, but a range is required.
 */
export const calendarQuerySchema = deliverableListQuerySchema
  .omit({ dealId: true, assigneeId: true })
  .extend({
    from: instantSchema,
    to: instantSchema,
  });

/**
 * A deliverable as the calendar draws it: what an event shows (title,
 * platform, status, warnings), places (go-live, draft due) and what a drag
 * sends back (version). A third of a full deliverable's bytes, read from
 * covering indexes, never from the table.
 */
export const calendarDeliverableSchema = deliverableSchema.pick({
  id: true,
  dealId: true,
  brandId: true,
  title: true,
  platform: true,
  format: true,
  status: true,
  draftDueAt: true,
  publishAt: true,
  assigneeId: true,
  disclosureDone: true,
  version: true,
  warnings: true,
});
export type CalendarDeliverable = z.infer<typeof calendarDeliverableSchema>;

/**
 * Interactions per view: (likes + comments + shares + saves) / views, rounded to
 * four decimals (0.0425 = 4.25 %). Null without views or without any interaction count.
 */
export function engagementRate(metrics: {
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
}): number | null {
  const { views, likes, comments, shares, saves } = metrics;
  const interactions = [likes, comments, shares, saves].filter((n): n is number => n !== null);
  if (!views || interactions.length === 0) return null;
  const total = interactions.reduce((sum, n) => sum + n, 0);
  return Math.round((total / views) * 10_000) / 10_000;
}

/**
 * `POST /api/deliverables/:id/duplicate`: a copy going live at `publishAt`, in
 * the same deal or `dealId`. Its draft keeps its distance to the go-live.
 */
export const deliverableDuplicateSchema = z.object({
  publishAt: instantSchema,
  dealId: idSchema.optional(),
});
export type DeliverableDuplicate = z.input<typeof deliverableDuplicateSchema>;

/** The most occurrences one series makes. */
export const MAX_OCCURRENCES = 52;

const occurrences = z
  .number({ error: 'Expected a whole number' })
  .int('Expected a whole number')
  .min(2, 'At least 2')
  .max(MAX_OCCURRENCES, `At most ${MAX_OCCURRENCES}`);

/** Every `every` days or weeks, `count` times or until a day (inclusive), at most 52 in all. */
export const repeatSchema = z
  .object({
    every: z
      .number({ error: 'Expected a whole number' })
      .int('Expected a whole number')
      .min(1, 'At least 1')
      .max(52, 'At most 52'),
    unit: z.enum(['day', 'week'], { error: 'Expected day or week' }),
    count: occurrences.optional(),
    until: daySchema.optional(),
  })
  .superRefine((repeat, ctx) => {
    if ((repeat.count === undefined) === (repeat.until === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'Give either a number of times or a last day',
      });
    }
  });
export type Repeat = z.input<typeof repeatSchema>;

/**
 * `POST /api/deliverables/series`: a deliverable and its repeats, each a
 * deliverable of its own. Steps are taken in `timeZone` (default: the
 * workspace's), so the go-live keeps its wall-clock time across DST.
 */
export const deliverableSeriesSchema = deliverableCreateSchema.extend({
  publishAt: instantSchema,
  repeat: repeatSchema,
  timeZone: timeZoneSchema.optional(),
});
export type DeliverableSeries = z.input<typeof deliverableSeriesSchema>;
