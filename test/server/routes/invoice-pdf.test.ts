import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../shared/schemas/invoice';
import { signInAs, type TestClient } from '../../support/app';
import { patchSettings } from '../../support/invoices';
import { pdfText } from '../../support/pdf-text';
import { expectApiError, expectToContainAll, trackApps } from '../helpers';

const apps = trackApps();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

/** The PDF's bytes as they arrive (the test client reads answers as text). */
async function download(t: Workspace, client: TestClient, id: string) {
  const res = await t.app.request(`http://localhost/api/invoices/${id}/pdf`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** An invoice with two lines and VAT 20 %, from a creator with their details filled in. */
async function invoiceWithLines(t: Workspace, number = 'INV-2026-0001'): Promise<Invoice> {
  await patchSettings(t.owner, {
    creator: {
      legalName: 'Casey Creator Ltd',
      address: '22 Canal Road\nLondon N1 8AA',
      email: 'casey@creator.example',
      taxId: 'GB123456789',
      paymentInstructions: 'IBAN GB33 BUKB 2020 1555 5555 55',
    },
  });
  await t.db
    .updateTable('workspaceSettings')
    .set({ creatorPaymentLink: 'https://pay.example.com/casey' })
    .execute();
  const res = await t.owner.post('/api/invoices', {
    dealId: t.deal.id,
    number,
    lines: [
      { description: 'Unboxing video', quantity: 2, unitCents: 50_000 },
      { description: 'Story set', quantity: 1, unitCents: 25_000 },
    ],
    taxes: [{ label: 'VAT', rateBasisPoints: 2000 }],
    poNumber: 'PO-4711',
    payer: {
      name: 'Globex GmbH',
      emails: ['ap@globex.example'],
      address: 'Hauptstraße 1\n10115 Berlin',
      taxId: 'DE123456789',
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('GET /api/invoices/:id/pdf', () => {
  it('answers the invoice as a PDF attachment, never cached', async () => {
    const t = await apps.workspace();
    const invoice = await invoiceWithLines(t);
    const { res, bytes } = await download(t, t.owner, invoice.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="Invoice-INV-2026-0001.pdf"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');

    const text = (await pdfText(bytes)).replace(/[ \t]+/g, ' ');
    expectToContainAll(text, [
      'Invoice INV-2026-0001',
      'Casey Creator Ltd',
      'Tax ID: GB123456789',
      'Globex GmbH',
      'Hauptstraße 1',
      'ap@globex.example',
    ]);
    expect(text).toMatch(/PO number PO-4711/);
    expect(text).toMatch(/Issue date 1 March 2026/);
    expect(text).toMatch(/Due date 31 March 2026/);
    expect(text).toMatch(/Unboxing video 2 \$500\.00 \$1,000\.00/);
    expect(text).toMatch(/Story set 1 \$250\.00 \$250\.00/);
    expect(text).toMatch(/Subtotal \$1,250\.00/);
    expect(text).toMatch(/VAT 20 % \$250\.00/);
    expect(text).toMatch(/Total \$1,500\.00/);
    expect(text).toContain('IBAN GB33 BUKB 2020 1555 5555 55');
    expect(text).toContain('https://pay.example.com/casey');
    expect(text).toMatch(/Page 1 of 1/);
  });

  it('names the file with safe characters only', async () => {
    const t = await apps.workspace();
    const invoice = await invoiceWithLines(t, 'ACME/2026#7');
    const { res } = await download(t, t.owner, invoice.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="Invoice-ACME-2026-7.pdf"',
    );
  });

  it('lets a viewer download it', async () => {
    const t = await apps.workspace();
    const invoice = await invoiceWithLines(t);
    const { client } = await signInAs(t, 'viewer');
    const { res } = await download(t, client, invoice.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('answers 404 for an unknown invoice', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/invoices/no-such-invoice/pdf'), 404, {
      code: 'not_found',
    });
  });

  it('answers 401 when signed out', async () => {
    const t = await apps.workspace();
    const invoice = await invoiceWithLines(t);
    expectApiError(await t.client().get(`/api/invoices/${invoice.id}/pdf`), 401, {
      code: 'unauthorized',
    });
  });
});
