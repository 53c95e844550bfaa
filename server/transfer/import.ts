import type { Kysely } from 'kysely';
import type { ApiErrorIssue } from '../../shared/schemas/common';
import {
  transferFileSchema,
  transferHeaderSchema,
  type TransferFile,
  type TransferTableName,
  type TransferTables,
} from '../../shared/schemas/transfer';
import { isForeignKeyViolation, isUniqueViolation, lockTransaction } from '../db/dialect';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { zodIssues } from '../validate';
import { KNOWN_MIGRATIONS, looseDb, TRANSFER_DB_TABLES, TRANSFER_TABLES } from './tables';

/** Rows per INSERT: well under both engines' limits on bound parameters (23 columns at most). */
export const IMPORT_BATCH_SIZE = 500;

/** A bad file can have a problem on every row; the answer names the first few. */
const MAX_ISSUES = 20;

function invalidFile(issues: ApiErrorIssue[]): AppError {
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new AppError(
    400,
    'validation_failed',
    `The export file was not imported — ${summary}${more}`,
    issues.slice(0, MAX_ISSUES),
  );
}

const notFresh = (what: string) =>
  new AppError(
    409,
    'conflict',
    `Import only into a fresh install: this one already has ${what}. Set up a new install and import there before anyone signs up.`,
  );

/**
 * Refuses (409) unless nothing has been written yet: no user, and none of the
 * tables an import fills has a row (the settings row aside, which is replaced).
 */
export async function assertFreshInstall(db: Kysely<Database>): Promise<void> {
  const loose = looseDb(db);
  for (const table of TRANSFER_TABLES) {
    if (table === 'workspace_settings') continue;
    const row = await loose
      .selectFrom(TRANSFER_DB_TABLES[table])
      .select('id')
      .limit(1)
      .executeTakeFirst();
    if (row) throw notFresh(table === 'users' ? 'users' : `data (${table.replace('_', ' ')})`);
  }
}

/**
 * Parses a request body as an export file: the format and version first (a
 * wrong file gets one clear answer, not an issue per row), then the schema
 * version, then every row.
 */
export function parseTransferFile(body: unknown): TransferFile {
  const header = transferHeaderSchema.safeParse(body);
  if (!header.success) throw invalidFile(zodIssues(header.error));
  const schemaVersion = (body as { schemaVersion?: unknown }).schemaVersion;
  if (typeof schemaVersion === 'string' && !KNOWN_MIGRATIONS.has(schemaVersion)) {
    throw invalidFile([
      {
        path: 'schemaVersion',
        message: `Made by a newer Sponsorcal (database schema ${schemaVersion}); update this install first`,
      },
    ]);
  }
  const file = transferFileSchema.safeParse(body);
  if (!file.success) throw invalidFile(zodIssues(file.error));
  fillOneLineInvoices(file.data.tables);
  return file.data;
}

/** Files from before invoices had lines: each invoice's amount becomes one line, named after its deal. */
function fillOneLineInvoices(tables: TransferTables): void {
  const titles = new Map(tables.deals.map((deal) => [deal.id, deal.title]));
  for (const invoice of tables.invoices) {
    if (invoice.lines !== '') continue;
    invoice.lines = JSON.stringify([
      {
        description: titles.get(invoice.dealId) ?? invoice.number,
        quantity: 1,
        unitCents: invoice.amountCents,
      },
    ]);
    invoice.subtotalCents = invoice.amountCents;
  }
}

interface Reference {
  column: string;
  to: TransferTableName;
}

/** The foreign keys between the file's tables (audit_log and alert subjects have none). */
const REFERENCES: { [T in TransferTableName]?: Reference[] } = {
  brand_contacts: [{ column: 'brandId', to: 'brands' }],
  deals: [{ column: 'brandId', to: 'brands' }],
  deliverables: [
    { column: 'dealId', to: 'deals' },
    { column: 'brandId', to: 'brands' },
    { column: 'assigneeId', to: 'users' },
  ],
  invoices: [{ column: 'dealId', to: 'deals' }],
  payments: [{ column: 'invoiceId', to: 'invoices' }],
  alerts: [{ column: 'acknowledgedBy', to: 'users' }],
  invites: [
    { column: 'createdBy', to: 'users' },
    { column: 'acceptedUserId', to: 'users' },
  ],
  review_links: [
    { column: 'deliverableId', to: 'deliverables' },
    { column: 'createdBy', to: 'users' },
  ],
  brand_pitches: [
    { column: 'brandId', to: 'brands' },
    { column: 'createdBy', to: 'users' },
  ],
  brand_notes: [
    { column: 'brandId', to: 'brands' },
    { column: 'createdBy', to: 'users' },
  ],
  invoice_links: [{ column: 'invoiceId', to: 'invoices' }],
  invoice_events: [
    { column: 'invoiceId', to: 'invoices' },
    { column: 'actorId', to: 'users' },
  ],
  invoice_reminders: [{ column: 'invoiceId', to: 'invoices' }],
  proposals: [
    { column: 'dealId', to: 'deals' },
    { column: 'createdBy', to: 'users' },
  ],
  metric_snapshots: [
    { column: 'deliverableId', to: 'deliverables' },
    { column: 'createdBy', to: 'users' },
  ],
  report_links: [
    { column: 'dealId', to: 'deals' },
    { column: 'createdBy', to: 'users' },
  ],
  testimonials: [
    { column: 'dealId', to: 'deals' },
    { column: 'reportLinkId', to: 'report_links' },
  ],
  remittance_notices: [
    { column: 'invoiceId', to: 'invoices' },
    { column: 'paymentId', to: 'payments' },
    { column: 'resolvedBy', to: 'users' },
  ],
  brand_requests: [
    { column: 'decidedBy', to: 'users' },
    { column: 'brandId', to: 'brands' },
    { column: 'dealId', to: 'deals' },
  ],
};

/** Columns (or column sets) that are unique in the database besides the id. */
const UNIQUE_KEYS: { [T in TransferTableName]?: string[][] } = {
  users: [['email']],
  invoices: [['number']],
  invites: [['tokenHash']],
  review_links: [['tokenHash']],
  proposals: [['tokenHash'], ['dealId', 'version']],
  metric_snapshots: [['deliverableId', 'measuredOn']],
  report_links: [['tokenHash']],
  invoice_links: [['tokenHash']],
  invoice_reminders: [['invoiceId', 'stepOffsetDays']],
  media_kit: [['slug']],
  alerts: [['rule', 'subjectType', 'subjectId', 'dueAt']],
};

/**
 * What the database would refuse half-way through, found up front with the row
 * named: duplicate keys, references to rows the file lacks, a deliverable
 * filed under another brand than its deal's, and a team without an owner.
 */
export function checkTables(tables: TransferTables): ApiErrorIssue[] {
  const issues: ApiErrorIssue[] = [];
  const ids = new Map<TransferTableName, Set<unknown>>();
  for (const table of TRANSFER_TABLES) {
    const rows = tables[table] as ReadonlyArray<Record<string, unknown>>;
    const seen = new Set<unknown>();
    const keys = (UNIQUE_KEYS[table] ?? []).map((columns) => ({
      columns,
      seen: new Set<string>(),
    }));
    rows.forEach((row, index) => {
      if (seen.has(row.id)) {
        issues.push({ path: `tables.${table}.${index}.id`, message: 'Another row has this id' });
      }
      seen.add(row.id);
      for (const key of keys) {
        const value = JSON.stringify(key.columns.map((column) => row[column]));
        if (key.seen.has(value)) {
          issues.push({
            path: `tables.${table}.${index}.${key.columns.at(-1)}`,
            message: `Another row has the same ${key.columns.join(', ')}`,
          });
        }
        key.seen.add(value);
      }
      for (const { column, to } of REFERENCES[table] ?? []) {
        const target = row[column];
        if (target !== null && !ids.get(to)?.has(target)) {
          issues.push({
            path: `tables.${table}.${index}.${column}`,
            message: `No row in ${to} has id ${JSON.stringify(target)}`,
          });
        }
      }
    });
    ids.set(table, seen);
  }

  const dealBrand = new Map(tables.deals.map((deal) => [deal.id, deal.brandId]));
  tables.deliverables.forEach((deliverable, index) => {
    const brandId = dealBrand.get(deliverable.dealId);
    if (brandId !== undefined && brandId !== deliverable.brandId) {
      issues.push({
        path: `tables.deliverables.${index}.brandId`,
        message: `Must be the brand of its deal (${brandId})`,
      });
    }
  });

  if (!tables.users.some((user) => user.role === 'owner' && !user.disabled)) {
    issues.push({ path: 'tables.users', message: 'The team must have an owner who can sign in' });
  }
  return issues;
}

/**
 * Writes an export file into a fresh install, all or nothing, and answers the
 * rows written per table. Under the set-up lock, so it cannot interleave with
 * a first sign-up (or another import); the settings row is replaced.
 */
export async function importWorkspace(
  db: Kysely<Database>,
  file: TransferFile,
): Promise<Record<TransferTableName, number>> {
  const issues = checkTables(file.tables);
  if (issues.length > 0) throw invalidFile(issues);
  try {
    return await db.transaction().execute(async (trx) => {
      await lockTransaction(trx, 'setup');
      await assertFreshInstall(trx);
      const loose = looseDb(trx);
      await loose.deleteFrom(TRANSFER_DB_TABLES.workspace_settings).execute();
      const counts = {} as Record<TransferTableName, number>;
      for (const table of TRANSFER_TABLES) {
        const rows = file.tables[table] as ReadonlyArray<Record<string, unknown>>;
        for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
          await loose
            .insertInto(TRANSFER_DB_TABLES[table])
            .values(rows.slice(start, start + IMPORT_BATCH_SIZE))
            .execute();
        }
        counts[table] = rows.length;
      }
      return counts;
    });
  } catch (error) {
    // The checks above should leave nothing for the database to refuse; if it does, it is
    // still the file's fault (and everything was rolled back), not the server's.
    if (isUniqueViolation(error) || isForeignKeyViolation(error)) {
      throw invalidFile([
        {
          path: 'tables',
          message: isUniqueViolation(error)
            ? 'Two rows share a key the database keeps unique'
            : 'A row refers to a row the file does not have',
        },
      ]);
    }
    throw error;
  }
}
