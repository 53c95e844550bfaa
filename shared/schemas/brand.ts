import { z } from 'zod';
import { ladderOverrideSchema } from './billing';
import { DEAL_STATUSES } from './deal';
import {
  colorSchema,
  daySchema,
  emailSchema,
  idSchema,
  nameSchema,
  textSchema,
  urlSchema,
  versionSchema,
} from './common';

/** Distinct, readable colours handed out to new brands in turn (and offered in the form). */
export const BRAND_PALETTE = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#dc2626',
  '#0891b2',
  '#65a30d',
  '#c026d3',
  '#ea580c',
] as const;

export const BRAND_STAGES = ['prospect', 'pitched', 'negotiating', 'partner', 'inactive'] as const;
export const brandStageSchema = z.enum(BRAND_STAGES);
export type BrandStage = z.infer<typeof brandStageSchema>;

export const contactSchema = z.object({
  name: nameSchema(200),
  email: emailSchema.nullish().transform((v) => v ?? null),
  role: textSchema(200)
    .nullish()
    .transform((v) => v ?? null),
  /** Invoices go to billing contacts first (when neither the invoice nor the deal names a payer). */
  billing: z.boolean().optional().default(false),
});
export type Contact = z.infer<typeof contactSchema>;

/** Starts with a domain name (`glow.com`, `shop.glow.com:8080/x`): a website written without its scheme. */
const DOMAIN_FIRST = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]|$)/u;
/**
 * A website as people type it: without a scheme (`glow.com`, `www.glow.com/shop`) it is
 * saved as `https://…`, on the API and in the form alike.
 */
export const websiteSchema = z
  .string()
  .transform((v) => {
    const text = v.trim();
    return DOMAIN_FIRST.test(text) ? `https://${text}` : text;
  })
  .pipe(urlSchema);

const brandFields = {
  name: nameSchema(200),
  website: websiteSchema.nullable(),
  category: textSchema(100).trim().nullable(),
  stage: brandStageSchema,
  nextFollowUpOn: daySchema.nullable(),
  notes: textSchema(10_000),
  color: colorSchema,
  contacts: z.array(contactSchema).max(50),
  /** This brand's own reminder ladder for its invoices; null: the workspace's. */
  invoiceReminders: ladderOverrideSchema,
};

/** Every field is optional on create but these; the server fills in the defaults. */
export const brandCreateSchema = z.object(brandFields).partial().required({ name: true });
export type BrandCreate = z.input<typeof brandCreateSchema>;

/** A PATCH carries the `version` it read, and only the fields it changes. */
export const brandPatchSchema = z.object(brandFields).partial().extend({ version: versionSchema });
export type BrandPatch = z.input<typeof brandPatchSchema>;

export const brandListQuerySchema = z.object({
  stage: z.optional(z.string()),
  q: z.optional(z.string().max(200)),
  /** Only brands whose last pitch-log entry is this many days old or more (or that have none). */
  notContactedDays: z.coerce
    .number({ error: 'Expected a whole number of days' })
    .int('Expected a whole number of days')
    .min(1, 'At least 1 day')
    .max(3650, 'At most 3650 days')
    .optional(),
});

export const PITCH_CHANNELS = ['email', 'dm', 'call', 'meeting', 'other'] as const;
export const pitchChannelSchema = z.enum(PITCH_CHANNELS);
export type PitchChannel = z.infer<typeof pitchChannelSchema>;

/** One contact with a brand in the pitch log. */
export const pitchCreateSchema = z.object({
  pitchedOn: daySchema,
  channel: pitchChannelSchema,
  note: textSchema(5_000).optional(),
});
export type PitchCreate = z.input<typeof pitchCreateSchema>;

export const pitchSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  pitchedOn: z.string(),
  channel: pitchChannelSchema,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Pitch = z.infer<typeof pitchSchema>;

/** A brand as the API answers it. */
export const brandSchema = z.object({
  id: idSchema,
  name: z.string(),
  website: z.string().nullable(),
  category: z.string().nullable(),
  stage: brandStageSchema,
  nextFollowUpOn: z.string().nullable(),
  notes: z.string(),
  color: z.string(),
  contacts: z.array(
    z.object({
      name: z.string(),
      email: z.string().nullable(),
      role: z.string().nullable(),
      billing: z.boolean(),
    }),
  ),
  invoiceReminders: z
    .object({
      enabled: z.boolean(),
      steps: z.array(
        z.object({ offsetDays: z.number().int(), subject: z.string(), body: z.string() }),
      ),
    })
    .nullable(),
  dealCount: z.number().int(),
  /** The latest day in the brand's pitch log, or null when it has none. */
  lastContactedOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Brand = z.infer<typeof brandSchema>;

/** A deal is open until it is completed or cancelled. */
export const OPEN_DEAL_STATUSES = DEAL_STATUSES.filter(
  (status) => status !== 'completed' && status !== 'cancelled',
);

/** `GET /api/brands/deal-values`: the fees of each brand's open deals, one row per currency. */
export const brandDealValueSchema = z.object({
  brandId: z.string(),
  currency: z.string(),
  /** The sum of the open deals' fees in this currency. */
  openCents: z.number().int(),
  /** How many open deals there are in this currency. */
  openDeals: z.number().int(),
});
export type BrandDealValue = z.infer<typeof brandDealValueSchema>;
