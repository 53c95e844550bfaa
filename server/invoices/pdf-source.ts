import type { Kysely } from 'kysely';
import { getInvoice } from '../db/queries/invoices';
import { getSettings } from '../db/queries/settings';
import type { Database } from '../db/schema';
import { todayIn } from '../../shared/days';
import { renderInvoicePdf } from './pdf';

export interface InvoicePdfOptions {
  /** The moment it is made (settings are created on first read; "today" is the workspace's). */
  now: Date;
  /** The payer's page for this invoice, printed on it; null: none (a team download, a draft). */
  publicUrl: string | null;
}

export interface InvoicePdf {
  pdf: Buffer<ArrayBuffer>;
  /** `Invoice-INV-2026-0001.pdf`. */
  filename: string;
}

/**
 * `Invoice-<number>.pdf` with only letters, digits, `.`, `_` and `-` in it:
 * safe in a Content-Disposition header, an e-mail attachment and any file system
 * (a number may hold `/` and `#`).
 */
export function invoicePdfFilename(number: string): string {
  const safe = number.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `Invoice-${safe || 'invoice'}.pdf`;
}

/**
 * The invoice as a PDF, with the creator's details from the workspace settings:
 * for the team's download, the invoice e-mail and the payer's public link.
 * Throws the usual 404 for an unknown invoice.
 */
export async function loadInvoicePdf(
  db: Kysely<Database>,
  invoiceId: string,
  { now, publicUrl }: InvoicePdfOptions,
): Promise<InvoicePdf> {
  const settings = await getSettings(db, now);
  const invoice = await getInvoice(db, invoiceId, { today: todayIn(now, settings.timeZone) });
  const pdf = await renderInvoicePdf({
    invoice,
    creator: settings.creator,
    workspaceName: settings.name,
    publicUrl,
  });
  return { pdf, filename: invoicePdfFilename(invoice.number) };
}
