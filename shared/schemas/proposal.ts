import { z } from 'zod';
import { paymentTermsDaysSchema, paymentTriggerSchema } from './billing';
import {
  centsSchema,
  currencySchema,
  daySchema,
  emailSchema,
  nameSchema,
  textSchema,
} from './common';
import { formatSchema, platformSchema } from './deliverable';

export const PROPOSAL_MAX_ITEMS = 30;
export const PROPOSAL_MAX_QUANTITY = 20;
export const PROPOSAL_NOTE_MAX = 5000;
export const PROPOSAL_COMMENT_MAX = 5000;
/** A proposal's unit price is below this (a hundred billion in minor units). */
const MAX_UNIT_CENTS = 100_000_000_000;

/** One line of a proposal: what is made, how many, at what price, and when it goes live. */
export const proposalItemSchema = z.object({
  description: nameSchema(200).refine((v) => !/[\r\n]/.test(v), 'Must be on one line'),
  quantity: z
    .number({ error: 'Expected a whole number' })
    .int('Expected a whole number')
    .min(1, 'At least 1')
    .max(PROPOSAL_MAX_QUANTITY, `At most ${PROPOSAL_MAX_QUANTITY}`),
  unitCents: centsSchema.max(MAX_UNIT_CENTS, 'Too large an amount'),
  platform: platformSchema.optional(),
  format: formatSchema.optional(),
  publishOn: daySchema.optional(),
});
export type ProposalItemInput = z.input<typeof proposalItemSchema>;

/** `POST /api/deals/:id/proposals`: the terms the brand will see, and until when they stand. */
export const proposalCreateSchema = z
  .object({
    items: z
      .array(proposalItemSchema)
      .min(1, 'At least one item')
      .max(PROPOSAL_MAX_ITEMS, `At most ${PROPOSAL_MAX_ITEMS} items`),
    currency: currencySchema,
    paymentTermsDays: paymentTermsDaysSchema,
    paymentTrigger: paymentTriggerSchema,
    usageRightsUntil: daySchema.optional(),
    exclusivityCategory: textSchema(100).trim().optional(),
    exclusivityUntil: daySchema.optional(),
    revisionRounds: z
      .number({ error: 'Expected a whole number' })
      .int('Expected a whole number')
      .min(0, 'Must not be negative')
      .max(20, 'At most 20')
      .optional(),
    note: textSchema(PROPOSAL_NOTE_MAX).optional(),
    expiresOn: daySchema,
  })
  .superRefine((body, ctx) => {
    if (body.exclusivityUntil && !body.exclusivityCategory) {
      ctx.addIssue({
        code: 'custom',
        path: ['exclusivityCategory'],
        message: 'Name the category the exclusivity covers',
      });
    }
  });
export type ProposalCreate = z.input<typeof proposalCreateSchema>;

/** The terms as stored and shown: every optional field present, the total worked out. */
export const proposalTermsSchema = z.object({
  items: z.array(
    z.object({
      description: z.string(),
      quantity: z.number().int(),
      unitCents: z.number().int(),
      platform: platformSchema.nullable(),
      format: formatSchema.nullable(),
      publishOn: z.string().nullable(),
    }),
  ),
  currency: z.string(),
  totalCents: z.number().int(),
  paymentTermsDays: z.number().int(),
  paymentTrigger: paymentTriggerSchema,
  usageRightsUntil: z.string().nullable(),
  exclusivityCategory: z.string().nullable(),
  exclusivityUntil: z.string().nullable(),
  revisionRounds: z.number().int().nullable(),
  note: z.string(),
});
export type ProposalTerms = z.infer<typeof proposalTermsSchema>;

export const PROPOSAL_STATUSES = [
  'sent',
  'accepted',
  'changes_requested',
  'withdrawn',
  'replaced',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** The status as of now: a `sent` proposal past its expiry day is `expired`. */
export const PROPOSAL_STATES = [...PROPOSAL_STATUSES, 'expired'] as const;
export const proposalStateSchema = z.enum(PROPOSAL_STATES);
export type ProposalState = z.infer<typeof proposalStateSchema>;

/** A proposal as the team sees it (`GET /api/deals/:id/proposals`). */
export const proposalSchema = z.object({
  id: z.string(),
  dealId: z.string(),
  version: z.number().int(),
  status: z.enum(PROPOSAL_STATUSES),
  state: proposalStateSchema,
  terms: proposalTermsSchema,
  expiresOn: z.string(),
  /** The brand's page; null when this install's link secret did not make the link. */
  url: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedName: z.string().nullable(),
  decidedTitle: z.string().nullable(),
  decidedIp: z.string().nullable(),
  termsHash: z.string().nullable(),
  comment: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalCreatedSchema = z.object({
  id: z.string(),
  url: z.string(),
  token: z.string(),
  version: z.number().int(),
});
export type ProposalCreated = z.infer<typeof proposalCreatedSchema>;

/**
 * `GET /api/proposal-links/:token` (public): the proposal as its brand sees it
 * and nothing else of the workspace. A withdrawn or replaced proposal shows no terms.
 */
export const proposalViewSchema = z.strictObject({
  workspaceName: z.string(),
  brandName: z.string(),
  dealTitle: z.string(),
  version: z.number().int(),
  state: proposalStateSchema,
  sentOn: z.string(),
  expiresOn: z.string(),
  terms: proposalTermsSchema.nullable(),
  decidedAt: z.string().nullable(),
  decidedName: z.string().nullable(),
  decidedTitle: z.string().nullable(),
});
export type ProposalView = z.infer<typeof proposalViewSchema>;

export const PROPOSAL_DECISIONS = ['accept', 'request_changes'] as const;
export const proposalDecisionSchema = z.enum(PROPOSAL_DECISIONS, {
  error: 'Expected "accept" or "request_changes"',
});
export type ProposalDecision = z.infer<typeof proposalDecisionSchema>;

/** `POST /api/proposal-links/:token/decision`: accepting needs the tick; changes need a comment. */
export const proposalDecisionBodySchema = z
  .object({
    decision: proposalDecisionSchema,
    name: nameSchema(200).refine((v) => !/[\r\n]/.test(v), 'Must be on one line'),
    title: textSchema(200).trim().optional(),
    agree: z.boolean({ error: 'Expected true or false' }).optional(),
    comment: textSchema(PROPOSAL_COMMENT_MAX).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'accept' && body.agree !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['agree'],
        message: 'Tick "I agree to these terms" to accept',
      });
    }
    if (body.decision === 'request_changes' && (body.comment ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what should change' });
    }
  });
export type ProposalDecisionBody = z.input<typeof proposalDecisionBodySchema>;

export const proposalDecisionResultSchema = z.object({
  decision: proposalDecisionSchema,
  decidedAt: z.string(),
  state: proposalStateSchema,
  termsHash: z.string(),
});
export type ProposalDecisionResult = z.infer<typeof proposalDecisionResultSchema>;

/** The terms from what the team typed: optional fields made explicit, the total added up. */
export function proposalTermsOf(input: z.output<typeof proposalCreateSchema>): ProposalTerms {
  const items = input.items.map((item) => ({
    description: item.description,
    quantity: item.quantity,
    unitCents: item.unitCents,
    platform: item.platform ?? null,
    format: item.format ?? null,
    publishOn: item.publishOn ?? null,
  }));
  return {
    items,
    currency: input.currency,
    totalCents: items.reduce((sum, item) => sum + item.quantity * item.unitCents, 0),
    paymentTermsDays: input.paymentTermsDays,
    paymentTrigger: input.paymentTrigger,
    usageRightsUntil: input.usageRightsUntil ?? null,
    exclusivityCategory: input.exclusivityCategory ? input.exclusivityCategory : null,
    exclusivityUntil: input.exclusivityUntil ?? null,
    revisionRounds: input.revisionRounds ?? null,
    note: input.note?.trim() ?? '',
  };
}

/** `POST /api/proposals/:id/send`: to the brand's contacts unless `to` is given, with an optional message. */
export const proposalSendSchema = z.object({
  to: z
    .array(emailSchema)
    .min(1, 'At least one address')
    .max(10, 'At most 10 addresses')
    .optional(),
  message: textSchema(PROPOSAL_NOTE_MAX).optional(),
});
export type ProposalSend = z.input<typeof proposalSendSchema>;

export const proposalSentSchema = z.object({
  sentAt: z.string(),
  to: z.array(z.string()),
  messageId: z.string(),
});
export type ProposalSent = z.infer<typeof proposalSentSchema>;
