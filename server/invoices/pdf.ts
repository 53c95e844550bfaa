import type { Invoice } from '../../shared/schemas/invoice';
import { formatMoney } from '../../shared/currency';
import { COLORS, collect, createDocument, Flow, type TextStyle } from './pdf-layout';

/** Who the invoice is from, as the workspace settings hold it. */
export interface InvoicePdfCreator {
  legalName: string;
  address: string;
  email: string;
  taxId: string;
  paymentInstructions: string;
  /** A payment page (Stripe, PayPal.me, Wise); '' for none. */
  paymentLink: string;
}

/** What of an invoice is printed (an `Invoice` as the API answers it will do). */
export type InvoicePdfInvoice = Pick<
  Invoice,
  | 'number'
  | 'status'
  | 'payer'
  | 'poNumber'
  | 'issuedOn'
  | 'dueOn'
  | 'currency'
  | 'lines'
  | 'taxes'
  | 'discountCents'
  | 'subtotalCents'
  | 'totalCents'
  | 'paidCents'
  | 'balanceCents'
  | 'updatedAt'
>;

export interface InvoicePdfInput {
  invoice: InvoicePdfInvoice;
  creator: InvoicePdfCreator;
  /** Printed as the sender when the creator has no legal name. */
  workspaceName: string;
  /** The payer's page for this invoice, printed at the foot; null: none. */
  publicUrl: string | null;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const rateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `2026-03-01` → `1 March 2026`: no reader takes it for the 3rd of January. */
const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** `VAT 20 %` for a rate of 2000 basis points. */
export const taxLabel = (tax: { label: string; rateBasisPoints: number }) =>
  `${tax.label} ${rateFormat.format(tax.rateBasisPoints / 100)} %`;

/** A run of text in a block, in its style (empty ones are left out). */
type Piece = TextStyle & { text: string };

const GAP = 24;
const LABEL: TextStyle = { font: 'bold', size: 8, color: COLORS.muted };

/**
 * The invoice as a PDF: the sender and the payer, the days, the lines (over as
 * many pages as they take, the table's header on each), the totals and how to
 * pay. Pure: everything it prints is in `input`. The same input gives the same
 * bytes (the document's date is the invoice's last change).
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer<ArrayBuffer>> {
  const { invoice, creator } = input;
  const sender = creator.legalName.trim() || input.workspaceName;
  const doc = await createDocument({
    Title: `Invoice ${invoice.number}`,
    Author: sender,
    Creator: 'Sponsorcal',
    CreationDate: new Date(invoice.updatedAt),
  });
  const bytes = collect(doc);
  const flow = new Flow(doc);

  drawTitle(flow, invoice);
  drawParties(flow, [
    [
      { ...LABEL, text: 'From' },
      { font: 'bold', size: 10, text: sender },
      { text: creator.address },
      { text: creator.email },
      { text: creator.taxId && `Tax ID: ${creator.taxId}` },
    ],
    [
      { ...LABEL, text: 'Bill to' },
      { font: 'bold', size: 10, text: invoice.payer.name },
      { text: invoice.payer.address },
      { text: invoice.payer.taxId && `Tax ID: ${invoice.payer.taxId}` },
      { text: invoice.payer.emails.join(', ') },
    ],
  ]);
  drawFacts(flow, [
    ['Issue date', formatDay(invoice.issuedOn)],
    ['Due date', formatDay(invoice.dueOn)],
    ...(invoice.poNumber ? [['PO number', invoice.poNumber] as [string, string]] : []),
  ]);
  drawLines(flow, invoice);
  drawTotals(flow, invoice);
  drawPayment(flow, input);
  flow.numberPages((page, count) => `Invoice ${invoice.number} · Page ${page} of ${count}`);
  doc.end();
  return bytes;
}

function drawTitle(flow: Flow, invoice: InvoicePdfInvoice): void {
  const title = { font: 'bold', size: 20, x: flow.left, width: flow.width } as const;
  if (invoice.status === 'void') {
    flow.line('VOID', flow.y + 4, { ...title, size: 14, color: '#B00020', align: 'right' });
  }
  flow.write(`Invoice ${invoice.number}`, { ...title, width: flow.width - 80 });
  flow.y += 14;
}

/** Blocks side by side when they fit on the page together, else one under the other. */
function drawParties(flow: Flow, columns: Piece[][]): void {
  const width = (flow.width - GAP * (columns.length - 1)) / columns.length;
  const blocks = columns.map((pieces) => pieces.filter((p) => p.text.trim() !== ''));
  const heights = blocks.map((pieces) =>
    pieces.reduce((sum, p) => sum + flow.measure(p.text, { ...p, width }), 0),
  );
  const tallest = Math.max(...heights);
  if (tallest <= flow.room) {
    const top = flow.y;
    blocks.forEach((pieces, i) => {
      flow.y = top;
      for (const p of pieces) flow.write(p.text, { ...p, x: flow.left + i * (width + GAP), width });
    });
    flow.y = top + tallest;
  } else {
    for (const pieces of blocks) {
      for (const p of pieces) flow.write(p.text, { ...p, x: flow.left, width: flow.width });
      flow.y += 10;
    }
  }
  flow.y += 16;
}

function drawFacts(flow: Flow, facts: [string, string][]): void {
  for (const [label, value] of facts) {
    flow.keep(14);
    const top = flow.y;
    flow.line(label, top, { x: flow.left, width: 80, font: 'bold', color: COLORS.muted });
    flow.write(value, { x: flow.left + 80, width: flow.width - 80 });
    flow.y = Math.max(flow.y, top + 12);
  }
  flow.y += 18;
}

function drawLines(flow: Flow, invoice: InvoicePdfInvoice): void {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const rows = invoice.lines.map((line) => ({
    description: line.description,
    quantity: quantityFormat.format(line.quantity),
    unit: money(line.unitCents),
    amount: money(line.amountCents),
  }));
  const header = {
    description: 'Description',
    quantity: 'Qty',
    unit: 'Unit price',
    amount: 'Amount',
  };
  // Number columns as wide as their widest entry (a KWD or JPY total can be long); the rest describes.
  const widthOf = (key: 'quantity' | 'unit' | 'amount') => {
    flow.style({ font: 'bold' });
    let widest = flow.doc.widthOfString(header[key]);
    flow.style({});
    for (const row of rows) widest = Math.max(widest, flow.doc.widthOfString(row[key]));
    return widest;
  };
  const amountWidth = widthOf('amount');
  const unitWidth = widthOf('unit');
  const quantityWidth = widthOf('quantity');
  const amountX = flow.right - amountWidth;
  const unitX = amountX - 16 - unitWidth;
  const quantityX = unitX - 16 - quantityWidth;
  const descriptionWidth = quantityX - 16 - flow.left;

  const cells = (row: typeof header, y: number, style: TextStyle) => {
    flow.line(row.quantity, y, { ...style, x: quantityX, width: quantityWidth, align: 'right' });
    flow.line(row.unit, y, { ...style, x: unitX, width: unitWidth, align: 'right' });
    flow.line(row.amount, y, { ...style, x: amountX, width: amountWidth, align: 'right' });
  };
  const drawHeader = () => {
    const style = { font: 'bold', size: 8.5, color: COLORS.muted } as const;
    flow.line(header.description, flow.y, { ...style, x: flow.left, width: descriptionWidth });
    cells(header, flow.y, style);
    flow.y += 14;
    flow.rule(flow.y, COLORS.muted);
    flow.y += 6;
  };
  const headerHeight = 20;
  flow.keep(headerHeight + 30);
  drawHeader();
  flow.onNewPage = drawHeader;
  const lineHeight = flow.style({});
  for (const row of rows) {
    const lines = flow.wrap(row.description, { width: descriptionWidth });
    const height = lines.length * lineHeight + 6;
    // A row stays on one page unless it is taller than a page: then it carries on line by line.
    const pageRoom = flow.bottom - flow.top - headerHeight;
    flow.keep(height <= pageRoom ? height : lineHeight);
    lines.forEach((text, i) => {
      flow.keep(lineHeight);
      flow.line(text, flow.y, { x: flow.left, width: descriptionWidth });
      if (i === 0) cells(row, flow.y, {});
      flow.y += lineHeight;
    });
    flow.y += 2;
    flow.rule();
    flow.y += 4;
  }
  flow.onNewPage = undefined;
  flow.y += 8;
}

function drawTotals(flow: Flow, invoice: InvoicePdfInvoice): void {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const rows: { label: string; value: string; strong?: boolean }[] = [
    { label: 'Subtotal', value: money(invoice.subtotalCents) },
    ...(invoice.discountCents > 0
      ? [{ label: 'Discount', value: `−${money(invoice.discountCents)}` }]
      : []),
    ...invoice.taxes.map((tax) => ({ label: taxLabel(tax), value: money(tax.cents) })),
    { label: 'Total', value: money(invoice.totalCents), strong: true },
    ...(invoice.paidCents > 0
      ? [
          { label: 'Paid', value: `−${money(invoice.paidCents)}` },
          { label: 'Balance due', value: money(invoice.balanceCents), strong: true },
        ]
      : []),
  ];
  const lineHeight = 16;
  flow.keep(rows.length * lineHeight + 8);
  const labelWidth = 160;
  // At least 120 points for the sums, more when one needs it (a large total in KWD).
  flow.style({ font: 'bold', size: 10 });
  const valueWidth = Math.max(120, ...rows.map((row) => flow.doc.widthOfString(row.value)));
  const x = flow.right - valueWidth - labelWidth;
  for (const row of rows) {
    const style: TextStyle = row.strong ? { font: 'bold', size: 10 } : {};
    if (row.strong) {
      flow.doc.moveTo(x, flow.y - 3).lineTo(flow.right, flow.y - 3);
      flow.doc.lineWidth(0.5).strokeColor(COLORS.muted).stroke();
    }
    flow.line(row.label, flow.y, { ...style, x, width: labelWidth });
    flow.line(row.value, flow.y, {
      ...style,
      x: x + labelWidth,
      width: valueWidth,
      align: 'right',
    });
    flow.y += lineHeight;
  }
  flow.y += 20;
}

/** How to pay: the creator's instructions, their payment link, and this invoice's own page. */
function drawPayment(flow: Flow, { creator, publicUrl }: InvoicePdfInput): void {
  const parts: [string, string, string | undefined][] = [];
  if (creator.paymentInstructions.trim() !== '') {
    parts.push(['Payment', creator.paymentInstructions, undefined]);
  }
  if (creator.paymentLink.trim() !== '') {
    parts.push(['Pay online', creator.paymentLink, creator.paymentLink]);
  }
  if (publicUrl) parts.push(['This invoice online', publicUrl, publicUrl]);
  for (const [label, text, link] of parts) {
    flow.keep(40);
    flow.write(label, { ...LABEL, x: flow.left, width: flow.width });
    flow.y += 2;
    flow.write(text, { x: flow.left, width: flow.width, ...(link ? { link } : {}) });
    flow.y += 12;
  }
}
