import { z } from 'zod';
import { idSchema, instantSchema, listFilter, versionSchema } from './common';
import {
  calendarDeliverableSchema,
  deliverableCreateSchema,
  deliverableSchema,
  deliverableStatusSchema,
  platformSchema,
} from './deliverable';

/** How many deliverables one bulk request may change: a page of the list, with room. */
export const BULK_MAX_IDS = 500;

/** How many deliverables the board reads at most; `truncated` says when there were more. */
export const BOARD_MAX_ITEMS = 1000;

/** A deliverable a bulk action applies to, at the version the client read. */
export const bulkTargetSchema = z.object({ id: idSchema, version: versionSchema });

const shiftDays = z
  .number({ error: 'Expected a whole number of days' })
  .int('Expected a whole number of days')
  .min(-366, 'At most 366 days back')
  .max(366, 'At most 366 days ahead')
  .refine((days) => days !== 0, 'Shift by at least one day');

export const bulkActionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('status'), status: deliverableStatusSchema }),
    z.object({ type: z.literal('assignee'), assigneeId: idSchema.nullable() }),
    /** Go-live and draft due move by whole days in the caller's time zone (the wall-clock time stays). */
    z.object({ type: z.literal('shift'), days: shiftDays }),
    z.object({ type: z.literal('delete') }),
  ],
  { error: 'Expected one of status, assignee, shift, delete' },
);
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** `POST /api/deliverables/bulk`: every target changes, or none (one stale version: 409). */
export const bulkRequestSchema = z.object({
  ids: z
    .array(bulkTargetSchema)
    .min(1, 'Select at least one deliverable')
    .max(BULK_MAX_IDS, `At most ${BULK_MAX_IDS} deliverables at once`)
    .refine(
      (ids) => new Set(ids.map((t) => t.id)).size === ids.length,
      'Each deliverable at most once',
    ),
  action: bulkActionSchema,
});
export type BulkRequest = z.input<typeof bulkRequestSchema>;

/**
 * What a bulk action did to each target, in request order: as it was (`before`,
 * what an undo restores) and as it is (`after`; null once deleted).
 */
export const bulkAnswerSchema = z.object({
  items: z.array(z.object({ before: deliverableSchema, after: deliverableSchema.nullable() })),
});
export type BulkAnswer = z.infer<typeof bulkAnswerSchema>;

/**
 * One deliverable to put back as `snapshot` (the `before` a bulk answer gave) says.
 * With `version` (the version the change left) it must still be there at that
 * version and gets the snapshot's planning fields back (status, assignee,
 * go-live, draft due); with `version: null` it must be gone and comes back
 * whole, with the same id, validated as a new one would be.
 */
export const restoreItemSchema = z.object({
  version: versionSchema.nullable(),
  snapshot: deliverableCreateSchema.extend({ id: idSchema, createdAt: instantSchema }),
});

/** `POST /api/deliverables/bulk/restore`: the undo of a bulk action or a delete, all or nothing. */
export const restoreRequestSchema = z.object({
  items: z
    .array(restoreItemSchema)
    .min(1, 'Nothing to restore')
    .max(BULK_MAX_IDS, `At most ${BULK_MAX_IDS} deliverables at once`),
});
export type RestoreRequest = z.input<typeof restoreRequestSchema>;

/** The board's read: a date window (default: from 30 days ago) and the calendar's filters. */
export const boardQuerySchema = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  brandId: listFilter(idSchema).optional(),
  platform: listFilter(platformSchema).optional(),
});

export const boardAnswerSchema = z.object({
  items: z.array(calendarDeliverableSchema),
  /** The window read (`from` filled in when the request left it out). */
  from: z.string(),
  to: z.string().nullable(),
  /** More deliverables matched than the board reads ({@link BOARD_MAX_ITEMS}): narrow the filters. */
  truncated: z.boolean(),
});
export type BoardAnswer = z.infer<typeof boardAnswerSchema>;

/** `POST /api/alerts/ack`: acknowledge the listed alerts, or every open one with `all: true`. */
export const alertBulkAckSchema = z
  .object({
    ids: z
      .array(idSchema)
      .min(1, 'Select at least one alert')
      .max(BULK_MAX_IDS, `At most ${BULK_MAX_IDS} alerts at once`)
      .optional(),
    all: z.literal(true, { error: 'Expected true' }).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.ids === undefined) === (body.all === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ids'],
        message: 'Send ids or all: true (one of them)',
      });
    }
  });
export type AlertBulkAck = z.input<typeof alertBulkAckSchema>;

export const alertBulkAckAnswerSchema = z.object({ acknowledged: z.number().int() });
