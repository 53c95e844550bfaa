import { z } from 'zod';
import { roleSchema } from './auth';
import { ALERT_SEVERITIES, ALERT_SUBJECT_TYPES, alertRuleSchema } from './alert';
import { brandStageSchema } from './brand';
import { channelTypeSchema } from './channel';
import {
  centsSchema,
  colorSchema,
  currencySchema,
  daySchema,
  idSchema,
  instantSchema,
  timeZoneSchema,
} from './common';
import { dealSourceSchema, dealStatusSchema } from './deal';
import { deliverableStatusSchema, formatSchema, platformSchema } from './deliverable';
import { paymentTriggerSchema, REMITTANCE_STATUSES } from './billing';
import { INVOICE_EVENT_TYPES, REMINDER_STATUSES } from './getting-paid';
import { invoiceStatusSchema } from './invoice';
import { PROPOSAL_STATUSES } from './proposal';
import { REVIEW_DECISIONS } from './review';
import { REQUEST_STATUSES } from './request';
import { auditActionSchema, auditEntityTypeSchema, auditViaSchema } from './team';

/**
 * The file `GET /api/transfer/export` answers and `POST /api/transfer/import`
 * reads: every row of the workspace, column by column, with values written the
 * same way whichever engine made it (instants as ISO UTC strings, days as
 * `YYYY-MM-DD`, booleans as true/false, money in minor units as numbers).
 *
 * Rows are strict: a column this version does not know is refused rather than
 * silently dropped. Lengths are not re-checked (the old install accepted the
 * text); types, enums, instants and days are, since the app relies on them.
 */

export const TRANSFER_FORMAT = 'sponsorcal-export';
export const TRANSFER_VERSION = 1;

const NUL_MESSAGE = 'Must not contain NUL characters';
/** Any text, but NUL (PostgreSQL cannot store it). */
const text = z.string().refine((value) => !value.includes('\u0000'), NUL_MESSAGE);
const nonEmptyText = text.refine((value) => value.length > 0, 'Required');
const integer = z.number({ error: 'Expected a whole number' }).int('Expected a whole number');
/** Counts kept in 64-bit columns (metrics). */
const count = integer.min(0, 'Must not be negative').max(Number.MAX_SAFE_INTEGER);
/** Kept in 32-bit `integer` columns on PostgreSQL. */
const smallCount = integer.min(0, 'Must not be negative').max(2_147_483_647, 'Too large');
const version = smallCount.min(1, 'Expected a version of 1 or more');
const bool = z.boolean({ error: 'Expected true or false' });

const isJsonObject = (value: string) => {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
};

export const transferUserSchema = z.strictObject({
  id: idSchema,
  email: nonEmptyText,
  name: text,
  role: roleSchema,
  timeZone: timeZoneSchema.nullable(),
  passwordHash: nonEmptyText,
  disabled: bool,
  emailAlerts: bool,
  version,
  lastActiveAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferSettingsSchema = z.strictObject({
  id: z.literal(1, { error: 'The workspace settings row has id 1' }),
  name: text,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  leadDraftDueSoonHours: smallCount,
  leadPublishDueSoonHours: smallCount,
  leadInvoiceDueSoonDays: smallCount,
  creatorLegalName: text,
  creatorAddress: text,
  creatorEmail: text,
  creatorTaxId: text,
  creatorPaymentInstructions: text,
  defaultPaymentTermsDays: smallCount,
  // Columns added after the first file format: absent in older files, filled with their defaults.
  leadUsageRightsEndingDays: smallCount.default(14),
  invoiceReminders: text.nullable().default(null),
  invoiceEmail: text.nullable().default(null),
  creatorPaymentLink: text.default(''),
  leadReportDueDays: smallCount.default(7),
  version,
  updatedAt: instantSchema,
});

export const transferBrandSchema = z.strictObject({
  id: idSchema,
  name: text,
  website: text.nullable(),
  category: text.nullable(),
  stage: brandStageSchema,
  nextFollowUpOn: daySchema.nullable(),
  notes: text,
  color: colorSchema,
  invoiceReminders: text.nullable().default(null),
  version,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferBrandContactSchema = z.strictObject({
  id: idSchema,
  brandId: idSchema,
  position: smallCount,
  name: text,
  email: text.nullable(),
  role: text.nullable(),
  billing: bool.default(false),
});

export const transferDealSchema = z.strictObject({
  id: idSchema,
  brandId: idSchema,
  title: text,
  status: dealStatusSchema,
  feeCents: centsSchema,
  currency: currencySchema,
  source: dealSourceSchema,
  contractSignedOn: daySchema.nullable(),
  exclusivityCategory: text.nullable(),
  exclusivityUntil: daySchema.nullable(),
  usageRightsUntil: daySchema.nullable(),
  notes: text,
  payer: text.nullable().default(null),
  paymentTermsDays: smallCount.nullable().default(null),
  paymentTrigger: paymentTriggerSchema.default('invoice_issued'),
  version,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferDeliverableSchema = z.strictObject({
  id: idSchema,
  dealId: idSchema,
  brandId: idSchema,
  title: text,
  platform: platformSchema,
  format: formatSchema,
  status: deliverableStatusSchema,
  draftDueAt: instantSchema.nullable(),
  publishAt: instantSchema.nullable(),
  assigneeId: idSchema.nullable(),
  caption: text,
  brief: text,
  disclosureDone: bool,
  liveUrl: text.nullable(),
  metricsViews: count.nullable(),
  metricsLikes: count.nullable(),
  metricsComments: count.nullable(),
  metricsShares: count.nullable(),
  metricsSaves: count.nullable(),
  metricsClicks: count.nullable(),
  disclosureLabel: bool.default(false),
  disclosureHashtag: bool.default(false),
  disclosureToggle: bool.default(false),
  draftLinks: text.default('[]'),
  version,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferInvoiceSchema = z.strictObject({
  id: idSchema,
  dealId: idSchema,
  number: nonEmptyText,
  amountCents: centsSchema,
  currency: currencySchema,
  issuedOn: daySchema,
  paymentTermsDays: smallCount,
  dueOn: daySchema,
  status: invoiceStatusSchema,
  paidCents: centsSchema,
  notes: text,
  // Older files have one amount per invoice: `lines` is then made from it (see transferTablesSchema).
  lines: text.default(''),
  taxes: text.default('[]'),
  discountCents: centsSchema.default(0),
  subtotalCents: centsSchema.default(0),
  taxCents: centsSchema.default(0),
  poNumber: text.default(''),
  payer: text.nullable().default(null),
  remindersPaused: bool.default(false),
  remindersPausedUntil: daySchema.nullable().default(null),
  invoiceReminders: text.nullable().default(null),
  sentAt: instantSchema.nullable().default(null),
  version,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferPaymentSchema = z.strictObject({
  id: idSchema,
  invoiceId: idSchema,
  amountCents: centsSchema,
  currency: currencySchema,
  paidOn: daySchema,
  method: text.nullable(),
  note: text,
  feeCents: centsSchema.default(0),
  createdAt: instantSchema,
});

export const transferChannelSchema = z.strictObject({
  id: idSchema,
  type: channelTypeSchema,
  name: text,
  url: nonEmptyText,
  secret: text.nullable(),
  enabled: bool,
  version,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferAlertSchema = z.strictObject({
  id: idSchema,
  rule: alertRuleSchema,
  subjectType: z.enum(ALERT_SUBJECT_TYPES),
  subjectId: idSchema,
  dueAt: instantSchema,
  message: text,
  severity: z.enum(ALERT_SEVERITIES),
  createdAt: instantSchema,
  acknowledgedAt: instantSchema.nullable(),
  acknowledgedBy: idSchema.nullable(),
  snoozedUntil: instantSchema.nullable(),
  resolvedAt: instantSchema.nullable(),
});

export const transferAuditEntrySchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  actorId: text.nullable(),
  actorName: text.nullable(),
  via: auditViaSchema,
  action: auditActionSchema,
  entityType: auditEntityTypeSchema,
  entityId: nonEmptyText,
  summary: text,
  /** JSON `{field: {from, to}}`, kept as the text the old install stored. */
  changes: text.refine(isJsonObject, 'Expected a JSON object as text'),
});

export const transferInviteSchema = z.strictObject({
  id: idSchema,
  tokenHash: nonEmptyText,
  role: roleSchema,
  email: text.nullable(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
  expiresAt: instantSchema,
  acceptedAt: instantSchema.nullable(),
  acceptedUserId: idSchema.nullable(),
  revokedAt: instantSchema.nullable(),
});

export const transferReviewLinkSchema = z.strictObject({
  id: idSchema,
  deliverableId: idSchema,
  tokenHash: nonEmptyText,
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
  expiresAt: instantSchema,
  revokedAt: instantSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  comment: text.nullable(),
  reviewerName: text.nullable(),
});

export const transferBrandPitchSchema = z.strictObject({
  id: idSchema,
  brandId: idSchema,
  pitchedOn: daySchema,
  channel: nonEmptyText,
  note: text,
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
});

export const transferBrandNoteSchema = z.strictObject({
  id: idSchema,
  brandId: idSchema,
  happenedOn: daySchema,
  channel: nonEmptyText,
  text: nonEmptyText,
  at: instantSchema,
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
});

export const transferMediaKitSchema = z.strictObject({
  id: z.literal(1, { error: 'The media kit row has id 1' }),
  published: bool,
  slug: text.nullable(),
  displayName: text,
  headline: text,
  bio: text,
  contactEmail: text.nullable(),
  audience: text,
  rateCard: text,
  caseStudyIds: text,
  version,
  updatedAt: instantSchema,
  requestForm: text.nullable().default(null),
});

export const transferInvoiceLinkSchema = z.strictObject({
  id: idSchema,
  invoiceId: idSchema,
  tokenHash: nonEmptyText,
  createdAt: instantSchema,
  revokedAt: instantSchema.nullable(),
});

export const transferInvoiceEventSchema = z.strictObject({
  id: idSchema,
  invoiceId: idSchema,
  type: z.enum(INVOICE_EVENT_TYPES),
  at: instantSchema,
  actorId: idSchema.nullable(),
  data: text.refine(isJsonObject, 'Expected a JSON object as text'),
});

/** Which reminders went out: moved along, so none is sent again by the new install. */
export const transferInvoiceReminderSchema = z.strictObject({
  id: idSchema,
  invoiceId: idSchema,
  stepOffsetDays: integer,
  status: z.enum(REMINDER_STATUSES),
  recipients: text,
  subject: text,
  attempts: smallCount,
  nextAttemptAt: instantSchema,
  claimedUntil: instantSchema.nullable(),
  messageId: text.nullable(),
  lastError: text.nullable(),
  sentAt: instantSchema.nullable(),
  createdAt: instantSchema,
});

export const transferRemittanceNoticeSchema = z.strictObject({
  id: idSchema,
  invoiceId: idSchema,
  amountCents: centsSchema,
  paidOn: daySchema,
  reference: text,
  createdAt: instantSchema,
  status: z.enum(REMITTANCE_STATUSES),
  paymentId: idSchema.nullable(),
  resolvedAt: instantSchema.nullable(),
  resolvedBy: idSchema.nullable(),
});

export const transferDealPackageSchema = z.strictObject({
  id: idSchema,
  name: text,
  publishTime: z.string().regex(/^\d{2}:\d{2}$/, 'Expected a time of day such as 10:00'),
  usageRightsDays: smallCount.nullable(),
  /** The package's lines, a JSON list (shared/schemas/package.ts). */
  items: text.refine((value) => {
    try {
      return Array.isArray(JSON.parse(value));
    } catch {
      return false;
    }
  }, 'Expected a JSON list'),
  version,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferBrandRequestSchema = z.strictObject({
  id: idSchema,
  status: z.enum(REQUEST_STATUSES),
  company: text,
  name: text,
  email: text,
  website: text.nullable(),
  /** The requested items, a JSON list (shared/schemas/request.ts). */
  items: text.refine((value) => {
    try {
      return Array.isArray(JSON.parse(value));
    } catch {
      return false;
    }
  }, 'Expected a JSON list'),
  want: text,
  budgetCents: centsSchema.nullable(),
  budgetMaxCents: centsSchema.nullable(),
  currency: text.nullable(),
  datesFrom: daySchema.nullable(),
  datesTo: daySchema.nullable(),
  usageRights: text,
  exclusivity: text,
  message: text,
  ipHash: text,
  createdAt: instantSchema,
  decidedAt: instantSchema.nullable(),
  decidedBy: idSchema.nullable(),
  brandId: idSchema.nullable(),
  dealId: idSchema.nullable(),
});

export const transferProposalSchema = z.strictObject({
  id: idSchema,
  dealId: idSchema,
  version,
  status: z.enum(PROPOSAL_STATUSES),
  /** The terms the brand was shown, a JSON object (shared/schemas/proposal.ts). */
  terms: text.refine(isJsonObject, 'Expected a JSON object'),
  tokenHash: nonEmptyText,
  expiresOn: daySchema,
  decidedAt: instantSchema.nullable(),
  decidedName: text.nullable(),
  decidedTitle: text.nullable(),
  decidedIp: text.nullable(),
  termsHash: text.nullable(),
  comment: text.nullable(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const transferMetricSnapshotSchema = z.strictObject({
  id: idSchema,
  deliverableId: idSchema,
  measuredOn: daySchema,
  views: count.nullable(),
  likes: count.nullable(),
  comments: count.nullable(),
  shares: count.nullable(),
  saves: count.nullable(),
  clicks: count.nullable(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
});

export const transferReportLinkSchema = z.strictObject({
  id: idSchema,
  dealId: idSchema,
  tokenHash: nonEmptyText,
  summary: text,
  expiresAt: instantSchema,
  revokedAt: instantSchema.nullable(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
});

export const transferTestimonialSchema = z.strictObject({
  id: idSchema,
  dealId: idSchema,
  reportLinkId: idSchema.nullable(),
  quote: text,
  name: text,
  title: text,
  mayPublish: bool,
  featured: bool,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

/**
 * The tables of an export, in foreign-key order (a row only refers to tables
 * above it), which is the order they are written and imported in.
 * Sessions, login failures, scheduler state, alert deliveries, API tokens and
 * calendar feeds are not part of it: credentials and machine state do not move.
 */
export const transferTablesSchema = z.strictObject({
  users: z.array(transferUserSchema),
  workspace_settings: z.array(transferSettingsSchema).max(1, 'At most one settings row'),
  brands: z.array(transferBrandSchema),
  brand_contacts: z.array(transferBrandContactSchema),
  deals: z.array(transferDealSchema),
  deliverables: z.array(transferDeliverableSchema),
  invoices: z.array(transferInvoiceSchema),
  payments: z.array(transferPaymentSchema),
  channels: z.array(transferChannelSchema),
  alerts: z.array(transferAlertSchema),
  audit_log: z.array(transferAuditEntrySchema),
  invites: z.array(transferInviteSchema),
  // Tables added after the first file format: absent in older files.
  review_links: z.array(transferReviewLinkSchema).default([]),
  brand_pitches: z.array(transferBrandPitchSchema).default([]),
  media_kit: z.array(transferMediaKitSchema).max(1, 'At most one media kit').default([]),
  invoice_links: z.array(transferInvoiceLinkSchema).default([]),
  invoice_events: z.array(transferInvoiceEventSchema).default([]),
  invoice_reminders: z.array(transferInvoiceReminderSchema).default([]),
  remittance_notices: z.array(transferRemittanceNoticeSchema).default([]),
  deal_packages: z.array(transferDealPackageSchema).default([]),
  brand_requests: z.array(transferBrandRequestSchema).default([]),
  proposals: z.array(transferProposalSchema).default([]),
  brand_notes: z.array(transferBrandNoteSchema).default([]),
  metric_snapshots: z.array(transferMetricSnapshotSchema).default([]),
  report_links: z.array(transferReportLinkSchema).default([]),
  testimonials: z.array(transferTestimonialSchema).default([]),
});
export type TransferTables = z.infer<typeof transferTablesSchema>;
export type TransferTableName = keyof TransferTables;
export type TransferRow<T extends TransferTableName> = TransferTables[T][number];

export const transferTableNameSchema = transferTablesSchema.keyof();
export const TRANSFER_TABLE_NAMES = transferTableNameSchema.options;

/** What identifies the file; checked before the tables, so a wrong file gets one clear answer. */
export const transferHeaderSchema = z.object({
  format: z.literal(TRANSFER_FORMAT, {
    error: `Not a Sponsorcal export (expected format "${TRANSFER_FORMAT}")`,
  }),
  version: z.literal(TRANSFER_VERSION, {
    error: `Unsupported export version (this install reads version ${TRANSFER_VERSION})`,
  }),
});

export const transferFileSchema = transferHeaderSchema.extend({
  exportedAt: instantSchema,
  /** The name of the newest migration of the install that made the file. */
  schemaVersion: z.string().min(1, 'Required'),
  tables: transferTablesSchema,
});
export type TransferFile = z.infer<typeof transferFileSchema>;

/** The answer to `POST /api/transfer/import`: rows written, per table. */
export const transferImportResultSchema = z.object({
  imported: z.record(transferTableNameSchema, z.number().int()),
});
export type TransferImportResult = z.infer<typeof transferImportResultSchema>;
