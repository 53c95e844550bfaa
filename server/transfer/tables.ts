import type { Insertable, Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { instantSchema } from '../../shared/schemas/common';
import {
  transferTablesSchema,
  type TransferRow,
  type TransferTableName,
} from '../../shared/schemas/transfer';
import type { Database } from '../db/schema';
import { migrations } from '../db/migrations';

/**
 * Where each table of the export file lives. Left out on purpose: sessions,
 * login_failures, api_tokens and calendar_feeds (credentials: people sign in
 * again and make new tokens and feed links), scheduler_state and deliveries
 * (machine state of the old install's alert sender) and public_hits (rate
 * limits) and blocked_senders (the request form's spam guard, rebuilt as spam is marked
 * again). Invoice reminders do move: they record what the payer was sent.
 */
export const TRANSFER_DB_TABLES = {
  users: 'users',
  workspace_settings: 'workspaceSettings',
  brands: 'brands',
  brand_contacts: 'brandContacts',
  deals: 'deals',
  deliverables: 'deliverables',
  invoices: 'invoices',
  payments: 'payments',
  channels: 'channels',
  alerts: 'alerts',
  audit_log: 'auditLog',
  invites: 'invites',
  review_links: 'reviewLinks',
  brand_pitches: 'brandPitches',
  media_kit: 'mediaKit',
  invoice_links: 'invoiceLinks',
  invoice_events: 'invoiceEvents',
  invoice_reminders: 'invoiceReminders',
  remittance_notices: 'remittanceNotices',
  deal_packages: 'dealPackages',
  brand_requests: 'brandRequests',
  proposals: 'proposals',
  brand_notes: 'brandNotes',
  metric_snapshots: 'metricSnapshots',
  report_links: 'reportLinks',
  testimonials: 'testimonials',
} as const satisfies Record<TransferTableName, keyof Database>;

type DbTableOf<T extends TransferTableName> = Database[(typeof TRANSFER_DB_TABLES)[T]];
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
/** True when a file row has exactly the table's columns and can be inserted as it is. */
type RowFits<T extends TransferTableName> =
  SameKeys<TransferRow<T>, Selectable<DbTableOf<T>>> extends true
    ? TransferRow<T> extends Insertable<DbTableOf<T>>
      ? true
      : false
    : false;

/**
 * Fails to compile when a migration adds, drops or retypes a column that the
 * file format does not follow yet (shared/schemas/transfer.ts).
 */
const ROWS_FIT: { [T in TransferTableName]: RowFits<T> } = {
  users: true,
  workspace_settings: true,
  brands: true,
  brand_contacts: true,
  deals: true,
  deliverables: true,
  invoices: true,
  payments: true,
  channels: true,
  alerts: true,
  audit_log: true,
  invites: true,
  review_links: true,
  brand_pitches: true,
  media_kit: true,
  invoice_links: true,
  invoice_events: true,
  invoice_reminders: true,
  remittance_notices: true,
  deal_packages: true,
  brand_requests: true,
  proposals: true,
  brand_notes: true,
  metric_snapshots: true,
  report_links: true,
  testimonials: true,
};
void ROWS_FIT;

/** The file's tables in foreign-key order: a row refers only to tables before it. */
export const TRANSFER_TABLES = Object.keys(transferTablesSchema.shape) as TransferTableName[];

/** The name of the newest migration, which the file names as its `schemaVersion`. */
export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)!;
export const KNOWN_MIGRATIONS: ReadonlySet<string> = new Set(Object.keys(migrations));

export interface TableColumns {
  all: string[];
  /** 0/1 in SQLite, true/false in the file. */
  booleans: string[];
  /** Written back as ISO UTC strings, whatever text form the engine kept. */
  instants: string[];
}

/** A column or table added after the first file format carries a default for older files. */
function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

function isInstant(schema: z.ZodType): boolean {
  return (
    schema === instantSchema ||
    (schema instanceof z.ZodNullable && schema.unwrap() === instantSchema)
  );
}

/** The columns of a table as the file format lists them (its zod row schema is the one source). */
export function columnsOf(table: TransferTableName): TableColumns {
  const rows = withoutDefault(transferTablesSchema.shape[table]) as z.ZodArray<z.ZodObject>;
  const entries = Object.entries(rows.element.shape as Record<string, z.ZodType>).map(
    ([name, schema]) => [name, withoutDefault(schema)] as const,
  );
  return {
    all: entries.map(([name]) => name),
    booleans: entries.filter(([, schema]) => schema instanceof z.ZodBoolean).map(([name]) => name),
    instants: entries.filter(([, schema]) => isInstant(schema)).map(([name]) => name),
  };
}

type LooseRow = Record<string, unknown>;

/**
 * The database seen table by table with untyped rows: the transfer reads and
 * writes every table the same way, and `ROWS_FIT` above is what keeps the
 * column lists and the tables in step.
 */
export function looseDb(db: Kysely<Database>): Kysely<Record<string, LooseRow>> {
  return db as unknown as Kysely<Record<string, LooseRow>>;
}
