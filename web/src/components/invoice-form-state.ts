import type { Deal } from '../../../shared/schemas/deal';
import type { Invoice, InvoicePatch } from '../../../shared/schemas/invoice';
import { centsToInput } from '../format';
import {
  documentFromInvoice,
  emptyLine,
  type DocumentDraft,
  type ParsedDocument,
} from '../invoice-draft';
import type { InvoiceSave } from '../resources/invoices';
import { addDays, todayIn } from '../time';
import type { SettableStatus, TermsState } from './invoice-terms-fields';

/** The invoice form's state: how it starts from a deal or an invoice, and what a save changes. */

/** A whole number typed by the user; anything else is left for the schema to reject. */
export function toWholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function autoDue(issuedOn: string, terms: string): string {
  const days = toWholeNumber(terms);
  return Number.isInteger(days) ? addDays(issuedOn, days) : '';
}

export type FormState = TermsState;

export function initialState(
  deal: Deal,
  invoice: Invoice | null,
  timeZone: string,
  defaultTerms: number,
  defaultStatus: SettableStatus,
): { terms: FormState; doc: DocumentDraft } {
  if (invoice) {
    const followsTerms = invoice.dueOn === addDays(invoice.issuedOn, invoice.paymentTermsDays);
    return {
      terms: {
        number: invoice.number,
        currency: invoice.currency,
        issuedOn: invoice.issuedOn,
        terms: String(invoice.paymentTermsDays),
        dueOn: followsTerms ? null : invoice.dueOn,
        status: invoice.status === 'paid' ? 'sent' : invoice.status,
        notes: invoice.notes,
      },
      doc: documentFromInvoice(invoice),
    };
  }
  const left = deal.feeCents - deal.invoicedCents;
  const line = emptyLine(deal.title);
  line.unit = left > 0 ? centsToInput(left, deal.currency) : '';
  return {
    terms: {
      number: null,
      currency: deal.currency,
      issuedOn: todayIn(timeZone),
      terms: String(defaultTerms),
      dueOn: null,
      status: defaultStatus,
      notes: '',
    },
    doc: { lines: [line], taxes: [], discount: '', poNumber: '', payer: null },
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface InvoiceFields {
  number?: string;
  currency: string;
  issuedOn: string;
  paymentTermsDays: number;
  dueOn: string;
  notes: string;
  status: SettableStatus;
}

/** Only what changed, so an untouched field never trips a rule (e.g. currency with payments). */
export function invoicePatchOf(
  invoice: Invoice,
  fields: InvoiceFields,
  parsed: ParsedDocument,
): InvoicePatch {
  const patch: InvoicePatch = { version: invoice.version };
  if (fields.number !== undefined && fields.number !== invoice.number) patch.number = fields.number;
  if (fields.currency !== invoice.currency) patch.currency = fields.currency;
  if (fields.issuedOn !== invoice.issuedOn) patch.issuedOn = fields.issuedOn;
  if (fields.paymentTermsDays !== invoice.paymentTermsDays) {
    patch.paymentTermsDays = fields.paymentTermsDays;
  }
  if (fields.dueOn !== invoice.dueOn) patch.dueOn = fields.dueOn;
  if (invoice.status !== 'paid' && fields.status !== invoice.status) patch.status = fields.status;
  if (fields.notes !== invoice.notes) patch.notes = fields.notes;
  const savedLines = invoice.lines.map(({ description, quantity, unitCents }) => ({
    description,
    quantity,
    unitCents,
  }));
  const savedTaxes = invoice.taxes.map(({ label, rateBasisPoints }) => ({
    label,
    rateBasisPoints,
  }));
  if (!sameJson(parsed.lines, savedLines)) patch.lines = parsed.lines;
  if (!sameJson(parsed.taxes, savedTaxes)) patch.taxes = parsed.taxes;
  if (parsed.discountCents !== invoice.discountCents) patch.discountCents = parsed.discountCents;
  if (parsed.poNumber !== invoice.poNumber) patch.poNumber = parsed.poNumber;
  const savedPayer = invoice.payerSource === 'invoice' ? invoice.payer : null;
  if (!sameJson(parsed.payer, savedPayer)) patch.payer = parsed.payer;
  return patch;
}

/** What a save sends: only the changes of an invoice, or a whole new one on the deal. */
export function invoiceSaveOf(
  deal: Deal,
  invoice: Invoice | null,
  fields: InvoiceFields,
  parsed: ParsedDocument,
): InvoiceSave {
  if (invoice) return { patch: invoicePatchOf(invoice, fields, parsed) };
  const { payer, issues: _typed, ...document } = parsed;
  return { create: { dealId: deal.id, ...fields, ...document, ...(payer ? { payer } : {}) } };
}
