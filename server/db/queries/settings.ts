import type { Kysely } from 'kysely';
import { DEFAULT_INVOICE_EMAIL, DEFAULT_REMINDERS } from '../../../shared/billing-defaults';
import { DEFAULT_LEAD_TIMES } from '../../../shared/constants';
import type { InvoiceEmailTemplate, InvoiceReminders } from '../../../shared/schemas/billing';
import type { SettingsPatch, WorkspaceSettings } from '../../../shared/schemas/settings';
import { versionConflict } from '../../errors';
import { preparedQuery } from '../prepared';
import { cachedRead } from '../read-cache';
import type { Database, SettingsRow } from '../schema';

export const DEFAULT_SETTINGS = { name: 'My workspace', timeZone: 'UTC', currency: 'USD' } as const;

function toSettings(row: SettingsRow): WorkspaceSettings {
  return {
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    leadTimes: {
      draftDueSoonHours: row.leadDraftDueSoonHours,
      publishDueSoonHours: row.leadPublishDueSoonHours,
      invoiceDueSoonDays: row.leadInvoiceDueSoonDays,
      usageRightsEndingDays: row.leadUsageRightsEndingDays,
      reportDueDays: row.leadReportDueDays,
    },
    creator: {
      legalName: row.creatorLegalName,
      address: row.creatorAddress,
      email: row.creatorEmail,
      taxId: row.creatorTaxId,
      paymentInstructions: row.creatorPaymentInstructions,
      paymentLink: row.creatorPaymentLink,
    },
    defaultPaymentTermsDays: row.defaultPaymentTermsDays,
    invoiceReminders: row.invoiceReminders
      ? (JSON.parse(row.invoiceReminders) as InvoiceReminders)
      : DEFAULT_REMINDERS,
    invoiceEmail: row.invoiceEmail
      ? (JSON.parse(row.invoiceEmail) as InvoiceEmailTemplate)
      : DEFAULT_INVOICE_EMAIL,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** The workspace settings row, created with defaults on first read. */
const settingsRow = preparedQuery<Record<string, never>, SettingsRow>((db) =>
  db.selectFrom('workspaceSettings').selectAll().where('id', '=', 1),
);

export async function getSettings(db: Kysely<Database>, now: Date): Promise<WorkspaceSettings> {
  const [row] = await cachedRead(db, 'settings', ['workspace_settings'], () => settingsRow(db, {}));
  if (row) return toSettings(row);
  await db
    .insertInto('workspaceSettings')
    .values({
      id: 1,
      ...DEFAULT_SETTINGS,
      leadDraftDueSoonHours: DEFAULT_LEAD_TIMES.draftDueSoonHours,
      leadPublishDueSoonHours: DEFAULT_LEAD_TIMES.publishDueSoonHours,
      leadInvoiceDueSoonDays: DEFAULT_LEAD_TIMES.invoiceDueSoonDays,
      leadUsageRightsEndingDays: DEFAULT_LEAD_TIMES.usageRightsEndingDays,
      leadReportDueDays: DEFAULT_LEAD_TIMES.reportDueDays,
      version: 1,
      updatedAt: now.toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return getSettings(db, now);
}

export type SettingsPatchInput = Omit<SettingsPatch, 'version'> & { version: number };

export async function updateSettings(
  db: Kysely<Database>,
  patch: SettingsPatchInput,
  now: Date,
  /** The settings as read before the change (the audited PATCH has them): not read again. */
  before?: WorkspaceSettings,
): Promise<WorkspaceSettings> {
  // Read once: makes the row on a first run, and is what partial reminder settings merge into.
  const current = before ?? (await getSettings(db, now));
  const { version, leadTimes, creator, invoiceReminders, invoiceEmail, ...changes } = patch;
  const row = await db
    .updateTable('workspaceSettings')
    .set({
      ...changes,
      ...(leadTimes?.draftDueSoonHours !== undefined
        ? { leadDraftDueSoonHours: leadTimes.draftDueSoonHours }
        : {}),
      ...(leadTimes?.publishDueSoonHours !== undefined
        ? { leadPublishDueSoonHours: leadTimes.publishDueSoonHours }
        : {}),
      ...(leadTimes?.invoiceDueSoonDays !== undefined
        ? { leadInvoiceDueSoonDays: leadTimes.invoiceDueSoonDays }
        : {}),
      ...(leadTimes?.usageRightsEndingDays !== undefined
        ? { leadUsageRightsEndingDays: leadTimes.usageRightsEndingDays }
        : {}),
      ...(leadTimes?.reportDueDays !== undefined
        ? { leadReportDueDays: leadTimes.reportDueDays }
        : {}),
      ...(creator?.legalName !== undefined ? { creatorLegalName: creator.legalName } : {}),
      ...(creator?.address !== undefined ? { creatorAddress: creator.address } : {}),
      ...(creator?.email !== undefined ? { creatorEmail: creator.email } : {}),
      ...(creator?.taxId !== undefined ? { creatorTaxId: creator.taxId } : {}),
      ...(creator?.paymentInstructions !== undefined
        ? { creatorPaymentInstructions: creator.paymentInstructions }
        : {}),
      ...(creator?.paymentLink !== undefined ? { creatorPaymentLink: creator.paymentLink } : {}),
      ...(invoiceReminders
        ? {
            invoiceReminders: JSON.stringify({
              ...current.invoiceReminders,
              ...invoiceReminders,
            } satisfies InvoiceReminders),
          }
        : {}),
      ...(invoiceEmail !== undefined
        ? { invoiceEmail: invoiceEmail === null ? null : JSON.stringify(invoiceEmail) }
        : {}),
      version: version + 1,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', 1)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw versionConflict('workspace settings');
  return toSettings(row);
}
