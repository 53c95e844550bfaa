import { z } from 'zod';
import { timeZoneSchema } from './common';

/**
 * What a CSV row can fill in: one row is one deliverable, with its deal and
 * brand named (found by name, or created).
 */
export const IMPORT_FIELDS = [
  'brand',
  'deal',
  'title',
  'platform',
  'format',
  'status',
  'draftDueAt',
  'publishAt',
  'fee',
  'currency',
  'caption',
  'brief',
  'liveUrl',
  'disclosureDone',
  'paidPartnershipLabel',
  'adInCaption',
  'brandedContentToggle',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
] as const;
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importFieldSchema>;

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'brand',
  'deal',
  'title',
  'platform',
];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  brand: 'Brand',
  deal: 'Deal',
  title: 'Deliverable title',
  platform: 'Platform',
  format: 'Format',
  status: 'Status',
  draftDueAt: 'Draft due',
  publishAt: 'Go live',
  fee: 'Deal fee',
  currency: 'Currency',
  caption: 'Caption',
  brief: 'Brief',
  liveUrl: 'Live URL',
  disclosureDone: 'Disclosed',
  paidPartnershipLabel: 'Paid-partnership label',
  adInCaption: '#ad hashtag',
  brandedContentToggle: 'Branded-content toggle',
  views: 'Views',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  clicks: 'Clicks',
};

/** How `03/04/2026` reads: day first (most of the world), month first (US), or year first. */
export const DATE_ORDERS = ['DMY', 'MDY', 'YMD'] as const;
export const dateOrderSchema = z.enum(DATE_ORDERS);
export type DateOrder = z.infer<typeof dateOrderSchema>;

/** Which CSV column (by its header) fills which field; unmapped fields are left out. */
export const importMappingSchema = z.partialRecord(importFieldSchema, z.string().min(1).max(200));
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The form fields sent beside the file (`multipart/form-data`, field `file`). */
export const importOptionsSchema = z.object({
  /** JSON of `{field: column header}`. */
  mapping: z
    .string({ error: 'Required: which column fills which field, as JSON' })
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Expected JSON such as {"title":"Post title"}' });
        return z.NEVER;
      }
    })
    .pipe(importMappingSchema),
  /** The zone of times written without an offset. */
  timeZone: timeZoneSchema,
  dateOrder: dateOrderSchema.default('YMD'),
  /** `true`: check every row and report, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
});
export type ImportOptions = z.output<typeof importOptionsSchema>;

/** `POST /api/imports/deliverables/preview`: the file's columns and first rows, and a suggested mapping. */
export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  suggestedMapping: importMappingSchema,
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  rowCount: z.number().int(),
  /** What was (or, on a dry run, would be) created. */
  created: z.object({
    brands: z.number().int(),
    deals: z.number().int(),
    deliverables: z.number().int(),
  }),
});
export type ImportResult = z.infer<typeof importResultSchema>;
