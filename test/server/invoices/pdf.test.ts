import { describe, expect, it } from 'vitest';
import {
  renderInvoicePdf,
  type InvoicePdfInput,
  type InvoicePdfInvoice,
} from '../../../server/invoices/pdf';
import { invoicePdfFilename } from '../../../server/invoices/pdf-source';
import { invoiceTotals, type TotalsTax } from '../../../shared/invoice-totals';
import type { Invoice, InvoiceLine } from '../../../shared/schemas/invoice';
import { pdfPages, pdfText } from '../../support/pdf-text';
import { expectToContainAll } from '../helpers';

interface InvoiceOptions {
  lines?: InvoiceLine[];
  taxes?: TotalsTax[];
  discountCents?: number;
  paidCents?: number;
  currency?: string;
  poNumber?: string;
  payer?: Partial<Invoice['payer']>;
  status?: Invoice['status'];
}

/**
 * What the PDF prints of an invoice (and the team's notes, which it must not), its sums
 * worked out the way the server works them out.
 */
function invoiceOf(options: InvoiceOptions = {}): InvoicePdfInvoice & Pick<Invoice, 'notes'> {
  const lines = options.lines ?? [
    { description: 'Unboxing video', quantity: 2, unitCents: 125_000 },
    { description: 'Story set', quantity: 1, unitCents: 50_000 },
  ];
  const totals = invoiceTotals(lines, options.taxes ?? [], options.discountCents ?? 0);
  const paidCents = options.paidCents ?? 0;
  return {
    number: 'INV-2026-0001',
    lines: lines.map((line, i) => ({ ...line, amountCents: totals.lineCents[i]! })),
    taxes: totals.taxes,
    discountCents: totals.discountCents,
    subtotalCents: totals.subtotalCents,
    totalCents: totals.totalCents,
    poNumber: options.poNumber ?? '',
    payer: {
      name: 'Acme Corp',
      emails: ['ap@acme.example'],
      address: '1 Market Street\nSpringfield',
      taxId: 'US-99-1234567',
      ...options.payer,
    },
    currency: options.currency ?? 'EUR',
    issuedOn: '2026-03-01',
    dueOn: '2026-03-31',
    status: options.status ?? 'sent',
    paidCents,
    balanceCents: Math.max(totals.totalCents - paidCents, 0),
    notes: 'Internal: chase Bob',
    updatedAt: '2026-03-02T09:30:00.000Z',
  };
}

const CREATOR: InvoicePdfInput['creator'] = {
  legalName: 'Casey Creator Ltd',
  address: '22 Canal Road\nLondon N1 8AA',
  email: 'casey@creator.example',
  taxId: 'GB123456789',
  paymentInstructions: 'IBAN GB33 BUKB 2020 1555 5555 55\nBIC BUKBGB22',
  paymentLink: 'https://pay.example.com/casey',
};

function inputOf(
  invoice: InvoicePdfInvoice,
  changes: Partial<InvoicePdfInput> = {},
): InvoicePdfInput {
  return {
    invoice,
    creator: CREATOR,
    workspaceName: 'Casey’s workspace',
    publicUrl: null,
    ...changes,
  };
}

const render = async (input: InvoicePdfInput) => pdfText(await renderInvoicePdf(input));

/** Text with runs of spaces made one: columns as `-layout` spaces them do not matter here. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');

describe('renderInvoicePdf', () => {
  it('prints the number, both parties, the days, every line and the totals', async () => {
    const invoice = invoiceOf({
      taxes: [{ label: 'VAT', rateBasisPoints: 2000 }],
      discountCents: 10_000,
      paidCents: 100_000,
      poNumber: 'PO-4711',
    });
    const text = squeeze(await render(inputOf(invoice)));
    expect(text).toContain('Invoice INV-2026-0001');
    for (const part of ['From', 'Casey Creator Ltd', '22 Canal Road', 'London N1 8AA']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('casey@creator.example');
    expect(text).toContain('Tax ID: GB123456789');
    for (const part of ['Bill to', 'Acme Corp', '1 Market Street', 'Springfield']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('Tax ID: US-99-1234567');
    expect(text).toContain('ap@acme.example');
    expect(text).toMatch(/PO number PO-4711/);
    expect(text).toMatch(/Issue date 1 March 2026/);
    expect(text).toMatch(/Due date 31 March 2026/);
    expect(text).toMatch(/Description Qty Unit price Amount/);
    expect(text).toMatch(/Unboxing video 2 €1,250\.00 €2,500\.00/);
    expect(text).toMatch(/Story set 1 €500\.00 €500\.00/);
    // 3,000.00 − 100.00 = 2,900.00 taxed at 20 %: 580.00; total 3,480.00; 1,000.00 paid.
    expect(text).toMatch(/Subtotal €3,000\.00/);
    expect(text).toMatch(/Discount −€100\.00/);
    expect(text).toMatch(/VAT 20 % €580\.00/);
    expect(text).toMatch(/Total €3,480\.00/);
    expect(text).toMatch(/Paid −€1,000\.00/);
    expect(text).toMatch(/Balance due €2,480\.00/);
    expect(text).toMatch(/Page 1 of 1/);
    // The team's notes are not the payer's business.
    expect(text).not.toContain('chase Bob');
  });

  it('prints how to pay: the instructions, the payment link and the invoice’s page, both linked', async () => {
    const publicUrl = 'https://app.example.com/pay/tok_123';
    const pdf = await renderInvoicePdf(inputOf(invoiceOf(), { publicUrl }));
    const text = squeeze(await pdfText(pdf));
    expectToContainAll(text, [
      'IBAN GB33 BUKB 2020 1555 5555 55',
      'BIC BUKBGB22',
      'Pay online',
      'https://pay.example.com/casey',
      publicUrl,
    ]);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('/URI (https://pay.example.com/casey)');
    expect(raw).toContain(`/URI (${publicUrl})`);
  });

  it('leaves out what is not there: discount, taxes, payments, PO number, payment details', async () => {
    const creator = {
      ...CREATOR,
      legalName: '',
      taxId: '',
      paymentInstructions: '',
      paymentLink: '',
    };
    const text = squeeze(await render(inputOf(invoiceOf(), { creator })));
    // Without a legal name the workspace's name is the sender.
    expect(text).toContain('Casey’s workspace');
    expect(text).toMatch(/Total €3,000\.00/);
    for (const absent of [
      'Discount',
      'VAT',
      'Paid',
      'Balance due',
      'PO number',
      'Payment',
      'Pay online',
    ]) {
      expect(text).not.toContain(absent);
    }
    expect(text).not.toContain('Tax ID: GB');
  });

  it('marks a void invoice', async () => {
    const text = await render(inputOf(invoiceOf({ status: 'void' })));
    expect(text).toContain('VOID');
  });

  it('wraps a 3,000-character description and prints all of it, in order', async () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${String(i).padStart(4, '0')}`);
    const description = words.join(' ').padEnd(3_000, ' x').slice(0, 3_000);
    expect(description).toHaveLength(3_000);
    const invoice = invoiceOf({
      lines: [
        { description: 'Before', quantity: 1, unitCents: 1_000 },
        { description, quantity: 7, unitCents: 1_000 },
        { description: 'After', quantity: 1, unitCents: 1_000 },
      ],
    });
    const text = await render(inputOf(invoice));
    expect(text.match(/w\d{4}/g)).toEqual(words);
    // Wrapped: many lines, none of them running into the number columns.
    const wrapped = text.split('\n').filter((line) => /w\d{4}/.test(line));
    expect(wrapped.length).toBeGreaterThan(20);
    expect(squeeze(text)).toMatch(/w0000 .* 7 €10\.00 €70\.00/);
    expect(text.indexOf('Before')).toBeLessThan(text.indexOf('w0000'));
    expect(text.indexOf('After')).toBeGreaterThan(text.indexOf('w0499'));
  });

  it('cuts a word longer than the column and loses none of it, over a page break', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = Array.from({ length: 3_000 }, (_, i) => letters[i % 26]).join('');
    const invoice = invoiceOf({ lines: [{ description: word, quantity: 7, unitCents: 1_000 }] });
    const text = await render(inputOf(invoice));
    expect(pdfPages(text).length).toBeGreaterThan(1);
    const body = text
      .replace(/Invoice INV-2026-0001 · Page \d+ of \d+/g, '')
      .replace(/Description\s+Qty\s+Unit price\s+Amount/g, '')
      .replace(/\s+7\s+€10\.00\s+€70\.00/, '')
      .replace(/\s+/g, '');
    expect(body).toContain(word);
  });

  it('runs 120 lines over several pages, the table header and "Page i of n" on each', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({
      description: `Deliverable ${String(i + 1).padStart(3, '0')}`,
      quantity: 1,
      unitCents: 10_000,
    }));
    const text = await render(inputOf(invoiceOf({ lines })));
    const pages = pdfPages(text);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(squeeze(page)).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(squeeze(page)).toMatch(/Description Qty Unit price Amount/);
    });
    expect(text.match(/Deliverable \d{3}/g)).toEqual(lines.map((l) => l.description));
    expect(squeeze(pages.at(-1)!)).toMatch(/Total €12,000\.00/);
  });

  it('prints Cyrillic, Greek and accented Latin names exactly', async () => {
    const invoice = invoiceOf({
      payer: {
        name: 'Москва Медиа ООО',
        address: 'ул. Тверская, 7\nМосква 125009',
        emails: ['buh@moskva-media.example'],
      },
      lines: [
        { description: 'Αθήνα — λήψη βίντεο', quantity: 1, unitCents: 10_000 },
        { description: 'Café crème für Zürich, señor Núñez', quantity: 1, unitCents: 10_000 },
      ],
    });
    const creator = { ...CREATOR, legalName: 'Ōkubo Studio', address: 'Łódź, Piotrkowska 3' };
    const text = await render(inputOf(invoice, { creator }));
    for (const name of [
      'Ōkubo Studio',
      'Łódź, Piotrkowska 3',
      'Москва Медиа ООО',
      'ул. Тверская, 7',
      'Москва 125009',
      'Αθήνα — λήψη βίντεο',
      'Café crème für Zürich, señor Núñez',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('does not fail on characters the font has no glyph for (CJK prints as boxes)', async () => {
    const invoice = invoiceOf({ payer: { name: '株式会社東京 Tokyo KK' } });
    const text = await render(inputOf(invoice));
    expect(text).toContain('Tokyo KK');
    expect(text).toContain('Invoice INV-2026-0001');
  });

  it.each([
    ['EUR', 123_456, '€1,234.56'],
    ['JPY', 150_000, '¥150,000'],
    ['KWD', 1_500, 'KWD 1.500'],
  ])('formats %s amounts with its own minor digits', async (currency, unitCents, shown) => {
    const invoice = invoiceOf({
      currency,
      lines: [{ description: 'Sponsored post', quantity: 1, unitCents }],
    });
    const text = squeeze(await render(inputOf(invoice)));
    expect(text).toContain(`Sponsored post 1 ${shown} ${shown}`);
    expect(text).toMatch(new RegExp(`Total ${shown.replace(/[.$]/g, '\\$&')}\\n`));
  });

  it('gives the same bytes for the same invoice, dated by its last change', async () => {
    const input = inputOf(invoiceOf());
    const [a, b] = await Promise.all([renderInvoicePdf(input), renderInvoicePdf(input)]);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1').includes('(D:20260302093000Z)')).toBe(true);
  });
});

describe('invoicePdfFilename', () => {
  it('keeps letters, digits, dots, dashes and underscores only', () => {
    expect(invoicePdfFilename('INV-2026-0001')).toBe('Invoice-INV-2026-0001.pdf');
    expect(invoicePdfFilename('ACME/2026#7')).toBe('Invoice-ACME-2026-7.pdf');
    expect(invoicePdfFilename('#/')).toBe('Invoice-invoice.pdf');
  });
});
