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
  'request_received',
  'proposal_accepted',
  'proposal_changes_requested',
  'report_due',
] as const;
export const alertRuleSchema = z.enum(ALERT_RULES);
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const ALERT_SUBJECT_TYPES = ['deliverable', 'invoice', 'brand', 'deal', 'request'] as const;
export type AlertSubjectType = (typeof ALERT_SUBJECT_TYPES)[number];
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
/** How a delivery of an alert goes out. */
export const DELIVERY_CHANNEL_TYPES = ['email', 'webhook'] as const;
export type DeliveryChannelType = (typeof DELIVERY_CHANNEL_TYPES)[number];
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

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
  channelType: z.enum(DELIVERY_CHANNEL_TYPES),
  recipient: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const alertSchema = z.object({
  id: idSchema,
  rule: alertRuleSchema,
  subjectType: z.enum(ALERT_SUBJECT_TYPES),
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
  severity: z.enum(ALERT_SEVERITIES),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  deliveries: z.array(deliverySummarySchema),
});
export type Alert = z.infer<typeof alertSchema>;
