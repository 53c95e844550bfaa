import { z } from 'zod';
import { pitchChannelSchema } from './brand';
import { daySchema, idSchema, textSchema } from './common';

/**
 * What one entry of a brand's timeline tells of. Each comes from a record that
 * already exists (the audit trail, the pitch log, review links, invoice events,
 * payments, requests, proposals) or from a manual note.
 */
export const TIMELINE_TYPES = [
  'note',
  'pitch',
  'brand_created',
  'brand_changed',
  'request_received',
  'request_decided',
  'deal_created',
  'deal_status',
  'deal_changed',
  'proposal_sent',
  'proposal_answered',
  'review_link_sent',
  'review_decision',
  'invoice_sent',
  'invoice_reminder',
  'remittance',
  'payment',
  'report_shared',
  'testimonial',
] as const;
export const timelineTypeSchema = z.enum(TIMELINE_TYPES);
export type TimelineType = z.infer<typeof timelineTypeSchema>;

/** What an entry links to. */
export const TIMELINE_SUBJECTS = [
  'brand',
  'note',
  'pitch',
  'request',
  'deal',
  'proposal',
  'deliverable',
  'invoice',
] as const;
export const timelineSubjectSchema = z.enum(TIMELINE_SUBJECTS);
export type TimelineSubject = z.infer<typeof timelineSubjectSchema>;

/**
 * The paging cursor: the last entry's instant, then its id (`<source>~<row id>`),
 * joined by `~`. Entries are ordered by instant, then id, newest first, so two
 * entries of the same millisecond still have one place each.
 */
export const TIMELINE_CURSOR =
  // The row id is the rest, whatever it holds (ids imported from another install are free text).
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([a-z][a-z-]{0,39})~(.{1,64})$/su;

export const TIMELINE_DEFAULT_LIMIT = 50;
export const TIMELINE_MAX_LIMIT = 100;

/** `GET /api/brands/:id/timeline?limit&before`. */
export const timelineQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'Expected a number' })
    .int('Expected a whole number')
    .min(1, 'At least 1')
    .max(TIMELINE_MAX_LIMIT, `At most ${TIMELINE_MAX_LIMIT}`)
    .optional(),
  before: z
    .string()
    .regex(TIMELINE_CURSOR, 'Expected the nextBefore of the previous page')
    .refine((v) => !Number.isNaN(Date.parse(v.slice(0, 24))), 'Not a real instant')
    .refine((v) => !v.includes('\u0000'), 'Must not contain NUL characters')
    .optional(),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** Who did it: a teammate, someone at the brand (a reviewer, a signer, a payer), or null for Sponsorcal itself. */
export const timelineActorSchema = z
  .object({
    kind: z.enum(['team', 'brand']),
    /** The teammate's user id; null for people at the brand. */
    id: z.string().nullable(),
    name: z.string(),
  })
  .nullable();
export type TimelineActor = z.infer<typeof timelineActorSchema>;

export const timelineItemSchema = z.object({
  /** Unique in the timeline: `<source>~<row id>`. */
  id: z.string(),
  type: timelineTypeSchema,
  at: z.string(),
  actor: timelineActorSchema,
  subjectType: timelineSubjectSchema,
  subjectId: z.string(),
  /** The deal the subject belongs to, when it belongs to one (to link to its page). */
  dealId: z.string().nullable(),
  /** One line, e.g. `Invoice INV-0007 sent to ap@glow.example`. */
  summary: z.string(),
  /** What was written with it, when anything was: a note's text, a reviewer's comment. */
  detail: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelinePageSchema = z.object({
  items: z.array(timelineItemSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

/** `POST /api/brands/:id/notes`: a touch the app did not see (a call, a meeting, a DM). */
export const noteCreateSchema = z.object({
  happenedOn: daySchema,
  channel: pitchChannelSchema,
  text: textSchema(5_000).trim().min(1, 'Write what happened'),
});
export type NoteCreate = z.input<typeof noteCreateSchema>;

export const noteSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  happenedOn: z.string(),
  channel: pitchChannelSchema,
  text: z.string(),
  /** Where it sits on the timeline: when it was written on its own day, else noon of that day. */
  at: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;
