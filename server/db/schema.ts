import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { BrandStage } from '../../shared/schemas/brand';
import type { DealSource, DealStatus } from '../../shared/schemas/deal';
import type { DeliverableStatus, Format, Platform } from '../../shared/schemas/deliverable';
import type { Role } from '../../shared/schemas/auth';

/**
 * Booleans are `boolean` in PostgreSQL and 0/1 in SQLite; writes take a JS
 * boolean (the dialect module converts it for SQLite), reads go through `Boolean()`.
 */
export type DbBoolean = ColumnType<boolean | number, boolean, boolean>;

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
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaceSettings: WorkspaceSettingsTable;
  brands: BrandsTable;
  brandContacts: BrandContactsTable;
  deals: DealsTable;
  deliverables: DeliverablesTable;
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
export type SettingsRow = Selectable<WorkspaceSettingsTable>;
