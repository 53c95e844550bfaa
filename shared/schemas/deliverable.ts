import { z } from 'zod';
import {
  idSchema,
  instantSchema,
  listFilter,
  nameSchema,
  textSchema,
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

/** How each platform is written for people, on both sides. */
export const PLATFORM_LABELS: Record<Platform, string> = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  youtube: 'YouTube',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  twitch: 'Twitch',
  pinterest: 'Pinterest',
  threads: 'Threads',
  snapchat: 'Snapchat',
  blog: 'Blog',
  newsletter: 'Newsletter',
  podcast: 'Podcast',
  other: 'Other',
};

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
export const deliverablePatchSchema = z.object(deliverableFields).partial().extend({ version: versionSchema });
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
  liveUrl: z.string().nullable(),
  metrics: z.object({
    views: metricValue,
    likes: metricValue,
    comments: metricValue,
    shares: metricValue,
    saves: metricValue,
    clicks: metricValue,
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});
export type Deliverable = z.infer<typeof deliverableSchema>;
