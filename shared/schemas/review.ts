import { z } from 'zod';
import { formatSchema, platformSchema, deliverableStatusSchema } from './deliverable';
import { textSchema } from './common';

export const REVIEW_LINK_MAX_DAYS = 90;
export const REVIEW_LINK_DEFAULT_DAYS = 7;
export const REVIEW_COMMENT_MAX = 5000;

/** `POST /api/deliverables/:id/review-links`: how long the brand has to answer. */
export const reviewLinkCreateSchema = z.object({
  expiresInDays: z
    .number({ error: 'Expected a number of days' })
    .int('Expected a whole number of days')
    .min(1, 'At least 1 day')
    .max(REVIEW_LINK_MAX_DAYS, `At most ${REVIEW_LINK_MAX_DAYS} days`)
    .optional(),
});
export type ReviewLinkCreate = z.input<typeof reviewLinkCreateSchema>;

export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const;
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS, {
  error: 'Expected "approve" or "request_changes"',
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const REVIEW_LINK_STATES = [
  'open',
  'approved',
  'changes_requested',
  'expired',
  'revoked',
] as const;
export type ReviewLinkState = (typeof REVIEW_LINK_STATES)[number];

/** A review link as the team sees it (`GET /api/deliverables/:id/review-links`). */
export const reviewLinkSchema = z.object({
  id: z.string(),
  deliverableId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decision: reviewDecisionSchema.nullable(),
  comment: z.string().nullable(),
  /** What the reviewer typed as their name, when they did. */
  reviewerName: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** As of now: a decided link is `approved` or `changes_requested`, whatever its expiry. */
  state: z.enum(REVIEW_LINK_STATES),
});
export type ReviewLink = z.infer<typeof reviewLinkSchema>;

/** The answer to creating a link: its URL and token are shown this once. */
export const reviewLinkCreatedSchema = reviewLinkSchema.extend({
  url: z.string(),
  token: z.string(),
});
export type ReviewLinkCreated = z.infer<typeof reviewLinkCreatedSchema>;

/**
 * `GET /api/review/:token` (public): the draft as the brand sees it, and
 * nothing else of the workspace (no ids, fees, people or e-mail addresses).
 */
export const reviewViewSchema = z.strictObject({
  workspaceName: z.string(),
  brandName: z.string(),
  title: z.string(),
  platform: platformSchema,
  format: formatSchema,
  status: deliverableStatusSchema,
  draftDueAt: z.string().nullable(),
  publishAt: z.string().nullable(),
  caption: z.string(),
  /** The deliverable's brief. */
  notes: z.string(),
  draftLinks: z.array(z.object({ label: z.string(), url: z.string() })),
  /** When this link stops working. */
  expiresAt: z.string(),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

/** `POST /api/review/:token/decision`: a comment is required to ask for changes. */
export const reviewDecisionBodySchema = z
  .object({
    decision: reviewDecisionSchema,
    comment: textSchema(REVIEW_COMMENT_MAX).optional(),
    name: textSchema(200).trim().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'request_changes' && (body.comment ?? '').trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: 'Say what should change',
      });
    }
  });
export type ReviewDecisionBody = z.input<typeof reviewDecisionBodySchema>;

/** The answer to a decision. */
export const reviewDecisionResultSchema = z.object({
  decision: reviewDecisionSchema,
  decidedAt: z.string(),
  status: deliverableStatusSchema,
});
export type ReviewDecisionResult = z.infer<typeof reviewDecisionResultSchema>;
