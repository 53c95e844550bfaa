import { z } from 'zod';
import { daySchema, nameSchema, textSchema } from './common';
import { formatSchema, metricsSchema, platformSchema } from './deliverable';

/** A metric count as reports and snapshots answer it: null when it was not measured. */
const metricValue = z.number().int().nullable();
export const metricValuesSchema = z.object({
  views: metricValue,
  likes: metricValue,
  comments: metricValue,
  shares: metricValue,
  saves: metricValue,
  clicks: metricValue,
});
export type MetricValues = z.infer<typeof metricValuesSchema>;

/** `POST /api/deliverables/:id/metrics`: the counts as measured on one day. */
export const metricSnapshotCreateSchema = metricsSchema.extend({ measuredOn: daySchema });
export type MetricSnapshotCreate = z.input<typeof metricSnapshotCreateSchema>;

export const metricSnapshotSchema = z.object({
  id: z.string(),
  deliverableId: z.string(),
  measuredOn: z.string(),
  metrics: metricValuesSchema,
  engagementRate: z.number().nullable(),
  createdAt: z.string(),
});
export type MetricSnapshot = z.infer<typeof metricSnapshotSchema>;

export const REPORT_LINK_DEFAULT_DAYS = 90;
export const REPORT_SUMMARY_MAX = 4000;

/** `POST /api/deals/:id/report-links`. */
export const reportLinkCreateSchema = z.object({
  /** The creator's note at the top of the report. */
  summary: textSchema(REPORT_SUMMARY_MAX).trim().default(''),
  expiresInDays: z
    .number({ error: 'Expected a whole number of days' })
    .int('Expected a whole number of days')
    .min(1, 'At least 1 day')
    .max(365, 'At most 365 days')
    .optional(),
});
export type ReportLinkCreate = z.input<typeof reportLinkCreateSchema>;

export const REPORT_LINK_STATES = ['active', 'expired', 'revoked'] as const;
export const reportLinkSchema = z.object({
  id: z.string(),
  dealId: z.string(),
  summary: z.string(),
  state: z.enum(REPORT_LINK_STATES),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ReportLink = z.infer<typeof reportLinkSchema>;
export const reportLinkCreatedSchema = reportLinkSchema.extend({
  url: z.string(),
  token: z.string(),
});
export type ReportLinkCreated = z.infer<typeof reportLinkCreatedSchema>;

/** Growth of each count since the first snapshot (null without two measurements). */
const reportDeliverableSchema = z.object({
  title: z.string(),
  platform: platformSchema,
  format: formatSchema,
  status: z.string(),
  postedOn: z.string().nullable(),
  liveUrl: z.string().nullable(),
  disclosed: z.boolean(),
  metrics: metricValuesSchema,
  engagementRate: z.number().nullable(),
  measuredOn: z.string().nullable(),
  firstMeasuredOn: z.string().nullable(),
  growth: metricValuesSchema.nullable(),
  history: z.array(z.object({ measuredOn: z.string(), metrics: metricValuesSchema })),
});
export type ReportDeliverable = z.infer<typeof reportDeliverableSchema>;

const reportTotalsSchema = z.object({
  deliverables: z.number().int(),
  metrics: metricValuesSchema,
  engagementRate: z.number().nullable(),
});
export type ReportTotals = z.infer<typeof reportTotalsSchema>;

/** The public report: one deal's results, no money and nobody of the team. */
export const reportViewSchema = z.object({
  workspaceName: z.string(),
  brandName: z.string(),
  dealTitle: z.string(),
  summary: z.string(),
  sharedOn: z.string(),
  deliverables: z.array(reportDeliverableSchema),
  totals: reportTotalsSchema,
  /** Per published deliverable, rounded down to whole counts. */
  averages: z.object({ metrics: metricValuesSchema, engagementRate: z.number().nullable() }),
  platforms: z.array(reportTotalsSchema.extend({ platform: platformSchema })),
  /** The accepted proposal's items against what went live; null without an accepted proposal. */
  promised: z
    .array(
      z.object({
        description: z.string(),
        quantity: z.number().int(),
        platform: platformSchema.nullable(),
        format: formatSchema.nullable(),
        live: z.number().int(),
      }),
    )
    .nullable(),
  disclosure: z.object({ disclosed: z.number().int(), published: z.number().int() }),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const TESTIMONIAL_QUOTE_MAX = 1000;

/** `POST /api/report-links/:token/testimonial`: what the brand says, and whether it may be shown. */
export const testimonialBodySchema = z.object({
  quote: nameSchema(TESTIMONIAL_QUOTE_MAX),
  name: nameSchema(100).refine((v) => !/[\r\n]/.test(v), 'Must be on one line'),
  title: textSchema(100)
    .trim()
    .refine((v) => !/[\r\n]/.test(v), 'Must be on one line')
    .default(''),
  mayPublish: z.boolean({ error: 'Expected true or false' }),
});
export type TestimonialBody = z.input<typeof testimonialBodySchema>;

export const testimonialReceivedSchema = z.object({ id: z.string(), createdAt: z.string() });
export type TestimonialReceived = z.infer<typeof testimonialReceivedSchema>;

export const testimonialSchema = z.object({
  id: z.string(),
  dealId: z.string(),
  dealTitle: z.string(),
  brandName: z.string(),
  quote: z.string(),
  name: z.string(),
  title: z.string(),
  mayPublish: z.boolean(),
  featured: z.boolean(),
  createdAt: z.string(),
});
export type Testimonial = z.infer<typeof testimonialSchema>;

/** `PATCH /api/testimonials/:id`: the owner features it on the media kit, or takes it off. */
export const testimonialPatchSchema = z.object({
  featured: z.boolean({ error: 'Expected true or false' }),
});

/** `GET /api/testimonials?dealId=`. */
export const testimonialListQuerySchema = z.object({ dealId: z.string().max(64).optional() });

/** What the public kit shows of a featured testimonial. */
export const kitTestimonialSchema = z.object({
  quote: z.string(),
  name: z.string(),
  title: z.string(),
  brandName: z.string(),
});
export type KitTestimonial = z.infer<typeof kitTestimonialSchema>;
