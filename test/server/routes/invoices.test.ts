import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../shared/schemas/invoice';
import { signInAs, unchecked } from '../../support/app';
import {
  addInvoice,
  createBrand,
  createDeal,
  createInvoice,
  getInvoice,
  moneySnapshot,
  patchInvoice,
  patchSettings,
  pay,
  setWorkspaceZone,
  trackInvoiceApps,
  type Workspace,
} from '../../support/invoices';
import { expectApiError } from '../helpers';

const apps = trackInvoiceApps();

// The workspace clock reads 2026-03-01T12:00Z and the workspace zone is UTC: today is 2026-03-01.
const NOW = '2026-03-01T12:00:00.000Z';

const numbers = (res: { body: { items: Invoice[] } }) => res.body.items.map((i) => i.number);

describe('POST /api/invoices', () => {
  it('creates a draft from only the deal and the amount, answering every field', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/invoices', {
      dealId: t.deal.id,
      amountCents: 250_000,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      dealId: t.deal.id,
      dealTitle: 'Launch',
      brandId: t.brand.id,
      brandName: 'Acme',
      number: 'INV-2026-0001',
      amountCents: 250_000,
      lines: [{ description: 'Launch', quantity: 1, unitCents: 250_000, amountCents: 250_000 }],
      taxes: [],
      discountCents: 0,
      subtotalCents: 250_000,
      taxCents: 0,
      totalCents: 250_000,
      poNumber: '',
      payer: { name: 'Acme', emails: [], address: '', taxId: '' },
      payerSource: 'brand',
      remindersPaused: false,
      remindersPausedUntil: null,
      invoiceReminders: null,
      publicUrl: null,
      sentAt: null,
      currency: 'USD',
      issuedOn: '2026-03-01',
      paymentTermsDays: 30,
      dueOn: '2026-03-31',
      status: 'draft',
      overdue: false,
      daysOverdue: 0,
      paidCents: 0,
      balanceCents: 250_000,
      payments: [],
      remittances: [],
      notes: '',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await getInvoice(t.owner, res.body.id)).toEqual(res.body);
  });

  it('numbers invoices INV-<year>-0001, 0002, 0003 in order', async () => {
    const t = await apps.workspace();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push((await addInvoice(t, { amountCents: 1000 + i })).number);
    }
    expect(made).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);
  });

  it('takes the year of the number from the issue day', async () => {
    const t = await apps.workspace();
    const old = await addInvoice(t, { amountCents: 1000, issuedOn: '2025-12-20' });
    expect(old).toMatchObject({
      number: 'INV-2025-0001',
      issuedOn: '2025-12-20',
      dueOn: '2026-01-19',
    });
    const current = await addInvoice(t, { amountCents: 1000 });
    expect(current.number).toBe('INV-2026-0001');
    const another2025 = await addInvoice(t, { amountCents: 1000, issuedOn: '2025-06-01' });
    expect(another2025.number).toBe('INV-2025-0002');
  });

  it('continues after the highest number of the year, also one typed by hand', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000, number: 'INV-2026-0041' });
    await addInvoice(t, { amountCents: 1000, number: 'ACME-7' });
    expect((await addInvoice(t, { amountCents: 1000 })).number).toBe('INV-2026-0042');
  });

  it('does not let a number that only looks numeric to JavaScript jump the sequence', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000, number: 'INV-2026-0003' });
    // Neither is of the form INV-2026-NNNN, though Number() reads them as 1000 and 16.
    await addInvoice(t, { amountCents: 1000, number: 'INV-2026-1e3' });
    await addInvoice(t, { amountCents: 1000, number: 'INV-2026-0x10' });
    expect((await t.owner.get('/api/invoices/next-number')).body).toEqual({
      number: 'INV-2026-0004',
    });
  });

  it('gives two invoices created at the same moment different numbers', async () => {
    const t = await apps.workspace();
    const [a, b] = await Promise.all([
      t.owner.post('/api/invoices', { dealId: t.deal.id, amountCents: 1000 }),
      t.owner.post('/api/invoices', { dealId: t.deal.id, amountCents: 2000 }),
    ]);
    expect([a.status, b.status], `${a.text} / ${b.text}`).toEqual([201, 201]);
    expect([a.body.number, b.body.number].sort()).toEqual(['INV-2026-0001', 'INV-2026-0002']);
  });

  it("takes the deal's currency, whatever the workspace's", async () => {
    const t = await apps.workspace();
    await patchSettings(t.owner, { currency: 'GBP' });
    const eurDeal = await createDeal(t.owner, {
      brandId: t.brand.id,
      title: 'Euro tour',
      currency: 'EUR',
    });
    expect((await createInvoice(t.owner, { dealId: eurDeal.id, amountCents: 5000 })).currency).toBe(
      'EUR',
    );
    expect((await addInvoice(t, { amountCents: 5000 })).currency).toBe('USD');
  });

  it("issues on today in the workspace's zone, which may already be tomorrow", async () => {
    const t = await apps.workspace();
    // 2026-03-01T12:00Z is 01:00 on 2 March in Auckland (UTC+13).
    await setWorkspaceZone(t.owner, 'Pacific/Auckland');
    const inv = await addInvoice(t, { amountCents: 1000 });
    expect(inv).toMatchObject({ issuedOn: '2026-03-02', dueOn: '2026-04-01' });

    // 2026-03-01T12:00Z is 04:00 on 1 March in Los Angeles (UTC−8).
    await setWorkspaceZone(t.owner, 'America/Los_Angeles');
    expect(await addInvoice(t, { amountCents: 1000 })).toMatchObject({
      issuedOn: '2026-03-01',
      dueOn: '2026-03-31',
    });
  });

  it('starts the next year’s numbers when the new year has begun in the workspace zone', async () => {
    const t = await apps.workspace({ now: '2026-12-31T12:00:00.000Z' });
    expect((await addInvoice(t, { amountCents: 1000 })).number).toBe('INV-2026-0001');
    await setWorkspaceZone(t.owner, 'Pacific/Auckland');
    const inv = await addInvoice(t, { amountCents: 1000 });
    expect(inv).toMatchObject({
      number: 'INV-2027-0001',
      issuedOn: '2027-01-01',
      dueOn: '2027-01-31',
    });
  });

  it('uses the workspace’s default payment terms', async () => {
    const t = await apps.workspace();
    await patchSettings(t.owner, { defaultPaymentTermsDays: 14 });
    expect(await addInvoice(t, { amountCents: 1000 })).toMatchObject({
      paymentTermsDays: 14,
      dueOn: '2026-03-15',
    });
    await patchSettings(t.owner, { defaultPaymentTermsDays: 0 });
    expect(await addInvoice(t, { amountCents: 1000 })).toMatchObject({
      paymentTermsDays: 0,
      dueOn: '2026-03-01',
    });
    await patchSettings(t.owner, { defaultPaymentTermsDays: 60 });
    expect(await addInvoice(t, { amountCents: 1000, issuedOn: '2028-01-31' })).toMatchObject({
      paymentTermsDays: 60,
      dueOn: '2028-03-31',
    });
  });

  it('counts terms across month and leap-year ends', async () => {
    const t = await apps.workspace();
    const cases: Array<[string, number, string]> = [
      ['2026-01-31', 30, '2026-03-02'],
      ['2028-01-31', 30, '2028-03-01'],
      ['2026-12-15', 30, '2027-01-14'],
      ['2028-02-29', 1, '2028-03-01'],
      ['2026-02-28', 365, '2027-02-28'],
    ];
    for (const [issuedOn, paymentTermsDays, dueOn] of cases) {
      const inv = await addInvoice(t, { amountCents: 1000, issuedOn, paymentTermsDays });
      expect(inv.dueOn, `${issuedOn} net-${paymentTermsDays}`).toBe(dueOn);
    }
  });

  it('keeps an explicit number, amount, currency, days, status and notes', async () => {
    const t = await apps.workspace();
    const sent = {
      dealId: t.deal.id,
      number: 'ACME/2026#7',
      amountCents: 123_456,
      currency: 'EUR',
      issuedOn: '2026-02-20',
      paymentTermsDays: 45,
      dueOn: '2026-04-15',
      status: 'sent',
      notes: 'PO 4711\nAttn: accounts payable',
    } as const;
    const inv = await createInvoice(t.owner, sent);
    expect(inv).toMatchObject({ ...sent, balanceCents: 123_456 });
  });

  it('accepts a due day equal to the issue day (due on receipt)', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, {
      amountCents: 1000,
      issuedOn: '2026-03-10',
      dueOn: '2026-03-10',
    });
    expect(inv.dueOn).toBe('2026-03-10');
  });

  it('keeps money exact up to Number.MAX_SAFE_INTEGER', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: Number.MAX_SAFE_INTEGER });
    expect(inv.amountCents).toBe(Number.MAX_SAFE_INTEGER);
    const res = await t.owner.get(`/api/invoices/${inv.id}`);
    expect(res.text).toContain(`"amountCents":${Number.MAX_SAFE_INTEGER}`);
    expect(res.text).toContain(`"balanceCents":${Number.MAX_SAFE_INTEGER}`);
  });
});

describe('POST /api/invoices with bad input', () => {
  async function rejects(t: Workspace, body: unknown, paths: string[], status = 400) {
    const before = await moneySnapshot(t);
    const res = await t.owner.post('/api/invoices', unchecked(body));
    expectApiError(res, status, {
      paths,
      ...(status === 400 ? { code: 'validation_failed' } : {}),
    });
    expect(await moneySnapshot(t), 'nothing was written').toEqual(before);
    return res;
  }

  it.each([
    ['zero', 0],
    ['negative', -100],
    ['fractional', 10.5],
    ['the float 0.1 + 0.2', 0.1 + 0.2],
    ['a numeric string', '1000'],
    ['too large to be exact', 2 ** 53],
    ['null', null],
    ['missing', undefined],
  ])('returns 400 naming amountCents when it is %s, and writes nothing', async (_, amountCents) => {
    const t = await apps.workspace();
    await rejects(t, { dealId: t.deal.id, amountCents }, ['amountCents']);
  });

  it.each(['usd', 'US', 'EURO', 'E1R', '', 42])(
    'returns 400 naming currency for %j',
    async (currency) => {
      const t = await apps.workspace();
      await rejects(t, { dealId: t.deal.id, amountCents: 1000, currency }, ['currency']);
    },
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-3-1',
    '01/03/2026',
    '2026-03-01T00:00:00Z',
    '',
  ])('returns 400 naming issuedOn and dueOn for the day %j', async (day) => {
    const t = await apps.workspace();
    await rejects(t, { dealId: t.deal.id, amountCents: 1000, issuedOn: day, dueOn: day }, [
      'issuedOn',
      'dueOn',
    ]);
  });

  it('returns 400 naming dueOn when it is before the issue day', async () => {
    const t = await apps.workspace();
    await rejects(
      t,
      { dealId: t.deal.id, amountCents: 1000, issuedOn: '2026-03-10', dueOn: '2026-03-09' },
      ['dueOn'],
    );
    // Without an issue day, today (2026-03-01) is the issue day.
    await rejects(t, { dealId: t.deal.id, amountCents: 1000, dueOn: '2026-02-28' }, ['dueOn']);
  });

  it('returns 400 naming dealId for a deal that does not exist, or none', async () => {
    const t = await apps.workspace();
    await rejects(t, { dealId: 'no-such-deal', amountCents: 1000 }, ['dealId']);
    await rejects(t, { amountCents: 1000 }, ['dealId']);
    await rejects(t, { dealId: '', amountCents: 1000 }, ['dealId']);
  });

  it.each(['paid', 'overdue', 'SENT', ''])(
    'returns 400 naming status for %j: paid follows from payments',
    async (status) => {
      const t = await apps.workspace();
      await rejects(t, { dealId: t.deal.id, amountCents: 1000, status }, ['status']);
    },
  );

  it.each([-1, 1.5, 366, '30'])(
    'returns 400 naming paymentTermsDays for %j',
    async (paymentTermsDays) => {
      const t = await apps.workspace();
      await rejects(t, { dealId: t.deal.id, amountCents: 1000, paymentTermsDays }, [
        'paymentTermsDays',
      ]);
    },
  );

  it.each(['INV 1', '-INV-1', '', 'x'.repeat(41), 'INV-1;DROP'])(
    'returns 400 naming number for %j',
    async (number) => {
      const t = await apps.workspace();
      await rejects(t, { dealId: t.deal.id, amountCents: 1000, number }, ['number']);
    },
  );

  it('names every bad field at once', async () => {
    const t = await apps.workspace();
    await rejects(
      t,
      {
        dealId: 7,
        amountCents: -1,
        currency: 'dollars',
        issuedOn: '2026-02-30',
        status: 'paid',
        notes: 5,
      },
      ['dealId', 'amountCents', 'currency', 'issuedOn', 'status', 'notes'],
    );
  });

  it('returns 409 naming number when the number is already used, and writes nothing', async () => {
    const t = await apps.workspace();
    const first = await addInvoice(t, { amountCents: 1000 });
    const res = await rejects(
      t,
      { dealId: t.deal.id, amountCents: 2000, number: first.number },
      ['number'],
      409,
    );
    expect(res.body.error.code).toBe('duplicate');
    expect(res.body.error.message).toContain(first.number);
  });

  it('returns 400 for a body that is not JSON', async () => {
    const t = await apps.workspace();
    const before = await moneySnapshot(t);
    expectApiError(await t.owner.post('/api/invoices', unchecked('{"dealId":')), 400, {
      code: 'invalid_json',
    });
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it('lets a viewer read but not create', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000 });
    const { client } = await signInAs(t, 'viewer');
    expect((await client.get('/api/invoices')).body.items).toHaveLength(1);
    const before = await moneySnapshot(t);
    expectApiError(
      await client.post('/api/invoices', { dealId: t.deal.id, amountCents: 1000 }),
      403,
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });
});

describe('GET /api/invoices/next-number', () => {
  it('suggests the next number of the current year in the workspace zone', async () => {
    const t = await apps.workspace({ now: '2026-12-31T23:30:00.000Z' });
    expect((await t.owner.get('/api/invoices/next-number')).body).toEqual({
      number: 'INV-2026-0001',
    });
    await addInvoice(t, { amountCents: 1000 });
    expect((await t.owner.get('/api/invoices/next-number')).body).toEqual({
      number: 'INV-2026-0002',
    });
    // 23:30Z on New Year's Eve is already 00:30 on 1 January 2027 in Berlin (UTC+1).
    await setWorkspaceZone(t.owner, 'Europe/Berlin');
    expect((await t.owner.get('/api/invoices/next-number')).body).toEqual({
      number: 'INV-2027-0001',
    });
  });

  it('follows the year of ?issuedOn, and returns 400 naming a bad day', async () => {
    const t = await apps.workspace({ now: '2026-12-31T12:00:00.000Z' });
    await addInvoice(t, { amountCents: 1000 });
    expect((await t.owner.get('/api/invoices/next-number?issuedOn=2027-01-04')).body).toEqual({
      number: 'INV-2027-0001',
    });
    expect((await t.owner.get('/api/invoices/next-number?issuedOn=2026-06-01')).body).toEqual({
      number: 'INV-2026-0002',
    });
    expectApiError(await t.owner.get('/api/invoices/next-number?issuedOn=2026-02-30'), 400, {
      paths: ['issuedOn'],
    });
  });

  it('does not reserve the number: asking twice answers the same', async () => {
    const t = await apps.workspace();
    const a = await t.owner.get('/api/invoices/next-number');
    const b = await t.owner.get('/api/invoices/next-number');
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });
});

describe('GET /api/invoices/:id', () => {
  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/invoices/no-such-invoice'), 404, { code: 'not_found' });
  });
});

describe('GET /api/invoices', () => {
  /**
   * Two brands, three deals, six invoices around today (2026-03-01, UTC):
   * A sent, due 02-20 (overdue) · B draft, due 03-31 · C sent, due today ·
   * D void, due 02-01 · E paid, due 02-28 · F sent, due 02-27, part-paid (overdue).
   */
  async function sixInvoices() {
    const t = await apps.workspace();
    const globex = await createBrand(t.owner, 'Globex');
    const deal2 = await createDeal(t.owner, { brandId: globex.id, title: 'Globex spring' });
    const deal3 = await createDeal(t.owner, { brandId: globex.id, title: 'Globex fall' });
    const mk = (dealId: string, number: string, dueOn: string, status: 'draft' | 'sent' | 'void') =>
      createInvoice(t.owner, {
        dealId,
        number,
        amountCents: 10_000,
        issuedOn: '2026-01-15',
        dueOn,
        status,
      });
    const A = await mk(t.deal.id, 'A', '2026-02-20', 'sent');
    const B = await mk(t.deal.id, 'B', '2026-03-31', 'draft');
    const C = await mk(deal2.id, 'C', '2026-03-01', 'sent');
    const D = await mk(deal2.id, 'D', '2026-02-01', 'void');
    const E = await mk(deal3.id, 'E', '2026-02-28', 'sent');
    await pay(t.owner, E.id, { amountCents: 10_000, paidOn: '2026-02-25' });
    const F = await mk(t.deal.id, 'F', '2026-02-27', 'sent');
    await pay(t.owner, F.id, { amountCents: 4_000, paidOn: '2026-02-26' });
    return { ...t, globex, deal2, deal3, A, B, C, D, E, F };
  }

  it('lists every invoice as {items}, latest due first, with derived overdue fields', async () => {
    const t = await sixInvoices();
    const res = await t.owner.get('/api/invoices');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['items']);
    expect(numbers(res)).toEqual(['B', 'C', 'E', 'F', 'A', 'D']);
    const view = Object.fromEntries(
      res.body.items.map((i) => [
        i.number,
        [i.status, i.overdue, i.daysOverdue, i.paidCents, i.balanceCents],
      ]),
    );
    expect(view).toEqual({
      A: ['sent', true, 9, 0, 10_000],
      B: ['draft', false, 0, 0, 10_000],
      C: ['sent', false, 0, 0, 10_000],
      D: ['void', false, 0, 0, 0],
      E: ['paid', false, 0, 10_000, 0],
      F: ['sent', true, 2, 4_000, 6_000],
    });
    expect(res.body.items.find((i) => i.number === 'C')).toMatchObject({
      brandId: t.globex.id,
      brandName: 'Globex',
      dealId: t.deal2.id,
      dealTitle: 'Globex spring',
    });
  });

  it('filters by dealId, single, comma-separated and repeated', async () => {
    const t = await sixInvoices();
    expect(numbers(await t.owner.get(`/api/invoices?dealId=${t.deal.id}`))).toEqual([
      'B',
      'F',
      'A',
    ]);
    expect(numbers(await t.owner.get(`/api/invoices?dealId=${t.deal2.id},${t.deal3.id}`))).toEqual([
      'C',
      'E',
      'D',
    ]);
    expect(
      numbers(await t.owner.get(`/api/invoices?dealId=${t.deal3.id}&dealId=${t.deal.id}`)),
    ).toEqual(['B', 'E', 'F', 'A']);
    expect(numbers(await t.owner.get('/api/invoices?dealId=no-such-deal'))).toEqual([]);
  });

  it('filters by brandId', async () => {
    const t = await sixInvoices();
    expect(numbers(await t.owner.get(`/api/invoices?brandId=${t.globex.id}`))).toEqual([
      'C',
      'E',
      'D',
    ]);
    expect(numbers(await t.owner.get(`/api/invoices?brandId=${t.brand.id}`))).toEqual([
      'B',
      'F',
      'A',
    ]);
  });

  it('filters by status, paid included', async () => {
    const t = await sixInvoices();
    expect(numbers(await t.owner.get('/api/invoices?status=sent'))).toEqual(['C', 'F', 'A']);
    expect(numbers(await t.owner.get('/api/invoices?status=paid'))).toEqual(['E']);
    expect(numbers(await t.owner.get('/api/invoices?status=draft,void'))).toEqual(['B', 'D']);
  });

  it('filters by overdue=true and overdue=false, which together are everything', async () => {
    const t = await sixInvoices();
    expect(numbers(await t.owner.get('/api/invoices?overdue=true'))).toEqual(['F', 'A']);
    expect(numbers(await t.owner.get('/api/invoices?overdue=false'))).toEqual(['B', 'C', 'E', 'D']);
    expect(numbers(await t.owner.get(`/api/invoices?overdue=true&brandId=${t.globex.id}`))).toEqual(
      [],
    );
  });

  it('filters by due day in [dueFrom, dueTo)', async () => {
    const t = await sixInvoices();
    expect(numbers(await t.owner.get('/api/invoices?dueFrom=2026-02-27&dueTo=2026-03-31'))).toEqual(
      ['C', 'E', 'F'],
    );
    expect(numbers(await t.owner.get('/api/invoices?dueFrom=2026-02-28&dueTo=2026-03-01'))).toEqual(
      ['E'],
    );
    expect(numbers(await t.owner.get('/api/invoices?dueFrom=2026-03-31'))).toEqual(['B']);
    expect(numbers(await t.owner.get('/api/invoices?dueTo=2026-02-20'))).toEqual(['D']);
    expect(numbers(await t.owner.get('/api/invoices?dueFrom=2026-03-01&dueTo=2026-03-01'))).toEqual(
      [],
    );
  });

  it.each([
    ['status=overdue', 'status'],
    ['overdue=yes', 'overdue'],
    ['dueFrom=2026-02-30', 'dueFrom'],
    ['dueTo=tomorrow', 'dueTo'],
  ])('returns 400 naming the bad filter in ?%s', async (query, path) => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get(`/api/invoices?${query}`), 400, { paths: [path] });
  });
});

describe('PATCH /api/invoices/:id', () => {
  it('changes the given fields, bumps the version and updatedAt', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000 });
    t.clock.advance(3_600_000);
    const res = await t.owner.patch(`/api/invoices/${inv.id}`, {
      version: 1,
      number: 'ACME-1',
      amountCents: 2500,
      status: 'sent',
      notes: 'Thanks!',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...inv,
      number: 'ACME-1',
      amountCents: 2500,
      lines: [{ ...inv.lines[0]!, unitCents: 2500, amountCents: 2500 }],
      subtotalCents: 2500,
      totalCents: 2500,
      balanceCents: 2500,
      status: 'sent',
      // Marked sent by hand: it went out now (reminders count from then).
      sentAt: '2026-03-01T13:00:00.000Z',
      notes: 'Thanks!',
      version: 2,
      updatedAt: '2026-03-01T13:00:00.000Z',
    });
    expect(await getInvoice(t.owner, inv.id)).toEqual(res.body);
  });

  it('returns 409 when the version is stale, and writes nothing', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000 });
    await patchInvoice(t.owner, inv.id, { notes: 'first' });
    const before = await moneySnapshot(t);
    const res = await t.owner.patch(`/api/invoices/${inv.id}`, { version: 1, notes: 'second' });
    expectApiError(res, 409, { code: 'version_conflict' });
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it('recomputes the due day when the issue day or the terms change', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000 });
    expect(inv.dueOn).toBe('2026-03-31');
    expect(await patchInvoice(t.owner, inv.id, { issuedOn: '2026-03-05' })).toMatchObject({
      issuedOn: '2026-03-05',
      paymentTermsDays: 30,
      dueOn: '2026-04-04',
    });
    expect(await patchInvoice(t.owner, inv.id, { paymentTermsDays: 45 })).toMatchObject({
      issuedOn: '2026-03-05',
      paymentTermsDays: 45,
      dueOn: '2026-04-19',
    });
    expect(
      await patchInvoice(t.owner, inv.id, { issuedOn: '2028-02-14', paymentTermsDays: 15 }),
    ).toMatchObject({
      dueOn: '2028-02-29',
    });
  });

  it('keeps a given due day over the terms, and a custom due day when other fields change', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000 });
    expect(
      await patchInvoice(t.owner, inv.id, { issuedOn: '2026-03-05', dueOn: '2026-03-20' }),
    ).toMatchObject({
      issuedOn: '2026-03-05',
      dueOn: '2026-03-20',
    });
    expect(
      await patchInvoice(t.owner, inv.id, { paymentTermsDays: 7, dueOn: '2026-05-01' }),
    ).toMatchObject({
      paymentTermsDays: 7,
      dueOn: '2026-05-01',
    });
    expect(
      await patchInvoice(t.owner, inv.id, { notes: 'n', amountCents: 5000, status: 'sent' }),
    ).toMatchObject({
      dueOn: '2026-05-01',
    });
    expect(await patchInvoice(t.owner, inv.id, { dueOn: '2026-03-05' })).toMatchObject({
      dueOn: '2026-03-05',
    });
  });

  it('returns 400 naming dueOn when the result would be due before it was issued', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000, issuedOn: '2026-03-10' });
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.patch(`/api/invoices/${inv.id}`, { version: 1, dueOn: '2026-03-09' }),
      400,
      {
        paths: ['dueOn'],
      },
    );
    expectApiError(
      await t.owner.patch(`/api/invoices/${inv.id}`, {
        version: 1,
        issuedOn: '2026-04-01',
        dueOn: '2026-03-31',
      }),
      400,
      { paths: ['dueOn'] },
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it.each([
    [{ status: 'paid' }, 'status'],
    [{ amountCents: 0 }, 'amountCents'],
    [{ amountCents: 99.5 }, 'amountCents'],
    [{ currency: 'eur' }, 'currency'],
    [{ dueOn: '2026-02-30' }, 'dueOn'],
    [{ issuedOn: '2026-04-31' }, 'issuedOn'],
    [{ paymentTermsDays: -3 }, 'paymentTermsDays'],
    [{ number: ' ' }, 'number'],
    [{}, 'version'],
  ])('returns 400 for %j naming %s, and writes nothing', async (changes, path) => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000 });
    const before = await moneySnapshot(t);
    const body = path === 'version' ? changes : { version: inv.version, ...changes };
    expectApiError(await t.owner.patch(`/api/invoices/${inv.id}`, unchecked(body)), 400, {
      paths: [path],
    });
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it('returns 409 naming number when another invoice has it', async () => {
    const t = await apps.workspace();
    const a = await addInvoice(t, { amountCents: 1000 });
    const b = await addInvoice(t, { amountCents: 1000 });
    const before = await moneySnapshot(t);
    const res = await t.owner.patch(`/api/invoices/${b.id}`, {
      version: b.version,
      number: a.number,
    });
    expectApiError(res, 409, { code: 'duplicate', paths: ['number'] });
    expect(await moneySnapshot(t)).toEqual(before);
    // Its own number again is no conflict.
    expect(
      (await t.owner.patch(`/api/invoices/${b.id}`, { version: b.version, number: b.number }))
        .status,
    ).toBe(200);
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(
      await t.owner.patch('/api/invoices/no-such-invoice', { version: 1, notes: 'x' }),
      404,
      {
        code: 'not_found',
      },
    );
  });
});

describe('DELETE /api/invoices/:id', () => {
  it('deletes a draft (204) and then answers 404', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000 });
    const res = await t.owner.delete(`/api/invoices/${inv.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectApiError(await t.owner.get(`/api/invoices/${inv.id}`), 404);
    expectApiError(await t.owner.delete(`/api/invoices/${inv.id}`), 404);
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.delete('/api/invoices/no-such-invoice'), 404, {
      code: 'not_found',
    });
  });
});

/**
 * Overdue is decided in the workspace's zone: an invoice due 2026-03-10 is
 * late from 00:00 on the 11th there. The UTC instants are worked out by hand:
 * Los Angeles is on PDT (UTC−7) since 2026-03-08, Berlin on CET (UTC+1) until
 * 2026-03-29, Auckland on NZDT (UTC+13) until 2026-04-05.
 */
/**
 * A sent invoice of 1000 cents in a New York workspace whose clock starts at `now`:
 * answers its days overdue at an instant (setting the clock to it).
 */
async function newYorkDaysOverdue(dates: { issuedOn: string; dueOn: string }, now?: string) {
  const t = await apps.workspace({ timeZone: 'America/New_York', ...(now ? { now } : {}) });
  const inv = await addInvoice(t, { amountCents: 1000, status: 'sent', ...dates });
  return async (instant: string) => {
    t.clock.set(instant);
    return (await getInvoice(t.owner, inv.id)).daysOverdue;
  };
}

describe('overdue in the workspace time zone', () => {
  const ZONES = [
    {
      zone: 'America/Los_Angeles',
      lastMoment: '2026-03-11T06:59:59.999Z',
      late: '2026-03-11T07:00:00.000Z',
      dayFour: '2026-03-14T07:00:00.000Z',
    },
    {
      zone: 'Europe/Berlin',
      lastMoment: '2026-03-10T22:59:59.999Z',
      late: '2026-03-10T23:00:00.000Z',
      dayFour: '2026-03-13T23:00:00.000Z',
    },
    {
      zone: 'Pacific/Auckland',
      lastMoment: '2026-03-10T10:59:59.999Z',
      late: '2026-03-10T11:00:00.000Z',
      dayFour: '2026-03-13T11:00:00.000Z',
    },
  ];

  it.each(ZONES)(
    '$zone: not overdue at 23:59:59 on the due day, overdue at 00:00 the next',
    async ({ zone, lastMoment, late, dayFour }) => {
      const t = await apps.workspace({ timeZone: zone });
      const inv = await addInvoice(t, {
        amountCents: 1000,
        issuedOn: '2026-02-08',
        dueOn: '2026-03-10',
        status: 'sent',
      });
      const overdueList = async () => numbers(await t.owner.get('/api/invoices?overdue=true'));

      t.clock.set(lastMoment);
      expect(await getInvoice(t.owner, inv.id)).toMatchObject({ overdue: false, daysOverdue: 0 });
      expect(await overdueList()).toEqual([]);
      expect(numbers(await t.owner.get('/api/invoices?overdue=false'))).toEqual([inv.number]);

      t.clock.set(late);
      expect(await getInvoice(t.owner, inv.id)).toMatchObject({ overdue: true, daysOverdue: 1 });
      expect(await overdueList()).toEqual([inv.number]);
      expect(numbers(await t.owner.get('/api/invoices?overdue=false'))).toEqual([]);

      // Calendar days in the zone: 3 until the end of the 13th, 4 from 00:00 on the 14th.
      t.clock.set(new Date(Date.parse(dayFour) - 1));
      expect((await getInvoice(t.owner, inv.id)).daysOverdue).toBe(3);
      t.clock.set(dayFour);
      expect((await getInvoice(t.owner, inv.id)).daysOverdue).toBe(4);
    },
  );

  it('gives the same instant a different answer in different zones', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, {
      amountCents: 1000,
      issuedOn: '2026-02-08',
      dueOn: '2026-03-10',
      status: 'sent',
    });
    // 2026-03-11T03:00Z: the 11th in UTC, Berlin and Auckland; still the 10th in Los Angeles.
    t.clock.set('2026-03-11T03:00:00.000Z');
    const expected: Record<string, [boolean, number]> = {
      UTC: [true, 1],
      'America/Los_Angeles': [false, 0],
      'Europe/Berlin': [true, 1],
      'Pacific/Auckland': [true, 1],
    };
    for (const [zone, [overdue, daysOverdue]] of Object.entries(expected)) {
      await setWorkspaceZone(t.owner, zone);
      expect(await getInvoice(t.owner, inv.id), zone).toMatchObject({ overdue, daysOverdue });
    }
  });

  it('counts calendar days across the spring-forward change (America/New_York, 2026-03-08)', async () => {
    const at = await newYorkDaysOverdue({ issuedOn: '2026-02-01', dueOn: '2026-03-05' });
    // EST (UTC−5) before 2026-03-08, EDT (UTC−4) after.
    expect(await at('2026-03-06T04:59:59.999Z')).toBe(0);
    expect(await at('2026-03-06T05:00:00.000Z')).toBe(1);
    expect(await at('2026-03-08T04:59:59.999Z')).toBe(2);
    expect(await at('2026-03-08T05:00:00.000Z')).toBe(3);
    // The 23-hour day does not make the count lag an hour behind local midnight.
    expect(await at('2026-03-12T03:59:59.999Z')).toBe(6);
    expect(await at('2026-03-12T04:00:00.000Z')).toBe(7);
  });

  it('counts calendar days across the fall-back change (America/New_York, 2026-11-01)', async () => {
    // Starts in October so that the owner's session is still valid in November.
    const at = await newYorkDaysOverdue(
      { issuedOn: '2026-10-01', dueOn: '2026-10-29' },
      '2026-10-15T12:00:00.000Z',
    );
    expect(await at('2026-10-30T03:59:59.999Z')).toBe(0);
    expect(await at('2026-10-30T04:00:00.000Z')).toBe(1);
    // The 25-hour day 2026-11-01 ends at 05:00Z (EST).
    expect(await at('2026-11-02T04:59:59.999Z')).toBe(3);
    expect(await at('2026-11-02T05:00:00.000Z')).toBe(4);
  });

  it('never calls a draft, a void or a paid invoice overdue, and calls a part-paid one overdue', async () => {
    const t = await apps.workspace();
    const mk = (number: string, status: 'draft' | 'sent' | 'void') =>
      addInvoice(t, {
        number,
        amountCents: 1000,
        issuedOn: '2026-02-01',
        dueOn: '2026-02-10',
        status,
      });
    await mk('DRAFT', 'draft');
    await mk('VOID', 'void');
    const paid = await mk('PAID', 'sent');
    await pay(t.owner, paid.id, { amountCents: 1000, paidOn: '2026-02-20' });
    const part = await mk('PART', 'sent');
    await pay(t.owner, part.id, { amountCents: 999, paidOn: '2026-02-20' });
    const res = await t.owner.get('/api/invoices');
    expect(
      Object.fromEntries(res.body.items.map((i) => [i.number, [i.overdue, i.daysOverdue]])),
    ).toEqual({
      DRAFT: [false, 0],
      VOID: [false, 0],
      PAID: [false, 0],
      PART: [true, 19],
    });
    expect(numbers(await t.owner.get('/api/invoices?overdue=true'))).toEqual(['PART']);
  });
});
