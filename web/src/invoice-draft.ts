import type { Payer } from '../../shared/schemas/billing';
import type { Invoice, InvoiceLine, InvoiceTax } from '../../shared/schemas/invoice';
import { invoiceTotals, type InvoiceTotals } from '../../shared/invoice-totals';
import { centsToInput, moneyInputError, parseMoney } from './format';

/**
 * What the invoice form holds of an invoice's document (lines, taxes, discount,
 * PO number, payer) as typed text, and how that text becomes the API's numbers.
 */

export interface LineDraft {
  /** A stable React key for the row. */
  key: string;
  description: string;
  quantity: string;
  unit: string;
}

export interface TaxDraft {
  key: string;
  label: string;
  /** Percent, as typed: "20", "7.7". */
  rate: string;
}

export interface PayerDraft {
  name: string;
  /** Comma- or line-separated. */
  emails: string;
  address: string;
  taxId: string;
}

export interface DocumentDraft {
  lines: LineDraft[];
  taxes: TaxDraft[];
  discount: string;
  poNumber: string;
  /** null: the payer is inherited (the deal's, else the brand with its billing contacts). */
  payer: PayerDraft | null;
}

let nextKey = 0;
export const draftKey = (): string => `row-${++nextKey}`;

export function emptyLine(description = ''): LineDraft {
  return { key: draftKey(), description, quantity: '1', unit: '' };
}

export function emptyTax(): TaxDraft {
  return { key: draftKey(), label: 'VAT', rate: '20' };
}

export function emptyPayer(): PayerDraft {
  return { name: '', emails: '', address: '', taxId: '' };
}

/** 2000 basis points → "20"; 770 → "7.7". */
export function rateToInput(basisPoints: number): string {
  return String(basisPoints / 100);
}

/** "20" → 2000, "7.7" → 770; at most two decimals, else NaN (the schema then names the field). */
export function parseRate(text: string): number {
  const trimmed = text.trim().replace(',', '.').replace(/%$/, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return Number.NaN;
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "1", "1.5", "2,5" → a number; anything else NaN. */
export function parseQuantity(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}

export function payerToDraft(payer: Payer): PayerDraft {
  return {
    name: payer.name,
    emails: payer.emails.join(', '),
    address: payer.address,
    taxId: payer.taxId,
  };
}

export function draftToPayer(draft: PayerDraft): Payer {
  return {
    name: draft.name.trim(),
    emails: splitEmails(draft.emails),
    address: draft.address,
    taxId: draft.taxId.trim(),
  };
}

export function documentFromInvoice(invoice: Invoice): DocumentDraft {
  return {
    lines: invoice.lines.map((line) => ({
      key: draftKey(),
      description: line.description,
      quantity: String(line.quantity),
      unit: centsToInput(line.unitCents, invoice.currency),
    })),
    taxes: invoice.taxes.map((tax) => ({
      key: draftKey(),
      label: tax.label,
      rate: rateToInput(tax.rateBasisPoints),
    })),
    discount:
      invoice.discountCents > 0 ? centsToInput(invoice.discountCents, invoice.currency) : '',
    poNumber: invoice.poNumber,
    payer: invoice.payerSource === 'invoice' ? payerToDraft(invoice.payer) : null,
  };
}

export interface ParsedDocument {
  lines: InvoiceLine[];
  taxes: InvoiceTax[];
  discountCents: number;
  poNumber: string;
  payer: Payer | null;
  /** Amounts that are not amounts, keyed by the path the server would name. */
  issues: { path: string; message: string }[];
}

/** The draft as the API takes it; a money text that does not parse is reported, and counted as -1. */
export function parseDocument(draft: DocumentDraft, currency: string): ParsedDocument {
  const issues: { path: string; message: string }[] = [];
  const money = (text: string, path: string): number => {
    const cents = parseMoney(text, currency);
    if (cents === undefined) {
      issues.push({ path, message: moneyInputError(text, currency) });
      return -1;
    }
    return cents;
  };
  const lines = draft.lines.map((line, i) => ({
    description: line.description,
    quantity: parseQuantity(line.quantity),
    unitCents: money(line.unit, `lines.${i}.unitCents`),
  }));
  const taxes = draft.taxes.map((tax) => ({
    label: tax.label,
    rateBasisPoints: parseRate(tax.rate),
  }));
  return {
    lines,
    taxes,
    discountCents: money(draft.discount, 'discountCents'),
    poNumber: draft.poNumber.trim(),
    payer: draft.payer ? draftToPayer(draft.payer) : null,
    issues,
  };
}

/** The totals of what is typed so far, counting a row that does not parse yet as nothing. */
export function previewTotals(draft: DocumentDraft, currency: string): InvoiceTotals {
  const lines = draft.lines.map((line) => {
    const quantity = parseQuantity(line.quantity);
    const unitCents = parseMoney(line.unit, currency);
    return Number.isFinite(quantity) && unitCents !== undefined
      ? { quantity, unitCents }
      : { quantity: 0, unitCents: 0 };
  });
  const taxes = draft.taxes.map((tax) => {
    const rate = parseRate(tax.rate);
    return { label: tax.label.trim() || 'Tax', rateBasisPoints: Number.isFinite(rate) ? rate : 0 };
  });
  return invoiceTotals(lines, taxes, parseMoney(draft.discount, currency) ?? 0);
}
