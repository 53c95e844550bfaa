import { z } from 'zod';
import { brandStageSchema } from './brand';
import { dealStatusSchema } from './deal';
import { deliverableStatusSchema, platformSchema } from './deliverable';
import { invoiceStatusSchema } from './invoice';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX } from '../constants';

export { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX };

/** `GET /api/search?q=…&limit=…`: at least two characters, as the user types. */
export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'Required' })
    .trim()
    .min(2, 'Type at least 2 characters')
    .max(200, 'At most 200 characters'),
  limit: z.coerce
    .number({ error: 'Expected a whole number' })
    .int('Expected a whole number')
    .min(1, 'At least 1')
    .max(SEARCH_LIMIT_MAX, `At most ${SEARCH_LIMIT_MAX}`)
    .default(SEARCH_LIMIT_DEFAULT),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const SEARCH_KINDS = ['brand', 'deal', 'invoice', 'deliverable'] as const;
export const searchKindSchema = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKindSchema>;

/** The field a result was found by, and the words around the match (the whole field when short). */
const matchFields = {
  id: z.string(),
  /** What the result is called: a brand's name, a deal's or deliverable's title, an invoice's number. */
  title: z.string(),
  matched: z.enum(['name', 'title', 'number', 'caption', 'brief']),
  snippet: z.string(),
};

export const searchResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('brand'), ...matchFields, stage: brandStageSchema }),
  z.object({
    kind: z.literal('deal'),
    ...matchFields,
    brandId: z.string(),
    brandName: z.string(),
    status: dealStatusSchema,
  }),
  z.object({
    kind: z.literal('invoice'),
    ...matchFields,
    /** The invoice number (also its title). */
    number: z.string(),
    dealId: z.string(),
    brandName: z.string(),
    status: invoiceStatusSchema,
  }),
  z.object({
    kind: z.literal('deliverable'),
    ...matchFields,
    dealId: z.string(),
    brandId: z.string(),
    brandName: z.string(),
    platform: platformSchema,
    status: deliverableStatusSchema,
    /** Where the calendar opens it: the go-live, else the draft due moment (null: unscheduled). */
    publishAt: z.string().nullable(),
    draftDueAt: z.string().nullable(),
  }),
]);
export type SearchResult = z.infer<typeof searchResultSchema>;
