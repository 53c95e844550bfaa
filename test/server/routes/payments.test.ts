import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../shared/schemas/invoice';
import {
  addInvoice,
  createDeal,
  createInvoice,
  getInvoice,
  moneySnapshot,
  patchInvoice,
  pay,
  trackInvoiceApps,
  type Workspace,
} from '../../support/invoices';
import { expectApiError } from '../helpers';
import { unchecked } from '../../support/app';

const apps = trackInvoiceApps();

// The workspace clock reads 2026-03-01T12:00Z (UTC): today is 2026-03-01.

async function sentInvoice(
  t: Workspace,
  amountCents = 100_000,
  extra: Record<string, unknown> = {},
) {
  return addInvoice(t, { amountCents, status: 'sent', ...extra });
}

describe('POST /api/invoices/:id/payments', () => {
  it('records a payment and answers the invoice with it (201)', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    t.clock.advance(60_000);
    const res = await t.owner.post(`/api/invoices/${inv.id}/payments`, {
      amountCents: 40_000,
      paidOn: '2026-02-27',
      method: '  bank transfer  ',
      note: 'First half',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ...inv,
      status: 'sent',
      paidCents: 40_000,
      balanceCents: 60_000,
      payments: [
        {
          id: expect.any(String),
          amountCents: 40_000,
          currency: 'USD',
          paidOn: '2026-02-27',
          method: 'bank transfer',
          note: 'First half',
          feeCents: 0,
          netCents: 40_000,
          createdAt: '2026-03-01T12:01:00.000Z',
        },
      ],
      version: 2,
      updatedAt: '2026-03-01T12:01:00.000Z',
    });
    expect(await getInvoice(t.owner, inv.id)).toEqual(res.body);
  });

  it('defaults method to null and note to empty', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    const after = await pay(t.owner, inv.id, { amountCents: 1, paidOn: '2026-03-01' });
    expect(after.payments[0]).toMatchObject({ method: null, note: '', currency: 'USD' });
  });

  it('accumulates partial payments and becomes paid exactly when they cover the amount', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 100_000);
    const steps: Array<[number, string, number, number]> = [
      [25_000, 'sent', 25_000, 75_000],
      [50_000, 'sent', 75_000, 25_000],
      [24_999, 'sent', 99_999, 1],
      [1, 'paid', 100_000, 0],
    ];
    for (const [amountCents, status, paidCents, balanceCents] of steps) {
      const after = await pay(t.owner, inv.id, { amountCents, paidOn: '2026-03-01' });
      expect(after, `after paying ${amountCents}`).toMatchObject({
        status,
        paidCents,
        balanceCents,
        overdue: false,
      });
    }
    const paid = await getInvoice(t.owner, inv.id);
    expect(paid.payments.map((p) => p.amountCents)).toEqual([25_000, 50_000, 24_999, 1]);
    expect(paid.version).toBe(5);
  });

  it.each([
    ['many small payments exactly: 3 × 33333 + 1 covers 100000', 100_000, 3, 33_333],
    ['a hundred one-cent payments to exactly one dollar', 100, 99, 1],
  ])('sums %s', async (_what, amountCents, times, eachCents) => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, amountCents);
    for (let i = 0; i < times; i++)
      await pay(t.owner, inv.id, { amountCents: eachCents, paidOn: '2026-03-01' });
    // One cent short, then paid with the last one.
    expect(await getInvoice(t.owner, inv.id)).toMatchObject({
      status: 'sent',
      paidCents: amountCents - 1,
      balanceCents: 1,
    });
    expect(await pay(t.owner, inv.id, { amountCents: 1, paidOn: '2026-03-01' })).toMatchObject({
      status: 'paid',
      paidCents: amountCents,
      balanceCents: 0,
    });
  });

  it('keeps sums exact at Number.MAX_SAFE_INTEGER', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, Number.MAX_SAFE_INTEGER);
    await pay(t.owner, inv.id, { amountCents: Number.MAX_SAFE_INTEGER - 1, paidOn: '2026-03-01' });
    expect(await getInvoice(t.owner, inv.id)).toMatchObject({
      paidCents: Number.MAX_SAFE_INTEGER - 1,
      balanceCents: 1,
    });
    expect(await pay(t.owner, inv.id, { amountCents: 1, paidOn: '2026-03-01' })).toMatchObject({
      status: 'paid',
      paidCents: Number.MAX_SAFE_INTEGER,
      balanceCents: 0,
    });
  });

  it('turns a draft that receives a payment into sent, and into paid when covered', async () => {
    const t = await apps.workspace();
    const part = await addInvoice(t, { amountCents: 1000 });
    expect(part.status).toBe('draft');
    expect(await pay(t.owner, part.id, { amountCents: 400, paidOn: '2026-03-01' })).toMatchObject({
      status: 'sent',
    });

    const whole = await addInvoice(t, { amountCents: 1000 });
    expect(await pay(t.owner, whole.id, { amountCents: 1000, paidOn: '2026-03-01' })).toMatchObject(
      {
        status: 'paid',
        balanceCents: 0,
      },
    );
  });

  it('takes the invoice currency, in full or left out, also when it is not the deal’s', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 5000, currency: 'EUR', status: 'sent' });
    await pay(t.owner, inv.id, { amountCents: 1000, paidOn: '2026-03-01', currency: 'EUR' });
    const after = await pay(t.owner, inv.id, { amountCents: 1000, paidOn: '2026-03-01' });
    expect(after.payments.map((p) => p.currency)).toEqual(['EUR', 'EUR']);
  });

  it('returns 400 naming amountCents for an overpayment, and writes nothing', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    await pay(t.owner, inv.id, { amountCents: 600, paidOn: '2026-03-01' });
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.post(`/api/invoices/${inv.id}/payments`, {
        amountCents: 401,
        paidOn: '2026-03-01',
      }),
      400,
      {
        code: 'validation_failed',
        paths: ['amountCents'],
      },
    );
    expect(await moneySnapshot(t)).toEqual(before);
    // Exactly the balance is fine.
    expect(await pay(t.owner, inv.id, { amountCents: 400, paidOn: '2026-03-01' })).toMatchObject({
      status: 'paid',
    });
    // Once paid, any further payment is an overpayment.
    const paid = await moneySnapshot(t);
    expectApiError(
      await t.owner.post(`/api/invoices/${inv.id}/payments`, {
        amountCents: 1,
        paidOn: '2026-03-01',
      }),
      400,
      {
        paths: ['amountCents'],
      },
    );
    expect(await moneySnapshot(t)).toEqual(paid);
  });

  it('takes only one of two simultaneous payments that together would overpay', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        t.owner.post(`/api/invoices/${inv.id}/payments`, {
          amountCents: 600,
          paidOn: '2026-03-01',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400]);
    expect(await getInvoice(t.owner, inv.id)).toMatchObject({
      paidCents: 600,
      balanceCents: 400,
      status: 'sent',
    });
    expect(await t.db.selectFrom('payments').select('amountCents').execute()).toHaveLength(1);
  });

  it('returns 400 naming currency for a payment in another currency, and writes nothing', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.post(`/api/invoices/${inv.id}/payments`, {
        amountCents: 100,
        currency: 'EUR',
        paidOn: '2026-03-01',
      }),
      400,
      { paths: ['currency'] },
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it('returns 409 for a payment on a void invoice, and writes nothing', async () => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000, status: 'void' });
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.post(`/api/invoices/${inv.id}/payments`, {
        amountCents: 100,
        paidOn: '2026-03-01',
      }),
      409,
      {
        code: 'conflict',
      },
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it.each([
    [{ amountCents: 0, paidOn: '2026-03-01' }, ['amountCents']],
    [{ amountCents: -100, paidOn: '2026-03-01' }, ['amountCents']],
    [{ amountCents: 0.1 + 0.2, paidOn: '2026-03-01' }, ['amountCents']],
    [{ amountCents: 33.33, paidOn: '2026-03-01' }, ['amountCents']],
    [{ amountCents: '100', paidOn: '2026-03-01' }, ['amountCents']],
    [{ paidOn: '2026-03-01' }, ['amountCents']],
    [{ amountCents: 100 }, ['paidOn']],
    [{ amountCents: 100, paidOn: '2026-02-29' }, ['paidOn']],
    [{ amountCents: 100, paidOn: '2026-03-01T10:00:00Z' }, ['paidOn']],
    [{ amountCents: 100, paidOn: '2026-03-01', currency: 'usd' }, ['currency']],
    [{ amountCents: 100, paidOn: '2026-03-01', method: 7 }, ['method']],
    [{ amountCents: 100, paidOn: '2026-03-01', method: 'x'.repeat(101) }, ['method']],
    [
      { amountCents: -1, paidOn: 'yesterday', currency: 'dollars' },
      ['amountCents', 'paidOn', 'currency'],
    ],
  ])('returns 400 for %j naming %j, and writes nothing', async (body, paths) => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    const before = await moneySnapshot(t);
    expectApiError(await t.owner.post(`/api/invoices/${inv.id}/payments`, unchecked(body)), 400, {
      paths,
    });
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it('returns 404 for an unknown invoice', async () => {
    const t = await apps.workspace();
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.post('/api/invoices/no-such-invoice/payments', {
        amountCents: 1,
        paidOn: '2026-03-01',
      }),
      404,
      {
        code: 'not_found',
      },
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });
});

describe('DELETE /api/invoices/:id/payments/:paymentId', () => {
  it('removes a payment and reopens a paid invoice as sent (200 with the invoice)', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    await pay(t.owner, inv.id, { amountCents: 300, paidOn: '2026-02-20' });
    const paid = await pay(t.owner, inv.id, { amountCents: 700, paidOn: '2026-02-25' });
    expect(paid.status).toBe('paid');
    const second = paid.payments.find((p) => p.amountCents === 700)!;

    const res = await t.owner.delete(`/api/invoices/${inv.id}/payments/${second.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'sent',
      paidCents: 300,
      balanceCents: 700,
      version: paid.version + 1,
    });
    expect(res.body.payments.map((p) => p.amountCents)).toEqual([300]);
    expect(await getInvoice(t.owner, inv.id)).toEqual(res.body);
  });

  it('makes a paid invoice past its due day overdue again', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000, { issuedOn: '2026-01-01', dueOn: '2026-02-15' });
    const paid = await pay(t.owner, inv.id, { amountCents: 1000, paidOn: '2026-02-10' });
    expect(paid).toMatchObject({ status: 'paid', overdue: false });
    const res = await t.owner.delete(`/api/invoices/${inv.id}/payments/${paid.payments[0]!.id}`);
    expect(res.body).toMatchObject({
      status: 'sent',
      overdue: true,
      daysOverdue: 14,
      paidCents: 0,
    });
  });

  it('returns 404 for an unknown payment, or one of another invoice, and writes nothing', async () => {
    const t = await apps.workspace();
    const a = await sentInvoice(t, 1000);
    const b = await sentInvoice(t, 1000);
    const onB = await pay(t.owner, b.id, { amountCents: 100, paidOn: '2026-03-01' });
    const before = await moneySnapshot(t);
    expectApiError(await t.owner.delete(`/api/invoices/${a.id}/payments/no-such-payment`), 404, {
      code: 'not_found',
    });
    expectApiError(
      await t.owner.delete(`/api/invoices/${a.id}/payments/${onB.payments[0]!.id}`),
      404,
    );
    expectApiError(
      await t.owner.delete(`/api/invoices/no-such-invoice/payments/${onB.payments[0]!.id}`),
      404,
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });
});

describe('what payments allow and forbid', () => {
  it('returns 409 when voiding an invoice with payments, and writes nothing', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    const part = await pay(t.owner, inv.id, { amountCents: 1, paidOn: '2026-03-01' });
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.patch(`/api/invoices/${inv.id}`, { version: part.version, status: 'void' }),
      409,
      {
        code: 'conflict',
      },
    );
    expect(await moneySnapshot(t)).toEqual(before);
    // Without its payments it may be voided.
    await t.owner.delete(`/api/invoices/${inv.id}/payments/${part.payments[0]!.id}`);
    expect(await patchInvoice(t.owner, inv.id, { status: 'void' })).toMatchObject({
      status: 'void',
      balanceCents: 0,
    });
  });

  it('returns 400 naming amountCents when lowering the amount below what is paid, and writes nothing', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    const part = await pay(t.owner, inv.id, { amountCents: 600, paidOn: '2026-03-01' });
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.patch(`/api/invoices/${inv.id}`, { version: part.version, amountCents: 599 }),
      400,
      {
        paths: ['amountCents'],
      },
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it('settles the status when the amount changes: down to what is paid → paid; up again → sent', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    await pay(t.owner, inv.id, { amountCents: 600, paidOn: '2026-03-01' });
    expect(await patchInvoice(t.owner, inv.id, { amountCents: 600 })).toMatchObject({
      status: 'paid',
      balanceCents: 0,
    });
    expect(await patchInvoice(t.owner, inv.id, { amountCents: 800 })).toMatchObject({
      status: 'sent',
      balanceCents: 200,
    });
  });

  it('does not let a client set paid, nor take a paid invoice back to draft', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    const paid = await pay(t.owner, inv.id, { amountCents: 1000, paidOn: '2026-03-01' });
    expectApiError(
      await t.owner.patch(
        `/api/invoices/${inv.id}`,
        unchecked({ version: paid.version, status: 'paid' }),
      ),
      400,
      {
        paths: ['status'],
      },
    );
    expect(await patchInvoice(t.owner, inv.id, { status: 'draft' })).toMatchObject({
      status: 'paid',
    });
    expect(await patchInvoice(t.owner, inv.id, { status: 'sent' })).toMatchObject({
      status: 'paid',
    });
  });

  it('returns 409 naming currency when changing the currency of an invoice with payments', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    const part = await pay(t.owner, inv.id, { amountCents: 100, paidOn: '2026-03-01' });
    const before = await moneySnapshot(t);
    expectApiError(
      await t.owner.patch(`/api/invoices/${inv.id}`, { version: part.version, currency: 'EUR' }),
      409,
      {
        paths: ['currency'],
      },
    );
    expect(await moneySnapshot(t)).toEqual(before);
  });

  it.each(['sent', 'paid'] as const)(
    'returns 409 when deleting a %s invoice, and writes nothing',
    async (status) => {
      const t = await apps.workspace();
      const inv = await sentInvoice(t, 1000);
      if (status === 'paid')
        await pay(t.owner, inv.id, { amountCents: 1000, paidOn: '2026-03-01' });
      expect((await getInvoice(t.owner, inv.id)).status).toBe(status);
      const before = await moneySnapshot(t);
      expectApiError(await t.owner.delete(`/api/invoices/${inv.id}`), 409, {
        code: 'conflict',
        message: /void/i,
      });
      expect(await moneySnapshot(t)).toEqual(before);
    },
  );

  it.each(['draft', 'void'] as const)('deletes a %s invoice (204)', async (status) => {
    const t = await apps.workspace();
    const inv = await addInvoice(t, { amountCents: 1000, status });
    expect((await t.owner.delete(`/api/invoices/${inv.id}`)).status).toBe(204);
    expect((await t.owner.get('/api/invoices')).body.items).toEqual([]);
  });

  it('deletes a sent invoice once it is voided', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, 1000);
    await patchInvoice(t.owner, inv.id, { status: 'void' });
    expect((await t.owner.delete(`/api/invoices/${inv.id}`)).status).toBe(204);
  });
});

describe('deals and their invoices', () => {
  it.each(['sent', 'paid'] as const)(
    'refuses to delete a deal with a %s invoice (409) and deletes nothing',
    async (status) => {
      const t = await apps.workspace();
      await addInvoice(t, { amountCents: 500, number: 'DRAFT-1' });
      const inv = await addInvoice(t, { amountCents: 1000, number: 'BILLED-1', status: 'sent' });
      if (status === 'paid')
        await pay(t.owner, inv.id, { amountCents: 1000, paidOn: '2026-03-01' });
      await t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title: 'Reel',
        platform: 'instagram',
      });
      const before = await moneySnapshot(t);
      const res = await t.owner.delete(`/api/deals/${t.deal.id}`);
      expectApiError(res, 409, { code: 'conflict', message: /BILLED-1/ });
      expect(await moneySnapshot(t)).toEqual(before);
    },
  );

  it('deletes a deal whose invoices are only drafts and void ones, and the invoices with it', async () => {
    const t = await apps.workspace();
    const draft = await addInvoice(t, { amountCents: 500 });
    const voided = await addInvoice(t, { amountCents: 700, status: 'void' });
    const other = await createDeal(t.owner, { brandId: t.brand.id, title: 'Other' });
    const kept = await createInvoice(t.owner, {
      dealId: other.id,
      amountCents: 900,
      status: 'sent',
    });

    expect((await t.owner.delete(`/api/deals/${t.deal.id}`)).status).toBe(204);
    expectApiError(await t.owner.get(`/api/invoices/${draft.id}`), 404);
    expectApiError(await t.owner.get(`/api/invoices/${voided.id}`), 404);
    expect((await t.owner.get('/api/invoices')).body.items.map((i: Invoice) => i.id)).toEqual([
      kept.id,
    ]);
    expect((await t.db.selectFrom('invoices').select('id').execute()).map((r) => r.id)).toEqual([
      kept.id,
    ]);
  });

  it('answers invoicedCents and paidCents: not void, only in the deal’s currency', async () => {
    const t = await apps.workspace();
    const deal = () => t.owner.get(`/api/deals/${t.deal.id}`).then((r) => r.body);
    expect(await deal()).toMatchObject({ currency: 'USD', invoicedCents: 0, paidCents: 0 });

    const draft = await addInvoice(t, { amountCents: 10_000 });
    const sent = await addInvoice(t, { amountCents: 20_000, status: 'sent' });
    await pay(t.owner, sent.id, { amountCents: 5_000, paidOn: '2026-03-01' });
    const full = await addInvoice(t, { amountCents: 30_000, status: 'sent' });
    await pay(t.owner, full.id, { amountCents: 30_000, paidOn: '2026-03-01' });
    await addInvoice(t, { amountCents: 40_000, status: 'void' });
    const euros = await addInvoice(t, { amountCents: 80_000, currency: 'EUR', status: 'sent' });
    await pay(t.owner, euros.id, { amountCents: 80_000, paidOn: '2026-03-01' });

    const expected = { invoicedCents: 10_000 + 20_000 + 30_000, paidCents: 5_000 + 30_000 };
    expect(await deal()).toMatchObject(expected);
    const listed = (await t.owner.get('/api/deals')).body.items.find(
      (d: { id: string }) => d.id === t.deal.id,
    );
    expect(listed).toMatchObject(expected);

    // Voiding the draft takes it out; removing a payment lowers paidCents.
    await patchInvoice(t.owner, draft.id, { status: 'void' });
    const current = await getInvoice(t.owner, sent.id);
    await t.owner.delete(`/api/invoices/${sent.id}/payments/${current.payments[0]!.id}`);
    expect(await deal()).toMatchObject({ invoicedCents: 50_000, paidCents: 30_000 });
  });

  it('counts each deal’s own invoices only', async () => {
    const t = await apps.workspace();
    const other = await createDeal(t.owner, {
      brandId: t.brand.id,
      title: 'Other',
      currency: 'EUR',
    });
    await addInvoice(t, { amountCents: 1_000 });
    const eur = await createInvoice(t.owner, {
      dealId: other.id,
      amountCents: 2_000,
      status: 'sent',
    });
    await pay(t.owner, eur.id, { amountCents: 1_500, paidOn: '2026-03-01' });
    expect((await t.owner.get(`/api/deals/${t.deal.id}`)).body).toMatchObject({
      invoicedCents: 1_000,
      paidCents: 0,
    });
    expect((await t.owner.get(`/api/deals/${other.id}`)).body).toMatchObject({
      currency: 'EUR',
      invoicedCents: 2_000,
      paidCents: 1_500,
    });
  });
});
