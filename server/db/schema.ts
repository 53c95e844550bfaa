import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AlertRule,
  AlertSeverity,
  AlertSubjectType,
  DeliveryChannelType,
  DeliveryStatus,
} from '../../shared/schemas/alert';
import type { RemittanceStatus } from '../../shared/schemas/billing';
import type { BrandStage } from '../../shared/schemas/brand';
import type { ChannelType } from '../../shared/schemas/channel';
import type { InvoiceEventType, ReminderStatus } from '../../shared/schemas/getting-paid';
import type { ReviewDecision } from '../../shared/schemas/review';
import type { RequestStatus } from '../../shared/schemas/request';
import type { ProposalStatus } from '../../shared/schemas/proposal';
import type { DealSource, DealStatus } from '../../shared/schemas/deal';
import type { DeliverableStatus, Format, Platform } from '../../shared/schemas/deliverable';
import type { Role } from '../../shared/schemas/auth';
import type { InvoiceStatus } from '../../shared/schemas/invoice';
import type { PaymentTrigger } from '../../shared/schemas/billing';
import type { AuditAction, AuditEntityType, AuditVia, TokenScope } from '../../shared/schemas/team';

// The enums the tables hold are the API's: other modules import them from here or from shared/.
export type {
  AlertRule,
  AlertSeverity,
  AlertSubjectType,
  ChannelType,
  DeliveryChannelType,
  DeliveryStatus,
  InvoiceEventType,
  ReminderStatus,
  RemittanceStatus,
  AuditVia,
  ReviewDecision,
};

/**
 * Booleans are `boolean` in PostgreSQL and 0/1 in SQLite; writes take a JS
 * boolean (the dialect module converts it for SQLite), reads go through `Boolean()`.
 */
export type DbBoolean = ColumnType<boolean | number, boolean, boolean>;
/** A boolean column with a default: may be left out on insert. */
export type DbBooleanWithDefault = ColumnType<boolean | number, boolean | undefined, boolean>;

/** An instant as an ISO 8601 UTC string (`2026-03-01T17:00:00.000Z`). */
export type Instant = string;
/** A calendar day `YYYY-MM-DD`. */
export type Day = string;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string | null;
  passwordHash: string;
  disabled: DbBoolean;
  /** Per-user opt-out of alert e-mails. */
  emailAlerts: ColumnType<boolean | number, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  /** When a session or API token of theirs last made a request (to the hour). */
  lastActiveAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a database leak does not leak sessions. */
  id: string;
  userId: string;
  createdAt: Instant;
  lastSeenAt: Instant;
  expiresAt: Instant;
  userAgent: string | null;
}

export interface WorkspaceSettingsTable {
  /** Always 1: the workspace is a singleton row. */
  id: number;
  name: string;
  timeZone: string;
  currency: string;
  leadDraftDueSoonHours: ColumnType<number, number | undefined, number>;
  leadPublishDueSoonHours: ColumnType<number, number | undefined, number>;
  leadInvoiceDueSoonDays: ColumnType<number, number | undefined, number>;
  creatorLegalName: ColumnType<string, string | undefined, string>;
  creatorAddress: ColumnType<string, string | undefined, string>;
  creatorEmail: ColumnType<string, string | undefined, string>;
  creatorTaxId: ColumnType<string, string | undefined, string>;
  creatorPaymentInstructions: ColumnType<string, string | undefined, string>;
  defaultPaymentTermsDays: ColumnType<number, number | undefined, number>;
  leadUsageRightsEndingDays: ColumnType<number, number | undefined, number>;
  leadReportDueDays: ColumnType<number, number | undefined, number>;
  /** JSON `InvoiceReminders`; null: the built-in ladder. */
  invoiceReminders: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON `InvoiceEmailTemplate`; null: the built-in e-mail. */
  invoiceEmail: ColumnType<string | null, string | null | undefined, string | null>;
  /** A payment link (Stripe, PayPal.me, Wise) printed on invoices and their page. */
  creatorPaymentLink: ColumnType<string, string | undefined, string>;
  version: number;
  updatedAt: Instant;
}

export interface BrandsTable {
  id: string;
  name: string;
  website: string | null;
  category: string | null;
  stage: BrandStage;
  nextFollowUpOn: Day | null;
  notes: string;
  color: string;
  /** JSON ladder override for this brand's invoices, null = workspace default. */
  invoiceReminders: ColumnType<string | null, string | null | undefined, string | null>;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface BrandContactsTable {
  id: string;
  brandId: string;
  position: number;
  name: string;
  email: string | null;
  role: string | null;
  /** The contact invoices go to, offered first as the payer's e-mail. */
  billing: DbBooleanWithDefault;
}

export interface DealsTable {
  id: string;
  brandId: string;
  title: string;
  status: DealStatus;
  feeCents: number;
  currency: string;
  source: DealSource;
  contractSignedOn: Day | null;
  exclusivityCategory: string | null;
  exclusivityUntil: Day | null;
  usageRightsUntil: Day | null;
  notes: string;
  /** JSON `Payer`; null: the brand, with its billing contact. */
  payer: ColumnType<string | null, string | null | undefined, string | null>;
  /** Net N days; null: the workspace's default terms. */
  paymentTermsDays: ColumnType<number | null, number | null | undefined, number | null>;
  paymentTrigger: ColumnType<PaymentTrigger, PaymentTrigger | undefined, PaymentTrigger>;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface DeliverablesTable {
  id: string;
  dealId: string;
  /** Denormalised from the deal so calendar filters by brand need no join. */
  brandId: string;
  title: string;
  platform: Platform;
  format: Format;
  status: DeliverableStatus;
  draftDueAt: Instant | null;
  publishAt: Instant | null;
  assigneeId: string | null;
  caption: string;
  brief: string;
  disclosureDone: DbBoolean;
  liveUrl: string | null;
  metricsViews: number | null;
  metricsLikes: number | null;
  metricsComments: number | null;
  metricsShares: number | null;
  metricsSaves: number | null;
  metricsClicks: number | null;
  /** The disclosure checklist (defaults false). */
  disclosureLabel: ColumnType<boolean | number, boolean | undefined, boolean>;
  disclosureHashtag: ColumnType<boolean | number, boolean | undefined, boolean>;
  disclosureToggle: ColumnType<boolean | number, boolean | undefined, boolean>;
  /** JSON list of `{label, url}`: where the draft can be seen. */
  draftLinks: ColumnType<string, string | undefined, string>;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface InvoicesTable {
  id: string;
  dealId: string;
  number: string;
  amountCents: number;
  currency: string;
  issuedOn: Day;
  paymentTermsDays: number;
  dueOn: Day;
  /** `draft`, `sent`, `paid` (set when payments cover the amount) or `void`. */
  status: InvoiceStatus;
  /** Sum of the payments, kept in the same transaction as they change. */
  paidCents: ColumnType<number, number | undefined, number>;
  notes: string;
  /** JSON `InvoiceLine[]`. */
  lines: string;
  /** JSON `InvoiceTax[]`. */
  taxes: ColumnType<string, string | undefined, string>;
  discountCents: ColumnType<number, number | undefined, number>;
  subtotalCents: number;
  taxCents: ColumnType<number, number | undefined, number>;
  poNumber: ColumnType<string, string | undefined, string>;
  /** JSON `Payer`; null: the deal's payer, else the brand with its billing contact. */
  payer: ColumnType<string | null, string | null | undefined, string | null>;
  remindersPaused: DbBooleanWithDefault;
  remindersPausedUntil: ColumnType<Day | null, Day | null | undefined, Day | null>;
  /** JSON `LadderOverride`; null: the brand's, else the workspace's. */
  invoiceReminders: ColumnType<string | null, string | null | undefined, string | null>;
  sentAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface PaymentsTable {
  id: string;
  invoiceId: string;
  amountCents: number;
  currency: string;
  paidOn: Day;
  method: string | null;
  note: string;
  /** Fees taken before it reached the creator, in its currency. */
  feeCents: ColumnType<number, number | undefined, number>;
  createdAt: Instant;
}

export interface AlertsTable {
  id: string;
  rule: AlertRule;
  subjectType: AlertSubjectType;
  subjectId: string;
  /** The due moment; with rule and subject, the alert's unique key. */
  dueAt: Instant;
  message: string;
  severity: AlertSeverity;
  createdAt: Instant;
  acknowledgedAt: Instant | null;
  acknowledgedBy: string | null;
  snoozedUntil: Instant | null;
  /** Set when the alert stopped mattering: published, cancelled, rescheduled or deleted. */
  resolvedAt: Instant | null;
}

export interface ChannelsTable {
  id: string;
  type: ChannelType;
  name: string;
  url: string;
  /** HMAC-SHA256 key for `json` channels. */
  secret: string | null;
  enabled: DbBoolean;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface DeliveriesTable {
  /** Also the idempotency key a receiver sees. */
  id: string;
  alertId: string;
  channelType: DeliveryChannelType;
  channelId: string | null;
  recipientUserId: string | null;
  /** E-mail address or webhook URL, as it was when the alert was raised. */
  recipient: string;
  status: DeliveryStatus;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: Instant;
  /** A sender's lease; an expired one means the sender died mid-send. */
  claimedUntil: Instant | null;
  lastError: string | null;
  sentAt: Instant | null;
  createdAt: Instant;
}

export interface SchedulerStateTable {
  id: number;
  /** The `now` of the last completed scan; overdue scans look back from here. */
  watermark: Instant | null;
  lastRunStartedAt: Instant | null;
  lastRunFinishedAt: Instant | null;
  lastRunRaised: ColumnType<number, number | undefined, number>;
  lastError: string | null;
}

export interface LoginFailuresTable {
  id: string;
  /** `account:<email>` or `ip:<address>`. */
  key: string;
  failedAt: Instant;
}

export interface InvitesTable {
  id: string;
  /** SHA-256 of the link's token. */
  tokenHash: string;
  role: Role;
  /** When set, only this address can accept. */
  email: string | null;
  createdBy: string | null;
  createdAt: Instant;
  expiresAt: Instant;
  acceptedAt: Instant | null;
  acceptedUserId: string | null;
  revokedAt: Instant | null;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  scope: TokenScope;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: string;
  prefix: string;
  createdAt: Instant;
  lastUsedAt: Instant | null;
  expiresAt: Instant | null;
}

export interface AuditLogTable {
  /** Time-ordered: sorting by id sorts by time. */
  id: string;
  at: Instant;
  actorId: string | null;
  actorName: string | null;
  via: AuditVia;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  summary: string;
  /** JSON `{field: {from, to}}`. */
  changes: string;
}

export interface CalendarFeedsTable {
  userId: string;
  /** SHA-256 of the feed URL's token. */
  tokenHash: string;
  includeDrafts: DbBoolean;
  includeGoLives: DbBoolean;
  includeInvoices: DbBoolean;
  createdAt: Instant;
  lastFetchedAt: Instant | null;
}

export interface ReviewLinksTable {
  id: string;
  deliverableId: string;
  /** SHA-256 of the link's token. */
  tokenHash: string;
  createdBy: string | null;
  createdAt: Instant;
  expiresAt: Instant;
  revokedAt: Instant | null;
  decidedAt: Instant | null;
  decision: ReviewDecision | null;
  comment: string | null;
  reviewerName: string | null;
}

export interface BrandPitchesTable {
  id: string;
  brandId: string;
  pitchedOn: Day;
  /** How the brand was contacted: `email`, `dm`, `call`, `meeting`, `other`. */
  channel: string;
  note: string;
  createdBy: string | null;
  createdAt: Instant;
}

export interface BrandNotesTable {
  id: string;
  brandId: string;
  happenedOn: Day;
  /** `email`, `dm`, `call`, `meeting`, `other` (the pitch log's channels). */
  channel: string;
  text: string;
  /** Where it sorts on the brand's timeline. */
  at: Instant;
  createdBy: string | null;
  createdAt: Instant;
}

export interface MediaKitTable {
  /** Always 1: one media kit per workspace. */
  id: number;
  published: DbBoolean;
  slug: string | null;
  displayName: string;
  headline: string;
  bio: string;
  contactEmail: string | null;
  /** JSON documents (see shared/schemas/kit.ts). */
  audience: string;
  rateCard: string;
  caseStudyIds: string;
  version: number;
  updatedAt: Instant;
  /** JSON `RequestFormSettings` (shared/schemas/request.ts); null: the defaults. */
  requestForm: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaceSettings: WorkspaceSettingsTable;
  brands: BrandsTable;
  brandContacts: BrandContactsTable;
  deals: DealsTable;
  deliverables: DeliverablesTable;
  alerts: AlertsTable;
  channels: ChannelsTable;
  deliveries: DeliveriesTable;
  schedulerState: SchedulerStateTable;
  loginFailures: LoginFailuresTable;
  invoices: InvoicesTable;
  payments: PaymentsTable;
  invites: InvitesTable;
  apiTokens: ApiTokensTable;
  auditLog: AuditLogTable;
  calendarFeeds: CalendarFeedsTable;
  reviewLinks: ReviewLinksTable;
  brandPitches: BrandPitchesTable;
  mediaKit: MediaKitTable;
  invoiceLinks: InvoiceLinksTable;
  invoiceEvents: InvoiceEventsTable;
  invoiceReminders: InvoiceRemindersTable;
  remittanceNotices: RemittanceNoticesTable;
  publicHits: PublicHitsTable;
  dealPackages: DealPackagesTable;
  brandRequests: BrandRequestsTable;
  blockedSenders: BlockedSendersTable;
  proposals: ProposalsTable;
  brandNotes: BrandNotesTable;
  metricSnapshots: MetricSnapshotsTable;
  reportLinks: ReportLinksTable;
  testimonials: TestimonialsTable;
}

export interface InvoiceLinksTable {
  id: string;
  invoiceId: string;
  /** SHA-256 of the link's token. */
  tokenHash: string;
  createdAt: Instant;
  revokedAt: Instant | null;
}

export interface InvoiceEventsTable {
  id: string;
  invoiceId: string;
  type: InvoiceEventType;
  at: Instant;
  actorId: string | null;
  /** JSON: to, subject, template, messageId, status, step, amounts … */
  data: ColumnType<string, string | undefined, string>;
}

export interface InvoiceRemindersTable {
  id: string;
  invoiceId: string;
  stepOffsetDays: number;
  status: ReminderStatus;
  /** JSON list of addresses. */
  recipients: ColumnType<string, string | undefined, string>;
  subject: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: Instant;
  claimedUntil: Instant | null;
  messageId: string | null;
  lastError: string | null;
  sentAt: Instant | null;
  createdAt: Instant;
}

export interface RemittanceNoticesTable {
  id: string;
  invoiceId: string;
  amountCents: number;
  paidOn: Day;
  reference: string;
  createdAt: Instant;
  status: RemittanceStatus;
  paymentId: string | null;
  resolvedAt: Instant | null;
  resolvedBy: string | null;
}

export interface DealPackagesTable {
  id: string;
  name: string;
  /** `HH:MM`: each go-live's time of day where the package is applied. */
  publishTime: string;
  usageRightsDays: number | null;
  /** JSON list of the package's lines (shared/schemas/package.ts). */
  items: string;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface PublicHitsTable {
  id: string;
  key: string;
  at: Instant;
}

export interface BrandRequestsTable {
  id: string;
  status: RequestStatus;
  company: string;
  name: string;
  email: string;
  website: string | null;
  /** JSON list of the requested rate-card items (shared/schemas/request.ts). */
  items: string;
  want: string;
  budgetCents: number | null;
  budgetMaxCents: number | null;
  currency: string | null;
  datesFrom: Day | null;
  datesTo: Day | null;
  usageRights: string;
  exclusivity: string;
  message: string;
  /** SHA-256 of the sender's address: enough to count, nothing to show. */
  ipHash: string;
  createdAt: Instant;
  decidedAt: Instant | null;
  decidedBy: string | null;
  brandId: string | null;
  dealId: string | null;
}

export interface BlockedSendersTable {
  email: string;
  createdAt: Instant;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type BrandRow = Selectable<BrandsTable>;
export type NewBrand = Insertable<BrandsTable>;
export type BrandUpdate = Updateable<BrandsTable>;
export type BrandContactRow = Selectable<BrandContactsTable>;
export type DealRow = Selectable<DealsTable>;
export type NewDeal = Insertable<DealsTable>;
export type DealUpdate = Updateable<DealsTable>;
export type DeliverableRow = Selectable<DeliverablesTable>;
export type NewDeliverable = Insertable<DeliverablesTable>;
export type DeliverableUpdate = Updateable<DeliverablesTable>;
export type DealPackageRow = Selectable<DealPackagesTable>;
export type SettingsRow = Selectable<WorkspaceSettingsTable>;
export type AlertRow = Selectable<AlertsTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
export type InvoiceRow = Selectable<InvoicesTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type RemittanceNoticeRow = Selectable<RemittanceNoticesTable>;
export type InvoiceLinkRow = Selectable<InvoiceLinksTable>;
export type InvoiceReminderRow = Selectable<InvoiceRemindersTable>;

export interface ProposalsTable {
  id: string;
  dealId: string;
  /** 1, 2, … per deal: a revision is the next version. */
  version: number;
  status: ProposalStatus;
  /** JSON `ProposalTerms`: exactly what the brand is shown. */
  terms: string;
  /** SHA-256 of the link's token. */
  tokenHash: string;
  expiresOn: Day;
  decidedAt: Instant | null;
  decidedName: string | null;
  decidedTitle: string | null;
  decidedIp: string | null;
  /** SHA-256 of the canonical terms the brand accepted. */
  termsHash: string | null;
  comment: string | null;
  createdBy: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}

/** A deliverable's metrics as measured on one day; the deliverable's own columns hold the latest. */
export interface MetricSnapshotsTable {
  id: string;
  deliverableId: string;
  measuredOn: Day;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  createdBy: string | null;
  createdAt: Instant;
}

/** A deal's campaign report shared on a public link. */
export interface ReportLinksTable {
  id: string;
  dealId: string;
  /** SHA-256 of the link's token. */
  tokenHash: string;
  /** The creator's summary note printed at the top of the report. */
  summary: string;
  expiresAt: Instant;
  revokedAt: Instant | null;
  createdBy: string | null;
  createdAt: Instant;
}

/** What a brand said on a report; shown on the kit only when it may be published and is featured. */
export interface TestimonialsTable {
  id: string;
  dealId: string;
  reportLinkId: string | null;
  quote: string;
  name: string;
  title: string;
  mayPublish: DbBoolean;
  featured: DbBoolean;
  createdAt: Instant;
  updatedAt: Instant;
}
