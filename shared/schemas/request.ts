import { z } from 'zod';
import {
  centsSchema,
  currencySchema,
  daySchema,
  emailSchema,
  idSchema,
  nameSchema,
  textSchema,
  urlSchema,
} from './common';
import { formatSchema, platformSchema } from './deliverable';

export const REQUEST_STATUSES = ['new', 'accepted', 'declined', 'spam'] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/**
 * The form fields the owner may make required (company, name and e-mail always are).
 * `items`: at least one rate-card item or a free-text "what you want";
 * `budget`: an amount with its currency; `dates`: the first and last day.
 */
export const REQUIRABLE_REQUEST_FIELDS = [
  'website',
  'items',
  'budget',
  'dates',
  'usageRights',
  'exclusivity',
  'message',
] as const;
export type RequirableRequestField = (typeof REQUIRABLE_REQUEST_FIELDS)[number];

export const DEFAULT_DECLINE_TEMPLATE = `Hi {{name}},

Thank you for thinking of me for {{company}}. I am not able to take this on right now, but I appreciate you reaching out and hope we can work together another time.

Best wishes,
{{creator}}`;

/** The "Work with me" form's settings, kept on the media kit (the owner's to change). */
export const requestFormSettingsSchema = z.object({
  enabled: z.boolean({ error: 'Expected true or false' }),
  requiredFields: z
    .array(z.enum(REQUIRABLE_REQUEST_FIELDS))
    .max(REQUIRABLE_REQUEST_FIELDS.length)
    .transform((fields) => [...new Set(fields)]),
  /** The polite reply a declined brand may get: `{{name}}`, `{{company}}`, `{{creator}}` are filled in. */
  declineTemplate: textSchema(5_000),
});
export type RequestFormSettings = z.output<typeof requestFormSettingsSchema>;

export const DEFAULT_REQUEST_FORM: RequestFormSettings = {
  enabled: false,
  requiredFields: ['message'],
  declineTemplate: DEFAULT_DECLINE_TEMPLATE,
};

/** At most this many links in a request's message: more is how spam reads. */
export const REQUEST_MESSAGE_MAX_LINKS = 3;
const LINK = /\bhttps?:\/\/|\bwww\./gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** One line of the rate card, asked for `quantity` times. */
export const requestedItemInputSchema = z.object({
  /** The line's position on the published rate card. */
  rateCardIndex: z.number().int('Expected a whole number').min(0).max(49),
  quantity: z
    .number({ error: 'Expected a whole number' })
    .int('Expected a whole number')
    .min(1, 'At least 1')
    .max(100, 'At most 100'),
});

const optionalText = (max: number) => textSchema(max).trim().default('');

/**
 * What a brand sends through the public form (`POST /kit/:slug/request` reads
 * its form fields into this; `POST /api/kit/:slug/requests` takes it as JSON).
 * Which of the optional fields are required is the owner's choice, checked by the server.
 */
export const requestSubmissionSchema = z
  .object({
    company: nameSchema(200),
    name: nameSchema(200),
    email: emailSchema,
    website: urlSchema.optional(),
    items: z.array(requestedItemInputSchema).max(50, 'At most 50 items').default([]),
    want: optionalText(2_000),
    budgetCents: centsSchema.optional(),
    budgetMaxCents: centsSchema.optional(),
    currency: currencySchema.optional(),
    datesFrom: daySchema.optional(),
    datesTo: daySchema.optional(),
    usageRights: optionalText(1_000),
    exclusivity: optionalText(1_000),
    message: optionalText(5_000),
    /** The signed moment the form was handed out (from the form page or `request-form`). */
    token: z.string().max(200).default(''),
    /** Left empty by people; filled by bots. */
    homepage: z.string().max(2_000).default(''),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if ((r.budgetCents !== undefined || r.budgetMaxCents !== undefined) && !r.currency)
      issue('currency', 'Say which currency the budget is in');
    if (r.budgetMaxCents !== undefined && r.budgetCents === undefined)
      issue('budgetCents', 'Give the lowest amount of the range too');
    if (
      r.budgetCents !== undefined &&
      r.budgetMaxCents !== undefined &&
      r.budgetMaxCents < r.budgetCents
    )
      issue('budgetMaxCents', 'Must not be less than the lowest amount');
    if (r.datesFrom && r.datesTo && r.datesTo < r.datesFrom)
      issue('datesTo', 'Must not be before the first day');
    if (countLinks(r.message) > REQUEST_MESSAGE_MAX_LINKS)
      issue('message', `At most ${REQUEST_MESSAGE_MAX_LINKS} links, please`);
    const seen = new Set<number>();
    r.items.forEach((item, index) => {
      if (seen.has(item.rateCardIndex))
        ctx.addIssue({ code: 'custom', path: ['items', index], message: 'Listed twice' });
      seen.add(item.rateCardIndex);
    });
  });
export type RequestSubmission = z.input<typeof requestSubmissionSchema>;
export type RequestSubmissionInput = z.output<typeof requestSubmissionSchema>;

/** What the public form offers, as JSON (`GET /api/kit/:slug/request-form`). */
export const publicRequestFormSchema = z.object({
  creator: z.string(),
  rateCard: z.array(
    z.object({
      rateCardIndex: z.number().int(),
      platform: platformSchema,
      format: formatSchema,
      priceCents: z.number().int(),
      currency: z.string(),
      note: z.string(),
    }),
  ),
  requiredFields: z.array(z.enum(REQUIRABLE_REQUEST_FIELDS)),
  /** Send it back with the request. */
  token: z.string(),
});
export type PublicRequestForm = z.infer<typeof publicRequestFormSchema>;

/** A requested item as kept: the rate-card line as it read when the request came in. */
export const requestedItemSchema = z.object({
  rateCardIndex: z.number().int(),
  platform: platformSchema,
  format: formatSchema,
  description: z.string(),
  quantity: z.number().int(),
  unitCents: z.number().int(),
  currency: z.string(),
});
export type RequestedItem = z.infer<typeof requestedItemSchema>;

export const brandRequestSchema = z.object({
  id: z.string(),
  status: requestStatusSchema,
  company: z.string(),
  name: z.string(),
  email: z.string(),
  website: z.string().nullable(),
  items: z.array(requestedItemSchema),
  want: z.string(),
  budgetCents: z.number().int().nullable(),
  budgetMaxCents: z.number().int().nullable(),
  currency: z.string().nullable(),
  datesFrom: z.string().nullable(),
  datesTo: z.string().nullable(),
  usageRights: z.string(),
  exclusivity: z.string(),
  message: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  brandId: z.string().nullable(),
  dealId: z.string().nullable(),
});
export type BrandRequest = z.infer<typeof brandRequestSchema>;

/** A request in full, with the known brand it seems to come from (suggested, never applied). */
export const brandRequestDetailSchema = brandRequestSchema.extend({
  suggestedBrand: z
    .object({
      id: z.string(),
      name: z.string(),
      matchedBy: z.enum(['email_domain', 'name']),
    })
    .nullable(),
});
export type BrandRequestDetail = z.infer<typeof brandRequestDetailSchema>;

export const requestListQuerySchema = z.object({
  state: requestStatusSchema.optional(),
  dealId: idSchema.optional(),
});

export const requestListSchema = z.object({
  items: z.array(brandRequestSchema),
  counts: z.object({
    new: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    spam: z.number().int(),
  }),
});
export type RequestList = z.infer<typeof requestListSchema>;

export const requestAcceptSchema = z.object({
  /** A known brand to file it under; none: a new brand named after the company. */
  brandId: idSchema.optional(),
});
export type RequestAccept = z.input<typeof requestAcceptSchema>;

export const requestAcceptedSchema = z.object({ brandId: z.string(), dealId: z.string() });

export const requestDeclineSchema = z.object({
  sendReply: z.boolean({ error: 'Expected true or false' }),
  /** The reply as sent; none: the form's decline template, filled in. */
  message: textSchema(5_000).trim().min(1, 'Required').optional(),
});
export type RequestDecline = z.input<typeof requestDeclineSchema>;
