import { z } from 'zod';
import {
  centsSchema,
  currencySchema,
  emailSchema,
  idSchema,
  nameSchema,
  textSchema,
  versionSchema,
} from './common';
import { formatSchema, platformSchema } from './deliverable';
import { REQUIRABLE_REQUEST_FIELDS, requestFormSettingsSchema } from './request';

/** 3 to 60 characters: lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
export const KIT_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/;
export const KIT_SLUG_MESSAGE =
  'Use 3–60 lowercase letters, digits and hyphens, starting and ending with a letter or digit';

export const kitSlugSchema = z.string().trim().regex(KIT_SLUG_PATTERN, KIT_SLUG_MESSAGE);

const count = z
  .number({ error: 'Expected a whole number' })
  .int('Expected a whole number')
  .min(0, 'Must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

/** One line of the rate card: what a format on a platform costs. */
export const rateCardItemSchema = z.object({
  platform: platformSchema,
  format: formatSchema,
  priceCents: centsSchema,
  currency: currencySchema,
  /** e.g. "includes 30 days of usage rights". */
  note: textSchema(300).trim().optional(),
});
export type RateCardItemInput = z.input<typeof rateCardItemSchema>;

export const audiencePlatformSchema = z.object({
  platform: platformSchema,
  handle: nameSchema(100),
  followers: count,
  averageViews: count.nullable().optional(),
});

export const audienceSchema = z.object({
  platforms: z.array(audiencePlatformSchema).max(20, 'At most 20 platforms'),
  /** Free text: "68 % women, 25–34". */
  demographics: textSchema(2_000),
  topLocations: textSchema(500),
});
export type Audience = z.infer<typeof audienceSchema>;

/** Picked deliverables, each once; the server checks that they exist and are published. */
export const caseStudyIdsSchema = z
  .array(idSchema)
  .max(12, 'Pick at most 12 case studies')
  .superRefine((ids, ctx) => {
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        ctx.addIssue({ code: 'custom', path: [index], message: 'Picked twice' });
      }
    });
  });

const kitFields = {
  /** The public address is `/kit/<slug>`; required to publish. */
  slug: kitSlugSchema.nullable(),
  displayName: textSchema(200).trim(),
  headline: textSchema(300).trim(),
  bio: textSchema(5_000),
  contactEmail: emailSchema.nullable(),
  audience: audienceSchema,
  rateCard: z.array(rateCardItemSchema).max(50, 'At most 50 rates'),
  caseStudyIds: caseStudyIdsSchema,
  published: z.boolean({ error: 'Expected true or false' }),
  /** The "Work with me" form (`/kit/<slug>/request`). */
  requestForm: requestFormSettingsSchema,
};

/**
 * A PATCH carries the `version` it read and only the fields it changes. Before
 * the first save the kit is answered with its defaults at version 1.
 */
export const mediaKitPatchSchema = z.object(kitFields).partial().extend({ version: versionSchema });
export type MediaKitPatch = z.input<typeof mediaKitPatchSchema>;

const metricValue = z.number().int().nullable();

/** A published deliverable as a case study: its numbers, never its fee, caption or brief. */
export const caseStudySchema = z.object({
  id: z.string(),
  title: z.string(),
  brandName: z.string(),
  platform: platformSchema,
  format: formatSchema,
  publishAt: z.string().nullable(),
  metrics: z.object({
    views: metricValue,
    likes: metricValue,
    comments: metricValue,
    shares: metricValue,
    saves: metricValue,
    clicks: metricValue,
  }),
  /** As `engagementRate()` in deliverable.ts: a fraction, or null. */
  engagementRate: z.number().nullable(),
});
export type CaseStudy = z.infer<typeof caseStudySchema>;

/** The media kit as the API answers it. */
export const mediaKitSchema = z.object({
  slug: z.string().nullable(),
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  contactEmail: z.string().nullable(),
  audience: z.object({
    platforms: z.array(
      z.object({
        platform: platformSchema,
        handle: z.string(),
        followers: z.number().int(),
        averageViews: z.number().int().nullable(),
      }),
    ),
    demographics: z.string(),
    topLocations: z.string(),
  }),
  rateCard: z.array(
    z.object({
      platform: platformSchema,
      format: formatSchema,
      priceCents: z.number().int(),
      currency: z.string(),
      note: z.string(),
    }),
  ),
  caseStudyIds: z.array(z.string()),
  published: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** The public page's full URL once a slug is chosen (it answers only while published). */
  url: z.string().nullable(),
  /** The picked deliverables that are still published, in the order picked. */
  caseStudies: z.array(caseStudySchema),
  requestForm: z.object({
    enabled: z.boolean(),
    requiredFields: z.array(z.enum(REQUIRABLE_REQUEST_FIELDS)),
    declineTemplate: z.string(),
  }),
});
export type MediaKit = z.infer<typeof mediaKitSchema>;
export type RateCardItem = MediaKit['rateCard'][number];
export type AudiencePlatform = MediaKit['audience']['platforms'][number];
