import { z } from 'zod';
import { idSchema, instantSchema, listFilter } from './common';

export const ALERT_RULES = [
  'draft_due_soon',
  'draft_overdue',
  'publish_due_soon',
  'publish_overdue',
  'invoice_due_soon',
  'invoice_overdue',
  'follow_up_due',
  'usage_rights_ending',
  'review_approved',
  'review_changes_requested',
  'ready_to_invoice',
  'remittance_notice',
] as const;
export const alertRuleSchema = z.enum(ALERT_RULES);
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const ALERT_STATES = ['open', 'acknowledged', 'snoozed', 'all'] as const;

export const alertListQuerySchema = z.object({
  state: z.enum(ALERT_STATES).optional(),
  rule: listFilter(alertRuleSchema).optional(),
  subjectId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const snoozeSchema = z.object({
  until: instantSchema,
});

export const deliverySummarySchema = z.object({
  id: z.string(),
  channelType: z.enum(['email', 'webhook']),
  recipient: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const alertSchema = z.object({
  id: idSchema,
  rule: alertRuleSchema,
  subjectType: z.enum(['deliverable', 'invoice', 'brand', 'deal']),
  subjectId: z.string(),
  /** The subject's name and where to show it, for linking from the inbox. */
  subject: z
    .object({
      title: z.string(),
      brandName: z.string(),
      calendarAt: z.string().nullable(),
      /** Where the web app shows it: `/?deliverable=…` or `/deals/…`. */
      href: z.string(),
    })
    .nullable(),
  dueAt: z.string(),
  /** Worded for the reader: in their time zone, relative to when they asked. */
  message: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  deliveries: z.array(deliverySummarySchema),
});
export type Alert = z.infer<typeof alertSchema>;
